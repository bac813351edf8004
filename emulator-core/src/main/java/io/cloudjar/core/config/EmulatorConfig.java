package io.cloudjar.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Settings of one server, from flags and LocalStack-compatible environment variables.
 *
 * @param services  APIs to start; empty means all ({@code SERVICES=s3,iam})
 * @param dataDir   where S3 bodies and other files live; a fresh temp directory when not set
 */
public record EmulatorConfig(
        String host,
        int port,
        Set<String> services,
        Path dataDir,
        String defaultRegion,
        String defaultAccount,
        boolean enforceIam,
        Map<String, String> env) {

    public static final int DEFAULT_PORT = 4566;
    public static final String DEFAULT_HOST = "127.0.0.1";

    public EmulatorConfig {
        services = Set.copyOf(services);
        env = Map.copyOf(env);
        // ENFORCE_IAM in the environment (a test's withEnv, a container's -e) means the same as the flag
        String fromEnv = env.getOrDefault("ENFORCE_IAM", "").trim();
        enforceIam = enforceIam || fromEnv.equals("1") || fromEnv.equalsIgnoreCase("true") || fromEnv.equalsIgnoreCase("yes");
    }

    /** Defaults for tests: loopback, a free port, every service, a temp data dir. */
    public static EmulatorConfig forTests() {
        return new EmulatorConfig(DEFAULT_HOST, 0, Set.of(), null, "us-east-1", "000000000000", false, Map.of());
    }

    public EmulatorConfig withPort(int newPort) {
        return new EmulatorConfig(host, newPort, services, dataDir, defaultRegion, defaultAccount, enforceIam, env);
    }

    public EmulatorConfig withServices(Set<String> apis) {
        return new EmulatorConfig(host, port, apis, dataDir, defaultRegion, defaultAccount, enforceIam, env);
    }

    public EmulatorConfig withDataDir(Path dir) {
        return new EmulatorConfig(host, port, services, dir, defaultRegion, defaultAccount, enforceIam, env);
    }

    /** The same settings with another default account ({@code DEFAULT_ACCOUNT_ID}). */
    public EmulatorConfig withDefaultAccount(String account) {
        return new EmulatorConfig(host, port, services, dataDir, defaultRegion, account, enforceIam, env);
    }

    /** The same settings with {@code ENFORCE_IAM} on or off. */
    public EmulatorConfig withEnforceIam(boolean enforce) {
        return new EmulatorConfig(host, port, services, dataDir, defaultRegion, defaultAccount, enforce, env);
    }

    /** The same settings with one more environment variable (tests: {@code EC2_TRANSITION_SCALE=0}, ...). */
    public EmulatorConfig withEnv(String name, String value) {
        Map<String, String> newEnv = new java.util.HashMap<>(env);
        newEnv.put(name, value);
        return new EmulatorConfig(host, port, services, dataDir, defaultRegion, defaultAccount, enforceIam, newEnv);
    }

    /**
     * Whether the providers of {@code api} start: every API when {@code SERVICES} is empty, else those it lists. With
     * {@code ENFORCE_IAM=1}, IAM and STS start even when left out, because the evaluator and the principals it
     * decides for live there: enforcing must never fall back to allowing everything. S3 Control comes with S3.
     */
    public boolean serviceEnabled(String api) {
        return services.isEmpty() || services.contains(api) || (enforceIam && (api.equals("iam") || api.equals("sts")))
                || api.equals("s3control") && services.contains("s3"); // S3's account-level settings
    }

    /** A setting from the environment the server was started with. */
    public String env(String name, String fallback) {
        return env.getOrDefault(name, fallback);
    }
}
