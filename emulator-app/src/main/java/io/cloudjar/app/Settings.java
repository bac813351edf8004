package io.cloudjar.app;

import io.cloudjar.core.auth.DefaultCredentials;
import io.cloudjar.core.config.EmulatorConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Configuration from command-line flags and LocalStack-compatible environment variables; flags win.
 * <ul>
 *   <li>{@code --port N}, {@code CLOUDJAR_PORT}, or {@code GATEWAY_LISTEN=host:port}; 0 picks a free port</li>
 *   <li>{@code --host H} (default 127.0.0.1; use 0.0.0.0 in containers)</li>
 *   <li>{@code SERVICES=s3,iam} starts a subset; {@code DATA_DIR} keeps S3 bodies there</li>
 *   <li>{@code DEFAULT_REGION}/{@code AWS_DEFAULT_REGION}, {@code ENFORCE_IAM=1}</li>
 *   <li>{@code CLOUDJAR_ALLOWED_HOSTS}, {@code LOCALSTACK_HOST}: Host names to answer (read by core's {@code ServedHosts})</li>
 *   <li>{@code DEFAULT_ACCOUNT_ID}: the account of the {@code test} key (moto's setting; 000000000000 otherwise)</li>
 *   <li>{@code CLOUDJAR_ROOT_ACCESS_KEY_ID}, {@code CLOUDJAR_ROOT_SECRET_ACCESS_KEY}: the root key pair ({@code test}/{@code test}),
 *       the only keys Cloudjar did not issue that {@code ENFORCE_IAM=1} accepts (read by core's {@code DefaultCredentials})</li>
 *   <li>{@code DEBUG=1}: {@code LOG_LEVEL=DEBUG}; {@code PERSISTENCE}: read, not yet acted on; {@code IAM_SOFT_MODE=1}: denials logged, not enforced (core's Authorize)</li>
 * </ul>
 * LocalStack's settings may also carry its {@code LOCALSTACK_} prefix ({@code LOCALSTACK_SERVICES}); the plain name wins.
 */
final class Settings {
    static final String USAGE = "usage: java -jar cloudjar.jar [--port N] [--host H]\n"
            + "environment: CLOUDJAR_PORT, GATEWAY_LISTEN=host:port, SERVICES=s3,iam,..., DATA_DIR, DEFAULT_REGION, ENFORCE_IAM,\n"
            + "  DEFAULT_ACCOUNT_ID, DEBUG, INIT_SCRIPTS_DIR, LOCALSTACK_HOST (LocalStack names also with its LOCALSTACK_ prefix),\n"
            + "  CLOUDJAR_ROOT_ACCESS_KEY_ID, CLOUDJAR_ROOT_SECRET_ACCESS_KEY (the root key pair, default test/test),\n"
            + "  CLOUDJAR_ALLOWED_HOSTS=name,*.domain (Host names to answer besides localhost, AWS names and IP addresses)";

    /** LocalStack settings that may also be given with the {@code LOCALSTACK_} prefix. */
    static final Set<String> PREFIXED = Set.of("SERVICES", "DEBUG", "PERSISTENCE", "GATEWAY_LISTEN", "LOCALSTACK_HOST",
            "ENFORCE_IAM", "IAM_SOFT_MODE", "DATA_DIR", "DEFAULT_REGION", "LOG_LEVEL", "INIT_SCRIPTS_DIR");
    static final String PREFIX = "LOCALSTACK_";
    static final String DEFAULT_ACCOUNT = "000000000000";

    private Settings() {
    }

    /**
     * The environment with each {@code LOCALSTACK_X} of {@link #PREFIXED} also under {@code X}, unless {@code X} is set:
     * every reader of a setting (these flags, logging, core's {@code ServedHosts}) sees one name.
     */
    static Map<String, String> aliased(Map<String, String> env) {
        Map<String, String> result = new HashMap<>(env);
        for (String name : PREFIXED) {
            String prefixed = env.get(PREFIX + name);
            if (prefixed != null && !env.containsKey(name)) {
                result.put(name, prefixed);
            }
        }
        return result;
    }

    /** {@code LOG_LEVEL}, else DEBUG with LocalStack's {@code DEBUG=1}, else null (INFO). */
    static String logLevel(Map<String, String> env) {
        Map<String, String> settings = aliased(env);
        String level = settings.get("LOG_LEVEL");
        if (level != null && !level.isBlank()) {
            return level;
        }
        return isTrue(settings.get("DEBUG")) ? "DEBUG" : null;
    }

    /** The configuration, or null when only help was asked for. */
    /** Where {@code PERSISTENCE=1} keeps state when {@code DATA_DIR} is not set. */
    static final Path DEFAULT_PERSISTENT_DATA = Path.of(System.getProperty("user.home"), ".cloudjar", "data");

    static EmulatorConfig from(String[] args, Map<String, String> given) {
        Map<String, String> env = aliased(given);
        String host = EmulatorConfig.DEFAULT_HOST;
        int port = EmulatorConfig.DEFAULT_PORT;
        String listen = env.get("GATEWAY_LISTEN");
        if (listen != null && !listen.isBlank()) {
            String first = listen.split(",")[0].trim();
            int colon = first.lastIndexOf(':');
            if (colon > 0) {
                host = first.substring(0, colon);
            }
            port = parsePort(colon >= 0 ? first.substring(colon + 1) : first, "GATEWAY_LISTEN");
        }
        if (env.get("CLOUDJAR_PORT") != null) {
            port = parsePort(env.get("CLOUDJAR_PORT"), "CLOUDJAR_PORT");
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(value(args, ++i, "--port"), "--port");
                case "--host" -> host = value(args, ++i, "--host");
                case "-h", "--help" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Set<String> services = env.get("SERVICES") == null ? Set.of() : Arrays.stream(env.get("SERVICES").split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        String dataDir = env.get("DATA_DIR");
        String region = env.getOrDefault("DEFAULT_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        boolean enforceIam = isTrue(env.get("ENFORCE_IAM"));
        String account = env.getOrDefault("DEFAULT_ACCOUNT_ID", DEFAULT_ACCOUNT).trim();
        if (!account.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("DEFAULT_ACCOUNT_ID is not a 12-digit account id: " + account);
        }
        for (String rootSetting : new String[] {DefaultCredentials.ROOT_KEY_SETTING, DefaultCredentials.ROOT_SECRET_SETTING}) {
            String value = env.get(rootSetting);
            if (value != null && (value.isBlank() || !value.trim().equals(value))) {
                throw new IllegalArgumentException(rootSetting + " must not be blank or start or end with spaces");
            }
        }
        Path data = dataDir == null || dataDir.isBlank() ? null : Path.of(dataDir);
        if (data == null && isTrue(env.get("PERSISTENCE"))) {
            data = DEFAULT_PERSISTENT_DATA; // kept state needs a place that outlives the process, unlike a temp dir
        }
        return new EmulatorConfig(host, port, services, data, region, account, enforceIam, env);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String text, String source) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " is not a port: " + text);
        }
    }

    static boolean isTrue(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }
}
