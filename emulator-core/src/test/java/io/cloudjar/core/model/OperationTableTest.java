package io.cloudjar.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The operation table start-up reads says what the full JSON model says about each operation. */
class OperationTableTest {
    private static final ModelRegistry MODELS = new ModelRegistry();

    @Test
    void everyApiTableMatchesItsJsonModel() throws IOException {
        for (ApiMetadata api : MODELS.apis()) {
            JsonNode operations;
            try (InputStream in = getClass().getResourceAsStream("/cloudjar/models/" + api.api() + ".json")) {
                operations = new ObjectMapper().readTree(in).path("operations");
            }
            Map<String, OperationTable.Entry> fromJson = new TreeMap<>();
            operations.fields().forEachRemaining(e -> fromJson.put(e.getKey(), new OperationTable.Entry(e.getKey(),
                    e.getValue().path("input").asText(), e.getValue().path("output").asText(),
                    e.getValue().path("streamingInput").asBoolean(false))));
            Map<String, OperationTable.Entry> fromTable = new TreeMap<>();
            MODELS.operationTable(api.api()).entries().forEach(e -> fromTable.put(e.name(), e));

            assertThat(fromTable).as(api.api()).isEqualTo(fromJson).isNotEmpty();
        }
    }

    @Test
    void methodNamesAreTheSdkClientsOwn() {
        var rds = MODELS.operationTable("rds").entries().stream().filter(e -> e.name().equals("CreateDBInstance")).findFirst();
        assertThat(rds).hasValueSatisfying(e -> {
            assertThat(e.methodName()).isEqualTo("createDBInstance");
            assertThat(e.inputClass()).isEqualTo("CreateDbInstanceRequest");
        });
    }
}
