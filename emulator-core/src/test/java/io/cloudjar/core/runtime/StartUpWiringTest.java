package io.cloudjar.core.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.config.EmulatorConfig;
import io.cloudjar.core.server.CloudjarServer;
import io.cloudjar.core.spi.ServiceProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server whose class path holds a misnamed provider method refuses to start, naming the method. */
class StartUpWiringTest {

    @Test
    void aMisnamedProviderMethodStopsTheServerBeforeItListens(@TempDir Path classes) throws Exception {
        Path services = classes.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(ServiceProvider.class.getName()),
                ProviderWiringTest.Misspelt.class.getName() + "\n");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader withBadProvider = new URLClassLoader(new URL[] {classes.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(withBadProvider); // ServiceLoader reads the context loader
            assertThatThrownBy(() -> CloudjarServer.start(EmulatorConfig.forTests()).close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(ProviderWiringTest.Misspelt.class.getName() + ".createDbInstance(CallContext, CreateDbInstanceRequest)")
                    .hasMessageContaining("did you mean createDBInstance for CreateDBInstance?");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
