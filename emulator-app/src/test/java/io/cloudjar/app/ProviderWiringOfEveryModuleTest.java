package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.model.ModelRegistry;
import io.cloudjar.core.runtime.ProviderRegistry;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The start-up check of provider wiring, run over every module's providers as the packaged server loads them:
 * every public provider method names exactly one operation of its API, and every provider serves something.
 */
class ProviderWiringOfEveryModuleTest {
    private static final List<ServiceProvider> PROVIDERS =
            ServiceLoader.load(ServiceProvider.class).stream().map(ServiceLoader.Provider::get).toList();

    @Test
    void everyModuleContributesProviders() {
        Map<String, Long> byApi = PROVIDERS.stream().collect(Collectors.groupingBy(ServiceProvider::api, Collectors.counting()));
        assertThat(byApi).containsKeys("ec2", "iam", "sts", "s3", "s3control", "rds", "lightsail");
    }

    @Test
    void everyPublicProviderMethodIsBoundToOneOperation() {
        ProviderRegistry registry = new ProviderRegistry(PROVIDERS, new ModelRegistry());
        registry.awaitWiring(); // throws, naming every method that names no operation or is not typed as its operation

        assertThat(registry.implemented("ec2")).contains("CreateVpc", "RunInstances", "DescribeInstances", "CreateTags");
        assertThat(registry.implemented("s3")).contains("PutObject", "GetObject", "RestoreObject");
        assertThat(registry.implemented("s3control")).contains("GetPublicAccessBlock", "PutPublicAccessBlock");
        assertThat(registry.implemented("iam")).contains("CreateUser");
        assertThat(registry.implemented("sts")).contains("AssumeRole");
        assertThat(registry.implemented("rds")).contains("DescribeDBEngineVersions");
        assertThat(registry.implemented("lightsail")).contains("GetBundles");
    }

    @Test
    void everyProviderServesAnOperationOrASeam() {
        for (ServiceProvider provider : PROVIDERS) {
            boolean operations = Arrays.stream(provider.getClass().getMethods())
                    .anyMatch(m -> m.getParameterCount() > 0 && m.getParameterTypes()[0] == CallContext.class);
            assertThat(operations || !seams(provider.getClass()).isEmpty())
                    .as(provider.getClass().getName() + " serves no operation and implements no seam").isTrue();
        }
    }

    /** The interfaces a provider class implements besides {@link ServiceProvider}, through its superclasses too. */
    private static List<Class<?>> seams(Class<?> type) {
        List<Class<?>> seams = new java.util.ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Arrays.stream(c.getInterfaces()).filter(i -> i != ServiceProvider.class).forEach(seams::add);
        }
        return seams;
    }
}
