package io.cloudjar.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBEngineVersion;
import software.amazon.awssdk.services.rds.model.DescribeDbEngineVersionsRequest;
import software.amazon.awssdk.services.rds.model.UpgradeTarget;

/** Which versions DescribeDBEngineVersions selects, and what one version looks like on the wire. */
class EngineVersionsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension()
            .withEnv("RDS_MARIADB_BIN", "none"); // API behaviour only: no MariaDB process per mysql instance
    static RdsClient rds;

    @BeforeAll
    static void client() {
        rds = cloudjar.client(RdsClient.builder());
    }

    @AfterAll
    static void close() {
        rds.close();
    }

    private static List<DBEngineVersion> describe(java.util.function.Consumer<DescribeDbEngineVersionsRequest.Builder> request) {
        return rds.describeDBEngineVersions(request).dbEngineVersions();
    }

    private static List<String> versions(List<DBEngineVersion> list) {
        return list.stream().map(DBEngineVersion::engineVersion).toList();
    }

    @Test
    void engineSelectsThatEngineInVersionOrder() {
        List<DBEngineVersion> mariadb = describe(r -> r.engine("mariadb"));
        assertThat(mariadb).extracting(DBEngineVersion::engine).containsOnly("mariadb");
        // numeric order: 10.6 before 10.11, 10.11.9 before 10.11.10
        assertThat(versions(mariadb)).containsExactly("10.6.18", "10.6.19", "10.6.20", "10.6.21",
                "10.11.9", "10.11.10", "10.11.11", "11.4.3", "11.4.4", "11.4.5");
        assertThat(mariadb.get(0).dbEngineDescription()).isEqualTo("MariaDB Community Edition");
        assertThat(versions(describe(r -> r.engine("mysql")))).contains("8.0.39", "8.0.40", "8.0.41", "8.4.5")
                .doesNotContain("8.0.32");
        // AWS answers an engine it does not know with an empty list, not an error
        assertThat(describe(r -> r.engine("oracle-xyz"))).isEmpty();
    }

    @Test
    void oneVersionCarriesTheAwsFields() {
        DBEngineVersion pg = describe(r -> r.engine("postgres").engineVersion("16.4")).get(0);
        assertThat(pg.dbParameterGroupFamily()).isEqualTo("postgres16");
        assertThat(pg.majorEngineVersion()).isEqualTo("16");
        assertThat(pg.dbEngineDescription()).isEqualTo("PostgreSQL");
        assertThat(pg.dbEngineVersionDescription()).isEqualTo("PostgreSQL 16.4-R1");
        assertThat(pg.status()).isEqualTo("available");
        assertThat(pg.exportableLogTypes()).containsExactly("postgresql", "upgrade");
        assertThat(pg.supportsLogExportsToCloudwatchLogs()).isTrue();
        assertThat(pg.supportsReadReplica()).isTrue();
        assertThat(pg.hasSupportedEngineModes()).isFalse();
        assertThat(pg.validUpgradeTarget()).extracting(UpgradeTarget::engineVersion)
                .containsExactly("16.6", "16.8", "17.2", "17.4");
        assertThat(pg.validUpgradeTarget().get(1)).satisfies(t -> {
            assertThat(t.autoUpgrade()).isTrue(); // 16.8 is the preferred minor of 16
            assertThat(t.isMajorVersionUpgrade()).isFalse();
            assertThat(t.description()).isEqualTo("PostgreSQL 16.8-R1");
        });
        assertThat(pg.validUpgradeTarget().get(2).isMajorVersionUpgrade()).isTrue();
        assertThat(pg.validUpgradeTarget().get(2).autoUpgrade()).isFalse();
        // the newest version has nowhere to go, and says so with an empty list
        assertThat(describe(r -> r.engine("postgres").engineVersion("17.4")).get(0).validUpgradeTarget()).isEmpty();
    }

    @Test
    void engineVersionTakesAnExactVersionOrAMajorPrefix() {
        assertThat(versions(describe(r -> r.engine("postgres").engineVersion("16")))).containsExactly("16.4", "16.6", "16.8");
        assertThat(versions(describe(r -> r.engine("mysql").engineVersion("8.4")))).containsExactly("8.4.3", "8.4.4", "8.4.5");
        assertThat(versions(describe(r -> r.engine("mysql").engineVersion("8.0.40")))).containsExactly("8.0.40");
        assertThat(describe(r -> r.engine("postgres").engineVersion("1"))).isEmpty(); // whole components only
        assertThat(describe(r -> r.engine("mysql").engineVersion("9.9.9"))).isEmpty();
    }

    @Test
    void defaultOnlyGivesTheEngineOrMajorDefault() {
        assertThat(versions(describe(r -> r.engine("mysql").defaultOnly(true)))).containsExactly("8.0.41");
        assertThat(versions(describe(r -> r.engine("postgres").defaultOnly(true)))).containsExactly("17.4");
        assertThat(versions(describe(r -> r.engine("mysql").engineVersion("8.4").defaultOnly(true)))).containsExactly("8.4.5");
        assertThat(versions(describe(r -> r.engine("postgres").engineVersion("15").defaultOnly(true)))).containsExactly("15.12");
        assertThat(describe(r -> r.defaultOnly(true))).extracting(v -> v.engine() + " " + v.engineVersion())
                .containsExactly("aurora-mysql 8.0.mysql_aurora.3.08.2", "aurora-postgresql 16.6", "mariadb 11.4.5",
                        "mysql 8.0.41", "postgres 17.4");
    }

    @Test
    void familySelectsByParameterOrFilter() {
        assertThat(describe(r -> r.dbParameterGroupFamily("mysql8.0"))).extracting(DBEngineVersion::majorEngineVersion)
                .hasSize(5).containsOnly("8.0");
        assertThat(versions(describe(r -> r.filters(f -> f.name("db-parameter-group-family").values("mariadb10.11", "postgres17")))))
                .containsExactly("10.11.9", "10.11.10", "10.11.11", "17.2", "17.4");
        assertThat(describe(r -> r.dbParameterGroupFamily("postgres99"))).isEmpty();
    }

    @Test
    void filtersCombine() {
        assertThat(versions(describe(r -> r.filters(
                f -> f.name("engine").values("mysql"), f -> f.name("engine-version").values("8.0.39", "8.4.3")))))
                .containsExactly("8.0.39", "8.4.3");
        assertThat(describe(r -> r.filters(f -> f.name("status").values("available")))).hasSize(43);
        // the non-Aurora engines list no engine modes; Aurora's are provisioned (Serverless v2 is an instance class)
        assertThat(describe(r -> r.filters(f -> f.name("engine-mode").values("serverless")))).isEmpty();
        assertThat(describe(r -> r.filters(f -> f.name("engine-mode").values("provisioned")))).hasSize(11)
                .extracting(DBEngineVersion::engine).containsOnly("aurora-mysql", "aurora-postgresql");
    }

    @Test
    void includeAllAddsVersionsThatAreNotAvailable() {
        assertThat(describe(r -> r.engine("mysql").engineVersion("8.0.32"))).isEmpty();
        DBEngineVersion old = describe(r -> r.engine("mysql").engineVersion("8.0.32").includeAll(true)).get(0);
        assertThat(old.status()).isEqualTo("deprecated");
        assertThat(describe(r -> r.includeAll(true).filters(f -> f.name("status").values("deprecated"))))
                .extracting(DBEngineVersion::engineVersion).containsExactly("8.0.32", "12.22");
        assertThat(describe(r -> r.includeAll(true))).hasSize(45);
    }

    @Test
    void characterSetsAndTimezonesOnlyForEnginesThatTakeThem() {
        // CreateDBInstance takes no CharacterSetName/Timezone for these engines, so AWS lists none
        DBEngineVersion mysql = describe(r -> r.engine("mysql").engineVersion("8.0.41")
                .listSupportedCharacterSets(true).listSupportedTimezones(true)).get(0);
        assertThat(mysql.hasSupportedCharacterSets()).isFalse();
        assertThat(mysql.hasSupportedTimezones()).isFalse();
        assertThat(mysql.engineVersion()).isEqualTo("8.0.41");
    }
}
