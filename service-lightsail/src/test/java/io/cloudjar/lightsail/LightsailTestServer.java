package io.cloudjar.lightsail;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.lightsail.LightsailClient;

/**
 * A Lightsail test class's server and client in one registration:
 * <pre>
 * &#64;RegisterExtension
 * static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
 * static final CloudjarServerExtension cloudjar = server.cloudjar();
 * static final LightsailClient lightsail = server.lightsail();
 * </pre>
 * It starts the server before the class's tests and stops it after them, wipes the server's state after each test,
 * and makes the SDK client when the server is up (the field's client hands each call to it) and closes it at the end.
 */
final class LightsailTestServer implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    private final CloudjarServerExtension cloudjar;
    private final LightsailClient lightsail;
    private LightsailClient client;

    LightsailTestServer(CloudjarServerExtension cloudjar) {
        this.cloudjar = cloudjar;
        this.lightsail = (LightsailClient) Proxy.newProxyInstance(LightsailClient.class.getClassLoader(),
                new Class<?>[] {LightsailClient.class}, (proxy, method, args) -> call(method, args));
    }

    CloudjarServerExtension cloudjar() {
        return cloudjar;
    }

    /** The class's client: usable in its tests (the server runs from before the first to after the last). */
    LightsailClient lightsail() {
        return lightsail;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cloudjar.beforeAll(context);
        client = cloudjar.client(LightsailClient.builder());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        cloudjar.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) throws java.io.IOException {
        try {
            client.close();
        } finally {
            client = null;
            cloudjar.afterAll(context);
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        if (client == null) {
            throw new IllegalStateException("The Lightsail client works in the tests only, while the server runs");
        }
        try {
            return method.invoke(client, args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the SDK's own exception, as a test expects it
        }
    }
}
