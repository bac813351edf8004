package io.cloudjar.core.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The credentials that work without IAM, as in LocalStack: {@code test}/{@code test} and any other key
 * are the root of the default account; a twelve-digit access key is the root of that account, so tests
 * can act as several accounts without creating users.
 */
public final class DefaultCredentials implements CredentialResolver {
    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final String DEFAULT_SECRET = "test";
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final String defaultAccount;

    public DefaultCredentials(String defaultAccount) {
        this.defaultAccount = defaultAccount;
    }

    @Override
    public Optional<Principal> resolve(String accessKeyId) {
        String account = ACCOUNT_ID.matcher(accessKeyId).matches() ? accessKeyId : defaultAccount;
        return Optional.of(Principal.root(account, accessKeyId, DEFAULT_SECRET));
    }
}
