package io.cloudjar.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.model.ModelRegistry;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.Reply;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.spi.StreamingPayload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbEngineVersionsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbEngineVersionsResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** Provider methods are bound to operations at start-up, and what cannot be right stops the server there. */
class ProviderWiringTest {
    private static final ModelRegistry MODELS = new ModelRegistry();

    private abstract static class Rds implements ServiceProvider {
        @Override
        public String api() {
            return "rds";
        }
    }

    public static final class Engines extends Rds {
        public DescribeDbEngineVersionsResponse describeDBEngineVersions(CallContext ctx, DescribeDbEngineVersionsRequest r) {
            return DescribeDbEngineVersionsResponse.builder().build();
        }
    }

    /** The SDK's class is CreateDbInstanceRequest, but the operation (and client method) is CreateDBInstance. */
    public static final class Misspelt extends Rds {
        public CreateDbInstanceResponse createDbInstance(CallContext ctx, CreateDbInstanceRequest r) {
            return CreateDbInstanceResponse.builder().build();
        }
    }

    public static final class SameOperationAgain extends Rds {
        public DescribeDbEngineVersionsResponse describeDBEngineVersions(CallContext ctx, DescribeDbEngineVersionsRequest r) {
            return DescribeDbEngineVersionsResponse.builder().build();
        }
    }

    public static final class WrongInput extends Rds {
        public DescribeDbInstancesResponse describeDBInstances(CallContext ctx, DescribeDbEngineVersionsRequest r) {
            return DescribeDbInstancesResponse.builder().build();
        }
    }

    /** A seam other modules call: interface methods are not operations. */
    public interface Seam {
        String lookUp(String id);
    }

    public static final class WithSeam extends Rds implements Seam {
        @Override
        public String lookUp(String id) {
            return id;
        }

        public DescribeDbInstancesResponse describeDBInstances(CallContext ctx, DescribeDbInstancesRequest r) {
            return DescribeDbInstancesResponse.builder().build();
        }
    }

    public static final class Objects implements ServiceProvider {
        @Override
        public String api() {
            return "s3";
        }

        public PutObjectResponse putObject(CallContext ctx, PutObjectRequest r, StreamingPayload body) {
            return PutObjectResponse.builder().build();
        }

        public Reply<GetObjectResponse> getObject(CallContext ctx, GetObjectRequest r) {
            return Reply.of(GetObjectResponse.builder().build());
        }
    }

    public static final class UploadWithoutBody implements ServiceProvider {
        @Override
        public String api() {
            return "s3";
        }

        public PutObjectResponse putObject(CallContext ctx, PutObjectRequest r) {
            return PutObjectResponse.builder().build();
        }
    }

    private static Map<String, Map<String, ProviderWiring.Binding>> bind(ServiceProvider... providers) {
        Map<String, List<ServiceProvider>> byApi = new java.util.LinkedHashMap<>();
        for (ServiceProvider p : providers) {
            byApi.computeIfAbsent(p.api(), a -> new java.util.ArrayList<>()).add(p);
        }
        return ProviderWiring.bind(byApi, MODELS);
    }

    @Test
    void methodsAreBoundToTheOperationsTheyName() {
        var bound = bind(new Engines(), new WithSeam(), new Objects());

        assertThat(bound.get("rds")).containsOnlyKeys("DescribeDBEngineVersions", "DescribeDBInstances");
        assertThat(bound.get("s3")).containsOnlyKeys("PutObject", "GetObject");
        assertThat(bound.get("rds").get("DescribeDBInstances").provider()).isInstanceOf(WithSeam.class);
    }

    @Test
    void aMethodThatNamesNoOperationStopsStartUpNamingIt() {
        assertThatThrownBy(() -> bind(new Engines(), new Misspelt()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Misspelt.class.getName() + ".createDbInstance(CallContext, CreateDbInstanceRequest)")
                .hasMessageContaining("names no operation of RDS")
                .hasMessageContaining("did you mean createDBInstance for CreateDBInstance?");
    }

    @Test
    void twoMethodsForOneOperationStopStartUp() {
        assertThatThrownBy(() -> bind(new Engines(), new SameOperationAgain()))
                .hasMessageContaining("DescribeDBEngineVersions is implemented twice")
                .hasMessageContaining(Engines.class.getName() + ".describeDBEngineVersions")
                .hasMessageContaining(SameOperationAgain.class.getName() + ".describeDBEngineVersions");
    }

    @Test
    void aSignatureThatDoesNotFitTheOperationStopsStartUp() {
        assertThatThrownBy(() -> bind(new WrongInput()))
                .hasMessageContaining("describeDBInstances(CallContext, DescribeDbEngineVersionsRequest) implements DescribeDBInstances but takes");
        assertThatThrownBy(() -> bind(new UploadWithoutBody()))
                .hasMessageContaining("putObject(CallContext, PutObjectRequest) implements PutObject but takes")
                .hasMessageContaining(StreamingPayload.class.getName());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> bind(new Misspelt(), new WrongInput(), new UploadWithoutBody()))
                .hasMessageContaining("createDbInstance").hasMessageContaining("describeDBInstances").hasMessageContaining("putObject");
    }
}
