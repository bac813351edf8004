package io.cloudjar.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.pipeline.TestContexts;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/** Real SDK v2 clients of the EC2 and AWS query APIs against the codecs, through {@link LoopbackHttpClient}. */
class QueryProtocolsSdkClientTest {

    @Test
    void ec2ClientRequestDecodesAndItReadsTheEncodedReservations() {
        LoopbackHttpClient http = new LoopbackHttpClient("ec2", ctx -> DescribeInstancesResponse.builder()
                .reservations(Reservation.builder().reservationId("r-1").ownerId("000000000000")
                        .instances(Instance.builder().instanceId("i-0abc").launchTime(Instant.parse("2024-01-02T03:04:05Z"))
                                .state(s -> s.code(16).name(InstanceStateName.RUNNING)).ebsOptimized(true)
                                .tags(t -> t.key("Name").value("web")).build())
                        .build())
                .nextToken("page-2").build());
        try (Ec2Client ec2 = http.client(Ec2Client.builder())) {
            DescribeInstancesResponse response = ec2.describeInstances(b -> b.instanceIds("i-0abc", "i-0def")
                    .filters(f -> f.name("tag:Name").values("web", "db")).maxResults(10));

            DescribeInstancesRequest sent = http.lastCall().input();
            assertThat(sent.instanceIds()).containsExactly("i-0abc", "i-0def");
            assertThat(sent.filters().get(0).values()).containsExactly("web", "db");
            assertThat(sent.maxResults()).isEqualTo(10);

            Instance instance = response.reservations().get(0).instances().get(0);
            assertThat(response.reservations().get(0).reservationId()).isEqualTo("r-1");
            assertThat(instance.instanceId()).isEqualTo("i-0abc");
            assertThat(instance.launchTime()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
            assertThat(instance.state().name()).isEqualTo(InstanceStateName.RUNNING);
            assertThat(instance.ebsOptimized()).isTrue();
            assertThat(instance.tags().get(0).value()).isEqualTo("web");
            assertThat(response.nextToken()).isEqualTo("page-2");
        }
    }

    @Test
    void ec2ClientReadsTheErrorCodeMessageAndRequestId() {
        LoopbackHttpClient http = new LoopbackHttpClient("ec2", ctx -> {
            throw AwsErrors.of("InvalidVpcID.NotFound", 400, "The vpc ID 'vpc-1' does not exist");
        });
        try (Ec2Client ec2 = http.client(Ec2Client.builder())) {
            Ec2Exception error = catchThrowableOfType(Ec2Exception.class, () -> ec2.deleteVpc(b -> b.vpcId("vpc-1")));

            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound");
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The vpc ID 'vpc-1' does not exist");
            assertThat(error.statusCode()).isEqualTo(400);
            assertThat(error.requestId()).isEqualTo(TestContexts.REQUEST_ID);
        }
    }

    @Test
    void ec2ClientSeesMissingParametersFromValidation() {
        LoopbackHttpClient http = new LoopbackHttpClient("ec2", ctx -> {
            throw new AssertionError("the provider must not be called");
        });
        try (Ec2Client ec2 = http.client(Ec2Client.builder())) {
            Ec2Exception error = catchThrowableOfType(Ec2Exception.class, () -> ec2.runInstances(b -> b.imageId("ami-1").maxCount(1)));

            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("MissingParameter");
        }
    }

    @Test
    void iamClientRoundTripsAUserAndMapsModeledErrors() {
        LoopbackHttpClient http = new LoopbackHttpClient("iam", ctx -> {
            if (ctx.operation().name().equals("GetUser")) {
                throw AwsErrors.of("NoSuchEntity", 404, "The user with name ghost cannot be found.");
            }
            CreateUserRequest req = ctx.input();
            return CreateUserResponse.builder().user(User.builder().userName(req.userName()).path(req.path())
                    .userId("AIDA0000000000000001").arn("arn:aws:iam::000000000000:user" + req.path() + req.userName())
                    .createDate(Instant.parse("2024-02-03T04:05:06Z")).tags(req.tags()).build()).build();
        });
        try (IamClient iam = http.client(IamClient.builder())) {
            User user = iam.createUser(b -> b.userName("alice").path("/eng/")
                    .tags(t -> t.key("team").value("core"), t -> t.key("empty").value(""))).user();

            assertThat(user.arn()).isEqualTo("arn:aws:iam::000000000000:user/eng/alice");
            assertThat(user.createDate()).isEqualTo(Instant.parse("2024-02-03T04:05:06Z"));
            assertThat(user.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=core", "empty=");

            NoSuchEntityException error = catchThrowableOfType(NoSuchEntityException.class,
                    () -> iam.getUser(b -> b.userName("ghost")));
            assertThat(error.statusCode()).isEqualTo(404);
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The user with name ghost cannot be found.");
            assertThat(error.requestId()).isEqualTo(TestContexts.REQUEST_ID);
        }
    }

    @Test
    void iamClientSendsAnEmptyListAsAnEmptyList() {
        LoopbackHttpClient http = new LoopbackHttpClient("iam", ctx -> CreateUserResponse.builder().build());
        try (IamClient iam = http.client(IamClient.builder())) {
            iam.createUser(b -> b.userName("bob").tags(java.util.List.of()));

            CreateUserRequest sent = http.lastCall().input();
            assertThat(sent.hasTags()).isTrue();
            assertThat(sent.tags()).isEmpty();
        }
    }

    @Test
    void stsClientReadsTemporaryCredentials() {
        LoopbackHttpClient http = new LoopbackHttpClient("sts", ctx -> {
            AssumeRoleRequest req = ctx.input();
            return AssumeRoleResponse.builder()
                    .credentials(c -> c.accessKeyId("ASIA000000000000EXAM").secretAccessKey("secret").sessionToken("token")
                            .expiration(Instant.parse("2024-05-06T07:08:09Z").plusSeconds(req.durationSeconds())))
                    .assumedRoleUser(u -> u.arn("arn:aws:sts::000000000000:assumed-role/r/" + req.roleSessionName())
                            .assumedRoleId("AROA0000:" + req.roleSessionName()))
                    .build();
        });
        try (StsClient sts = http.client(StsClient.builder())) {
            AssumeRoleResponse response = sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/r")
                    .roleSessionName("s1").durationSeconds(900));

            assertThat(response.credentials().expiration()).isEqualTo(Instant.parse("2024-05-06T07:23:09Z"));
            assertThat(response.assumedRoleUser().arn()).endsWith("assumed-role/r/s1");
        }
    }

    @Test
    void rdsClientSendsFiltersAndReadsInstancesAndModeledErrors() {
        LoopbackHttpClient http = new LoopbackHttpClient("rds", ctx -> {
            DescribeDbInstancesRequest req = ctx.input();
            if (req.dbInstanceIdentifier() != null) {
                throw AwsErrors.of("DBInstanceNotFound", 404, "DBInstance %s not found.", req.dbInstanceIdentifier());
            }
            return DescribeDbInstancesResponse.builder().dbInstances(d -> d.dbInstanceIdentifier("db1").engine("postgres")
                    .allocatedStorage(20).multiAZ(false).instanceCreateTime(Instant.parse("2024-07-08T09:10:11.123Z"))
                    .endpoint(e -> e.address("db1.local").port(5432))).build();
        });
        try (RdsClient rds = http.client(RdsClient.builder())) {
            DescribeDbInstancesResponse response = rds.describeDBInstances(b -> b.filters(f -> f.name("engine").values("postgres")));

            DescribeDbInstancesRequest sent = http.lastCall().input();
            assertThat(sent.filters().get(0).values()).containsExactly("postgres");
            assertThat(response.dbInstances().get(0).endpoint().port()).isEqualTo(5432);
            assertThat(response.dbInstances().get(0).instanceCreateTime()).isEqualTo(Instant.parse("2024-07-08T09:10:11.123Z"));
            assertThat(response.dbInstances().get(0).multiAZ()).isFalse();

            DbInstanceNotFoundException error = catchThrowableOfType(DbInstanceNotFoundException.class,
                    () -> rds.describeDBInstances(b -> b.dbInstanceIdentifier("nope")));
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("DBInstance nope not found.");
        }
    }
}
