package io.cloudjar.app.iam;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * {@code ENFORCE_IAM=1} with {@code IAM_SOFT_MODE=1}: policies are evaluated, a denial is logged with the principal,
 * action, resource, decision and matched statement, and the call goes on.
 */
class SoftModeEnforcementTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("ENFORCE_IAM", "1")
            .withEnv("IAM_SOFT_MODE", "1");

    private final TestPrincipals principals = new TestPrincipals(cloudjar);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger iamLog = (Logger) LoggerFactory.getLogger("cloudjar.iam");

    @BeforeEach
    void capture() {
        log.start();
        iamLog.addAppender(log);
    }

    @AfterEach
    void release() {
        iamLog.detachAppender(log);
        cloudjar.reset();
    }

    @Test
    void aDeniedCallIsLoggedAndGoesOn() {
        try (IamClient root = cloudjar.client(IamClient.builder()); S3Client rootS3 = cloudjar.client(TestPrincipals.s3())) {
            rootS3.createBucket(r -> r.bucket("soft"));
            rootS3.putObject(r -> r.bucket("soft").key("a"), RequestBody.fromString("a"));
            AccessKey key = principals.user(root, "nobody");
            root.putUserPolicy(r -> r.userName("nobody").policyName("noDelete")
                    .policyDocument(TestPrincipals.policy("Deny", "s3:DeleteObject", "arn:aws:s3:::soft/*")));
            assertThat(softDenials()).isEmpty();
            try (S3Client s3 = principals.as(TestPrincipals.s3(), key)) {
                assertThat(s3.getObjectAsBytes(r -> r.bucket("soft").key("a")).asUtf8String()).isEqualTo("a");
                assertThat(softDenials()).singleElement().asString()
                        .contains("principal=arn:aws:iam::000000000000:user/nobody")
                        .contains("action=s3:GetObject")
                        .contains("resource=arn:aws:s3:::soft/a")
                        .contains("decision=implicitDeny")
                        .contains("matched=none");

                // an in-call check (DeleteObjects' keys) is soft too, and names the statement that denied it
                assertThat(s3.deleteObjects(r -> r.bucket("soft").delete(d -> d.objects(ObjectIdentifier.builder().key("a").build())))
                        .errors()).isEmpty();
                assertThat(softDenials()).anySatisfy(line -> assertThat(line).contains("action=s3:DeleteObject")
                        .contains("resource=arn:aws:s3:::soft/a").contains("decision=explicitDeny").contains("matched=noDelete#1"));
            }
        }
    }

    private java.util.List<String> softDenials() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("IAM_SOFT_MODE")).toList();
    }
}
