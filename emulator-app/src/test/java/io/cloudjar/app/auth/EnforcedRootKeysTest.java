package io.cloudjar.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * {@code ENFORCE_IAM=1}: keys Cloudjar did not issue are refused, but the root key pair of each account
 * ({@code test}/{@code test}, a twelve-digit account id with the root secret, or the pair set with
 * {@code CLOUDJAR_ROOT_ACCESS_KEY_ID}/{@code CLOUDJAR_ROOT_SECRET_ACCESS_KEY}), whose signature is verified then.
 */
class EnforcedRootKeysTest {
    private static void assertRefused(Runnable call, String code, int status) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call::run);
        assertThat(e).as("refused with %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
    }

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnforceIam();

    @Test
    void unknownKeysAreRefusedByEveryApi() {
        try (Clients foo = Clients.of(cloudjar, "foo", "test")) {
            assertRefused(() -> foo.sts().getCallerIdentity(), "InvalidClientTokenId", 403);
            assertRefused(() -> foo.iam().listUsers(), "InvalidClientTokenId", 403);
            assertRefused(() -> foo.s3().listBuckets(), "InvalidAccessKeyId", 403);
            assertRefused(() -> foo.ec2().describeVpcs(), "AuthFailure", 401);
        }
    }

    @Test
    void theRootPairWorksAndItsSignatureIsVerified() {
        try (Clients root = Clients.of(cloudjar, "test", "test"); Clients wrong = Clients.of(cloudjar, "test", "nope")) {
            assertThat(root.sts().getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:root");
            assertThat(root.ec2().describeVpcs().vpcs()).isNotEmpty();
            root.s3().createBucket(r -> r.bucket("enforced"));
            assertRefused(() -> wrong.sts().getCallerIdentity(), "SignatureDoesNotMatch", 403);
            assertRefused(() -> wrong.s3().listBuckets(), "SignatureDoesNotMatch", 403);
            assertRefused(() -> wrong.ec2().describeVpcs(), "AuthFailure", 401);
        }
    }

    @Test
    void anAccountIdWithTheRootSecretIsThatAccountsRoot() {
        try (Clients other = Clients.of(cloudjar, "222222222222", "test");
                Clients wrong = Clients.of(cloudjar, "222222222222", "other")) {
            assertThat(other.sts().getCallerIdentity().arn()).isEqualTo("arn:aws:iam::222222222222:root");
            assertRefused(() -> wrong.sts().getCallerIdentity(), "SignatureDoesNotMatch", 403);
        }
    }

    @Test
    void issuedKeysWorkWithTheirOwnSecret() {
        try (Clients root = Clients.of(cloudjar, "test", "test")) {
            root.iam().createUser(r -> r.userName("enforced-user"));
            root.iam().attachUserPolicy(r -> r.userName("enforced-user").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
            AccessKey key = root.iam().createAccessKey(r -> r.userName("enforced-user")).accessKey();
            try (Clients user = Clients.of(cloudjar, key)) {
                assertThat(user.sts().getCallerIdentity().arn()).endsWith(":user/enforced-user");
            }
        }
    }

    @Test
    void unsignedCallsToQueryApisMissAuthentication() throws Exception {
        try (RawHttp http = new RawHttp(cloudjar.port(), 10_000)) {
            String form = "Action=ListUsers&Version=2010-05-08";
            RawHttp.Response iam = http.send("POST / HTTP/1.1\r\nHost: iam.amazonaws.com\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                    + "\r\nConnection: close\r\n\r\n" + form).read();
            assertThat(iam.status()).isEqualTo(403);
            assertThat(iam.body()).contains("<Code>MissingAuthenticationToken</Code>");
        }
    }
}
