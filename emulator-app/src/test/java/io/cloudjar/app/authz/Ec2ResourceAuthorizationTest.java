package io.cloudjar.app.authz;

import static io.cloudjar.app.authz.EnforcedPolicies.allow;
import static io.cloudjar.app.authz.EnforcedPolicies.deny;
import static io.cloudjar.app.authz.EnforcedPolicies.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.iam.model.AccessKey;

/** With {@code ENFORCE_IAM=1}, EC2 calls are authorized on the ARNs of the resources they name. */
class Ec2ResourceAuthorizationTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnforceIam();
    private static final EnforcedPolicies POLICIES = new EnforcedPolicies(cloudjar);

    @Test
    void aDenyOnOneVpcStopsDeletingItButNotAnother() {
        try (Ec2Client root = cloudjar.client(Ec2Client.builder())) {
            String kept = root.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
            String other = root.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
            AccessKey key = POLICIES.user("vpc-admin", "/", policy(allow("ec2:*", "*"), deny("ec2:*", "arn:aws:ec2:*:*:vpc/" + kept)));
            try (Ec2Client user = POLICIES.client(Ec2Client.builder(), key)) {
                Ec2Exception denied = catchThrowableOfType(Ec2Exception.class, () -> user.deleteVpc(r -> r.vpcId(kept)));
                assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
                assertThat(denied.statusCode()).isEqualTo(403);

                user.deleteVpc(r -> r.vpcId(other));
                assertThat(root.describeVpcs(r -> r.vpcIds(kept)).vpcs()).hasSize(1);
                assertThat(root.describeVpcs().vpcs()).noneMatch(v -> v.vpcId().equals(other));
            }
        }
    }

    @Test
    void describeIsAuthorizedOnStarSoAPolicyNamingVpcsDoesNotAllowIt() {
        AccessKey onStar = POLICIES.user("describer", "/", policy(allow("ec2:DescribeVpcs", "*")));
        AccessKey onVpcs = POLICIES.user("vpc-describer", "/", policy(allow("ec2:DescribeVpcs", "arn:aws:ec2:*:*:vpc/*")));
        try (Ec2Client allowed = POLICIES.client(Ec2Client.builder(), onStar);
             Ec2Client narrowed = POLICIES.client(Ec2Client.builder(), onVpcs)) {
            assertThat(allowed.describeVpcs().vpcs()).isNotEmpty();
            Ec2Exception denied = catchThrowableOfType(Ec2Exception.class, narrowed::describeVpcs);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
        }
    }

    @Test
    void runInstancesIsDeniedForAnInstanceTypeThePolicyDoesNotAllow() {
        // AWS's own example: the instance type condition on the instance, the other resources without it
        AccessKey key = POLICIES.user("micro-only", "/", policy(
                allow("ec2:RunInstances", "arn:aws:ec2:*:*:instance/*", "{\"StringEquals\":{\"ec2:InstanceType\":\"t2.micro\"}}"),
                allow("ec2:RunInstances", "arn:aws:ec2:*::image/*"),
                "{\"Effect\":\"Allow\",\"Action\":\"ec2:RunInstances\",\"Resource\":[\"arn:aws:ec2:*:*:subnet/*\","
                        + "\"arn:aws:ec2:*:*:security-group/*\",\"arn:aws:ec2:*:*:volume/*\",\"arn:aws:ec2:*:*:network-interface/*\","
                        + "\"arn:aws:ec2:*:*:key-pair/*\"]}",
                allow("ec2:Describe*", "*")));
        try (Ec2Client user = POLICIES.client(Ec2Client.builder(), key)) {
            String image = user.describeImages(r -> r.owners("099720109477").filters(f -> f.name("architecture").values("x86_64"))).images().stream()
                    .max(Comparator.comparing(Image::creationDate)).orElseThrow().imageId();

            Ec2Exception denied = catchThrowableOfType(Ec2Exception.class,
                    () -> user.runInstances(r -> r.imageId(image).instanceType("m5.large").minCount(1).maxCount(1)));
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");

            assertThat(user.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1)).instances())
                    .singleElement().satisfies(i -> assertThat(i.instanceTypeAsString()).isEqualTo("t2.micro"));
        }
    }

    @Test
    void aConditionOnTheInstancesTagsLetsAUserStopOnlyDevInstances() {
        String dev;
        String prod;
        try (Ec2Client root = cloudjar.client(Ec2Client.builder())) {
            String image = root.describeImages(r -> r.owners("099720109477").filters(f -> f.name("architecture").values("x86_64")))
                    .images().get(0).imageId();
            dev = run(root, image, "dev");
            prod = run(root, image, "prod");
        }
        cloudjar.advanceClock(Duration.ofSeconds(5)); // pending → running
        AccessKey key = POLICIES.user("dev-operator", "/", policy(
                allow("ec2:StopInstances", "arn:aws:ec2:*:*:instance/*", "{\"StringEquals\":{\"ec2:ResourceTag/Env\":\"dev\"}}"),
                allow("ec2:Describe*", "*")));
        try (Ec2Client user = POLICIES.client(Ec2Client.builder(), key)) {
            assertThat(user.stopInstances(r -> r.instanceIds(dev)).stoppingInstances()).singleElement()
                    .satisfies(s -> assertThat(s.instanceId()).isEqualTo(dev));
            Ec2Exception denied = catchThrowableOfType(Ec2Exception.class, () -> user.stopInstances(r -> r.instanceIds(prod)));
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            // one call naming both: the prod instance denies it as a whole
            assertThat(catchThrowableOfType(Ec2Exception.class, () -> user.stopInstances(r -> r.instanceIds(dev, prod))))
                    .isNotNull();
        }
    }

    @Test
    void disassociatingIsAuthorizedOnTheRouteTableTheAssociationBelongsTo() {
        String keptTable;
        String keptAssociation;
        String freeAssociation;
        try (Ec2Client root = cloudjar.client(Ec2Client.builder())) {
            String vpc = root.createVpc(r -> r.cidrBlock("10.3.0.0/16")).vpc().vpcId();
            String subnetA = root.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.3.1.0/24")).subnet().subnetId();
            String subnetB = root.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.3.2.0/24")).subnet().subnetId();
            keptTable = root.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
            String freeTable = root.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
            keptAssociation = root.associateRouteTable(r -> r.routeTableId(keptTable).subnetId(subnetA)).associationId();
            freeAssociation = root.associateRouteTable(r -> r.routeTableId(freeTable).subnetId(subnetB)).associationId();
        }
        AccessKey key = POLICIES.user("router", "/", policy(allow("ec2:*", "*"),
                deny("ec2:DisassociateRouteTable", "arn:aws:ec2:*:*:route-table/" + keptTable)));
        try (Ec2Client user = POLICIES.client(Ec2Client.builder(), key)) {
            Ec2Exception denied = catchThrowableOfType(Ec2Exception.class,
                    () -> user.disassociateRouteTable(r -> r.associationId(keptAssociation)));
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            user.disassociateRouteTable(r -> r.associationId(freeAssociation));
            // an association that does not exist is the provider's answer, not a denial
            Ec2Exception unknown = catchThrowableOfType(Ec2Exception.class,
                    () -> user.disassociateRouteTable(r -> r.associationId("rtbassoc-0123456789abcdef0")));
            assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("InvalidAssociationID.NotFound");
        }
    }

    private static String run(Ec2Client root, String image, String env) {
        return root.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1)
                .tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Env").value(env))))
                .instances().get(0).instanceId();
    }
}
