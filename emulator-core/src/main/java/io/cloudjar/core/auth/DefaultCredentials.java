package io.cloudjar.core.auth;

import io.cloudjar.core.config.EmulatorConfig;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys Cloudjar did not issue. By default they work as in LocalStack: {@code test} and any other key are the
 * root of the default account, a twelve-digit key the root of that account (tests act as several accounts
 * without creating users), and only presigned URLs and form policies are checked, against the root secret.
 *
 * <p>With {@code ENFORCE_IAM=1} only the root key pair of each account is accepted, and its signature verified:
 * {@code CLOUDJAR_ROOT_ACCESS_KEY_ID} ({@code test}) for the default account, any twelve-digit account id for
 * that account, both with the secret {@code CLOUDJAR_ROOT_SECRET_ACCESS_KEY} ({@code test}).
 */
public final class DefaultCredentials implements CredentialResolver {
    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final String DEFAULT_SECRET = "test";
    public static final String ROOT_KEY_SETTING = "CLOUDJAR_ROOT_ACCESS_KEY_ID";
    public static final String ROOT_SECRET_SETTING = "CLOUDJAR_ROOT_SECRET_ACCESS_KEY";
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final String defaultAccount;
    private final String rootKey;
    private final String rootSecret;

    public DefaultCredentials(String defaultAccount) {
        this(defaultAccount, "test", DEFAULT_SECRET);
    }

    public DefaultCredentials(String defaultAccount, String rootKey, String rootSecret) {
        this.defaultAccount = defaultAccount;
        this.rootKey = rootKey;
        this.rootSecret = rootSecret;
    }

    /** The root key pair from the server's settings. */
    public static DefaultCredentials of(EmulatorConfig config) {
        return new DefaultCredentials(config.defaultAccount(), nonBlank(config.env(ROOT_KEY_SETTING, null), "test"),
                nonBlank(config.env(ROOT_SECRET_SETTING, null), DEFAULT_SECRET));
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Default mode: any key is a root, of the account it names or of the default account. */
    @Override
    public Optional<Principal> resolve(String accessKeyId) {
        String account = ACCOUNT_ID.matcher(accessKeyId).matches() ? accessKeyId : defaultAccount;
        return Optional.of(Principal.root(account, accessKeyId, rootSecret));
    }

    /** Enforcing mode: only the root key (the default account) and twelve-digit account ids are roots. */
    public Optional<Principal> resolveRoot(String accessKeyId) {
        if (accessKeyId.equals(rootKey) || ACCOUNT_ID.matcher(accessKeyId).matches()) {
            return resolve(accessKeyId);
        }
        return Optional.empty();
    }

    /** The principal of unsigned calls to APIs other than S3, in default mode. */
    public Principal defaultRoot() {
        return Principal.root(defaultAccount, rootKey, rootSecret);
    }
}
