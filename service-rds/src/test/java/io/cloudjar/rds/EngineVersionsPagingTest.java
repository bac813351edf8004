package io.cloudjar.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBEngineVersion;
import software.amazon.awssdk.services.rds.model.DescribeDbEngineVersionsResponse;
import software.amazon.awssdk.services.rds.model.RdsException;

/** Marker paging, MaxRecords bounds and filter-name errors of DescribeDBEngineVersions. */
class EngineVersionsPagingTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void markerWalksAllVersionsOnceInPagesOfMaxRecords() {
        try (RdsClient rds = cloudjar.client(RdsClient.builder())) {
            List<String> all = keys(rds.describeDBEngineVersions().dbEngineVersions());
            assertThat(all).hasSize(43); // 32 RDS versions and 11 Aurora ones
            assertThat(rds.describeDBEngineVersions().marker()).isNull();

            DescribeDbEngineVersionsResponse first = rds.describeDBEngineVersions(r -> r.maxRecords(20));
            assertThat(first.dbEngineVersions()).hasSize(20);
            assertThat(first.marker()).isNotBlank();
            DescribeDbEngineVersionsResponse second = rds.describeDBEngineVersions(r -> r.maxRecords(20).marker(first.marker()));
            assertThat(second.dbEngineVersions()).hasSize(20);
            DescribeDbEngineVersionsResponse third = rds.describeDBEngineVersions(r -> r.maxRecords(20).marker(second.marker()));
            assertThat(third.dbEngineVersions()).hasSize(3);
            assertThat(third.marker()).isNull();

            List<String> paged = new ArrayList<>(keys(first.dbEngineVersions()));
            paged.addAll(keys(second.dbEngineVersions()));
            paged.addAll(keys(third.dbEngineVersions()));
            assertThat(paged).isEqualTo(all);
        }
    }

    @Test
    void sdkPaginatorStopsAfterTheLastPage() {
        try (RdsClient rds = cloudjar.client(RdsClient.builder())) {
            List<DescribeDbEngineVersionsResponse> pages = rds.describeDBEngineVersionsPaginator(r -> r.maxRecords(20)).stream().toList();
            assertThat(pages).hasSize(3);
            assertThat(pages.get(2).marker()).isNull();
            List<DBEngineVersion> items = rds.describeDBEngineVersionsPaginator(r -> r.maxRecords(20).engine("postgres"))
                    .dbEngineVersions().stream().toList();
            assertThat(items).hasSize(14).extracting(DBEngineVersion::engine).containsOnly("postgres");
        }
    }

    @Test
    void maxRecordsOutsideTwentyToHundredIsRejected() {
        try (RdsClient rds = cloudjar.client(RdsClient.builder())) {
            for (int bad : new int[] {19, 101, 0}) {
                assertThatThrownBy(() -> rds.describeDBEngineVersions(r -> r.maxRecords(bad)))
                        .isInstanceOfSatisfying(RdsException.class, e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo("Invalid value " + bad + " for MaxRecords. Must be between 20 and 100");
                        });
            }
            assertThat(rds.describeDBEngineVersions(r -> r.maxRecords(100)).dbEngineVersions()).hasSize(43);
        }
    }

    @Test
    void unknownFilterNameIsRejected() {
        try (RdsClient rds = cloudjar.client(RdsClient.builder())) {
            assertThatThrownBy(() -> rds.describeDBEngineVersions(r -> r.filters(f -> f.name("engine-name").values("mysql"))))
                    .isInstanceOfSatisfying(RdsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Unrecognized filter name: engine-name");
                    });
        }
    }

    private static List<String> keys(List<DBEngineVersion> versions) {
        return versions.stream().map(v -> v.engine() + " " + v.engineVersion()).toList();
    }
}
