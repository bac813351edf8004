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
import software.amazon.awssdk.services.rds.model.ApplyMethod;
import software.amazon.awssdk.services.rds.model.DBParameterGroup;
import software.amazon.awssdk.services.rds.model.Parameter;

/** Parameter groups over each family's real default parameters. */
class ParameterGroupsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();
    static RdsClient rds;

    @BeforeAll
    static void client() {
        rds = cloudjar.client(RdsClient.builder());
    }

    @AfterAll
    static void close() {
        rds.close();
    }

    private static Parameter parameter(String group, String name) {
        return rds.describeDBParametersPaginator(r -> r.dbParameterGroupName(group)).parameters().stream()
                .filter(p -> p.parameterName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aGroupStartsWithItsFamilysDefaultsAndKeepsChanges() {
        DBParameterGroup group = rds.createDBParameterGroup(r -> r.dbParameterGroupName("pg16").dbParameterGroupFamily("postgres16")
                .description("tuned")).dbParameterGroup();
        assertThat(group.dbParameterGroupArn()).isEqualTo("arn:aws:rds:us-east-1:000000000000:pg:pg16");
        Parameter maxConnections = parameter("pg16", "max_connections");
        assertThat(maxConnections.parameterValue()).isEqualTo("LEAST({DBInstanceClassMemory/9531392},5000)");
        assertThat(maxConnections.applyType()).isEqualTo("static");
        assertThat(maxConnections.source()).isEqualTo("engine-default");

        rds.modifyDBParameterGroup(r -> r.dbParameterGroupName("pg16").parameters(
                Parameter.builder().parameterName("log_statement").parameterValue("all").applyMethod(ApplyMethod.IMMEDIATE).build(),
                Parameter.builder().parameterName("max_connections").parameterValue("200").applyMethod(ApplyMethod.PENDING_REBOOT).build()));
        assertThat(parameter("pg16", "log_statement").parameterValue()).isEqualTo("all");
        assertThat(rds.describeDBParameters(r -> r.dbParameterGroupName("pg16").source("user")).parameters())
                .extracting(Parameter::parameterName).containsExactly("log_statement", "max_connections");

        rds.resetDBParameterGroup(r -> r.dbParameterGroupName("pg16").parameters(Parameter.builder().parameterName("log_statement").build()));
        assertThat(rds.describeDBParameters(r -> r.dbParameterGroupName("pg16").source("user")).parameters())
                .extracting(Parameter::parameterName).containsExactly("max_connections");
        rds.resetDBParameterGroup(r -> r.dbParameterGroupName("pg16").resetAllParameters(true));
        assertThat(rds.describeDBParameters(r -> r.dbParameterGroupName("pg16").source("user")).parameters()).isEmpty();

        rds.deleteDBParameterGroup(r -> r.dbParameterGroupName("pg16"));
        fails(() -> rds.describeDBParameters(r -> r.dbParameterGroupName("pg16")), "DBParameterGroupNotFound", 404);
    }

    @Test
    void changesAreChecked() {
        rds.createDBParameterGroup(r -> r.dbParameterGroupName("checked").dbParameterGroupFamily("mysql8.0").description("x"));
        fails(() -> rds.createDBParameterGroup(r -> r.dbParameterGroupName("checked").dbParameterGroupFamily("mysql8.0")
                .description("x")), "DBParameterGroupAlreadyExists", 400);
        fails(() -> rds.modifyDBParameterGroup(r -> r.dbParameterGroupName("checked").parameters(Parameter.builder()
                .parameterName("no_such_thing").parameterValue("1").applyMethod(ApplyMethod.IMMEDIATE).build())),
                "InvalidParameterValue", 400);
        fails(() -> rds.modifyDBParameterGroup(r -> r.dbParameterGroupName("checked").parameters(Parameter.builder()
                .parameterName("innodb_buffer_pool_size").parameterValue("134217728").applyMethod(ApplyMethod.IMMEDIATE).build())),
                "InvalidParameterCombination", 400);
        fails(() -> rds.modifyDBParameterGroup(r -> r.dbParameterGroupName("checked").parameters(Parameter.builder()
                .parameterName("max_connections").parameterValue("0").applyMethod(ApplyMethod.IMMEDIATE).build())),
                "InvalidParameterValue", 400);
        fails(() -> rds.modifyDBParameterGroup(r -> r.dbParameterGroupName("default.mysql8.0").parameters(Parameter.builder()
                .parameterName("max_connections").parameterValue("10").applyMethod(ApplyMethod.IMMEDIATE).build())),
                "InvalidParameterValue", 400);
        fails(() -> rds.deleteDBParameterGroup(r -> r.dbParameterGroupName("default.mysql8.0")), "InvalidDBParameterGroupState", 400);
        fails(() -> rds.createDBParameterGroup(r -> r.dbParameterGroupName("bad").dbParameterGroupFamily("postgres99")
                .description("x")), "InvalidParameterValue", 400);
        fails(() -> rds.describeDBParameterGroups(r -> r.dbParameterGroupName("nope")), "DBParameterGroupNotFound", 404);
    }

    @Test
    void engineDefaultsPageByName() {
        List<Parameter> first = rds.describeEngineDefaultParameters(r -> r.dbParameterGroupFamily("postgres17").maxRecords(20))
                .engineDefaults().parameters();
        assertThat(first).hasSize(20);
        assertThat(first).extracting(Parameter::parameterName).isSorted();
        List<Parameter> all = rds.describeEngineDefaultParametersPaginator(r -> r.dbParameterGroupFamily("postgres17").maxRecords(20))
                .stream().flatMap(p -> p.engineDefaults().parameters().stream()).toList();
        assertThat(all).extracting(Parameter::parameterName).contains("shared_buffers", "work_mem", "rds.force_ssl").doesNotHaveDuplicates();
        assertThat(rds.describeDBParameterGroups(r -> r.dbParameterGroupName("default.postgres17")).dbParameterGroups().get(0)
                .dbParameterGroupFamily()).isEqualTo("postgres17");
    }
}
