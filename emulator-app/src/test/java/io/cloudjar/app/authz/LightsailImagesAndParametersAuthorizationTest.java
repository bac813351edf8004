package io.cloudjar.app.authz;

import static io.cloudjar.app.authz.EnforcedPolicies.allow;
import static io.cloudjar.app.authz.EnforcedPolicies.deny;
import static io.cloudjar.app.authz.EnforcedPolicies.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.AccessDeniedException;
import software.amazon.awssdk.services.lightsail.model.ContainerServicePowerName;

/**
 * With {@code ENFORCE_IAM=1}, registering container images and changing a managed database's parameters are authorized
 * on the ARN of the container service / database they name.
 */
class LightsailImagesAndParametersAuthorizationTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnforceIam()
            .withEnv("RDS_MARIADB_BIN", "none"); // the mysql databases need no server here
    private static final EnforcedPolicies POLICIES = new EnforcedPolicies(cloudjar);
    private static final String DIGEST = "sha256:" + "c3".repeat(32);

    @Test
    void aDenyOnOneServicesOrDatabasesArnProtectsThatOneOnly() {
        String lockedService;
        String lockedDb;
        try (LightsailClient root = cloudjar.client(LightsailClient.builder())) {
            for (String name : new String[] {"locked-app", "open-app"}) {
                root.createContainerService(r -> r.serviceName(name).power(ContainerServicePowerName.NANO).scale(1));
            }
            for (String name : new String[] {"locked-db", "open-db"}) {
                root.createRelationalDatabase(r -> r.relationalDatabaseName(name).availabilityZone("us-east-1a")
                        .relationalDatabaseBlueprintId("mysql_8_0").relationalDatabaseBundleId("micro_2_0")
                        .masterDatabaseName("app").masterUsername("appadmin"));
            }
            lockedService = root.getContainerServices(r -> r.serviceName("locked-app")).containerServices().get(0).arn();
            lockedDb = root.getRelationalDatabase(r -> r.relationalDatabaseName("locked-db")).relationalDatabase().arn();
        }
        cloudjar.advanceClock(Duration.ofMinutes(1));
        AccessKey key = POLICIES.user("deployer", "/", policy(allow("lightsail:*", "*"),
                deny("lightsail:RegisterContainerImage", lockedService),
                deny("lightsail:UpdateRelationalDatabaseParameters", lockedDb)));
        try (LightsailClient user = POLICIES.client(LightsailClient.builder(), key)) {
            AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class, () -> user.registerContainerImage(
                    r -> r.serviceName("locked-app").label("web").digest(DIGEST)));
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorMessage()).contains("lightsail:RegisterContainerImage").contains(lockedService);
            assertThat(user.registerContainerImage(r -> r.serviceName("open-app").label("web").digest(DIGEST))
                    .containerImage().image()).isEqualTo(":open-app.web.1");

            assertThat(catchThrowableOfType(AccessDeniedException.class, () -> user.updateRelationalDatabaseParameters(r -> r
                    .relationalDatabaseName("locked-db").parameters(p -> p.parameterName("general_log").parameterValue("1")
                            .applyMethod("immediate"))))).isNotNull();
            user.updateRelationalDatabaseParameters(r -> r.relationalDatabaseName("open-db").parameters(
                    p -> p.parameterName("general_log").parameterValue("1").applyMethod("immediate")));
            assertThat(user.getRelationalDatabaseParameters(r -> r.relationalDatabaseName("locked-db")).parameters()).isNotEmpty();
        }
    }
}
