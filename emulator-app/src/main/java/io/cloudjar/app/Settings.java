package io.cloudjar.app;

import io.cloudjar.core.config.EmulatorConfig;
import java.nio.file.Path;
import java.util.Arrays;
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
 * </ul>
 */
final class Settings {
    static final String USAGE = "usage: java -jar cloudjar.jar [--port N] [--host H]\n"
            + "environment: CLOUDJAR_PORT, GATEWAY_LISTEN=host:port, SERVICES=s3,iam,..., DATA_DIR, DEFAULT_REGION, ENFORCE_IAM,\n"
            + "  CLOUDJAR_ALLOWED_HOSTS=name,*.domain (Host names to answer besides localhost, AWS names and IP addresses)";

    private Settings() {
    }

    /** The configuration, or null when only help was asked for. */
    static EmulatorConfig from(String[] args, Map<String, String> env) {
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
        return new EmulatorConfig(host, port, services, dataDir == null || dataDir.isBlank() ? null : Path.of(dataDir),
                region, "000000000000", enforceIam, env);
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

    private static boolean isTrue(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }
}
