package io.cloudjar.rds;

import static io.cloudjar.rds.RdsErrorsAssert.fails;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.OptionConfiguration;
import software.amazon.awssdk.services.rds.model.OptionGroup;
import software.amazon.awssdk.services.rds.model.OptionSetting;
import software.amazon.awssdk.services.rds.model.ValidStorageOptions;

/** Option groups (defaults, custom ones with options, in use by an instance) and DescribeValidDBInstanceModifications. */
class OptionGroupsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("RDS_MARIADB_BIN", "none");
    static RdsClient rds;

    @BeforeAll
    static void client() {
        rds = cloudjar.client(RdsClient.builder());
    }

    @AfterAll
    static void close() {
        rds.close();
    }

    @Test
    void optionGroupsHoldOptionsAndFollowTheirInstances() {
        assertThat(rds.describeOptionGroupOptions(r -> r.engineName("mysql").majorEngineVersion("8.0")).optionGroupOptions())
                .extracting(o -> o.name()).containsExactlyInAnyOrder("MARIADB_AUDIT_PLUGIN", "MEMCACHED");
        assertThat(rds.describeOptionGroupOptions(r -> r.engineName("postgres")).optionGroupOptions()).isEmpty();
        fails(() -> rds.describeOptionGroupOptions(r -> r.engineName("oracle-xe")), "InvalidParameterValue", 400);

        OptionGroup created = rds.createOptionGroup(r -> r.optionGroupName("audit").engineName("mysql")
                .majorEngineVersion("8.0").optionGroupDescription("audit logs")).optionGroup();
        assertThat(created.optionGroupArn()).isEqualTo("arn:aws:rds:us-east-1:000000000000:og:audit");
        assertThat(created.options()).isEmpty();
        rds.addTagsToResource(r -> r.resourceName(created.optionGroupArn()).tags(t -> t.key("team").value("db")));
        assertThat(rds.listTagsForResource(r -> r.resourceName(created.optionGroupArn())).tagList())
                .singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("db"));
        fails(() -> rds.createOptionGroup(r -> r.optionGroupName("audit").engineName("mysql").majorEngineVersion("8.0")
                .optionGroupDescription("again")), "OptionGroupAlreadyExistsFault", 400);
        fails(() -> rds.createOptionGroup(r -> r.optionGroupName("old").engineName("mysql").majorEngineVersion("5.1")
                .optionGroupDescription("x")), "InvalidParameterCombination", 400);
        fails(() -> rds.createOptionGroup(r -> r.optionGroupName("bad--name").engineName("mysql").majorEngineVersion("8.0")
                .optionGroupDescription("x")), "InvalidParameterValue", 400);

        OptionGroup modified = rds.modifyOptionGroup(r -> r.optionGroupName("audit").applyImmediately(true)
                .optionsToInclude(OptionConfiguration.builder().optionName("MARIADB_AUDIT_PLUGIN").optionSettings(
                        OptionSetting.builder().name("SERVER_AUDIT_EVENTS").value("CONNECT").build()).build())).optionGroup();
        assertThat(modified.options()).singleElement().satisfies(o -> {
            assertThat(o.optionName()).isEqualTo("MARIADB_AUDIT_PLUGIN");
            assertThat(o.optionSettings()).anySatisfy(s -> {
                assertThat(s.name()).isEqualTo("SERVER_AUDIT_EVENTS");
                assertThat(s.value()).isEqualTo("CONNECT");
            });
        });
        fails(() -> rds.modifyOptionGroup(r -> r.optionGroupName("audit").optionsToInclude(OptionConfiguration.builder()
                .optionName("TDE").build())), "InvalidParameterValue", 400);
        fails(() -> rds.modifyOptionGroup(r -> r.optionGroupName("default:mysql-8-0").optionsToRemove("MEMCACHED")),
                "InvalidOptionGroupStateFault", 400);

        fails(() -> rds.createDBInstance(r -> r.dbInstanceIdentifier("pg").engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("master").masterUserPassword("Secret-pass1").optionGroupName("audit")),
                "InvalidParameterCombination", 400);
        var db = rds.createDBInstance(r -> r.dbInstanceIdentifier("audited").engine("mysql").engineVersion("8.0.41")
                .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin").masterUserPassword("Secret-pass1")
                .optionGroupName("audit")).dbInstance();
        assertThat(db.optionGroupMemberships()).singleElement().satisfies(m -> assertThat(m.optionGroupName()).isEqualTo("audit"));
        fails(() -> rds.deleteOptionGroup(r -> r.optionGroupName("audit")), "InvalidOptionGroupStateFault", 400);
        fails(() -> rds.deleteOptionGroup(r -> r.optionGroupName("default:mysql-8-0")), "InvalidOptionGroupStateFault", 400);

        rds.createDBInstance(r -> r.dbInstanceIdentifier("plain").engine("mysql").engineVersion("8.0.41")
                .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin").masterUserPassword("Secret-pass1"));
        List<OptionGroup> all = rds.describeOptionGroups(r -> r.engineName("mysql")).optionGroupsList();
        assertThat(all).extracting(OptionGroup::optionGroupName).containsExactly("audit", "default:mysql-8-0");
        fails(() -> rds.describeOptionGroups(r -> r.optionGroupName("missing")), "OptionGroupNotFoundFault", 404);

        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("audited").skipFinalSnapshot(true));
        rds.deleteOptionGroup(r -> r.optionGroupName("audit"));
        fails(() -> rds.describeOptionGroups(r -> r.optionGroupName("audit")), "OptionGroupNotFoundFault", 404);
    }

    @Test
    void validModificationsOfferNoLessStorageThanTheInstanceHas() {
        rds.createDBInstance(r -> r.dbInstanceIdentifier("growing").engine("mysql").dbInstanceClass("db.t3.micro")
                .allocatedStorage(150).masterUsername("admin").masterUserPassword("Secret-pass1"));
        List<ValidStorageOptions> storage = rds.describeValidDBInstanceModifications(r -> r.dbInstanceIdentifier("growing"))
                .validDBInstanceModificationsMessage().storage();
        assertThat(storage).extracting(ValidStorageOptions::storageType).contains("gp2", "gp3", "io1", "standard");
        assertThat(storage).allSatisfy(o -> assertThat(o.storageSize().get(0).from()).isGreaterThanOrEqualTo(150));
        fails(() -> rds.describeValidDBInstanceModifications(r -> r.dbInstanceIdentifier("nowhere")), "DBInstanceNotFound", 404);
    }
}
