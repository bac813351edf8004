package io.cloudjar.iam;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One account's IAM entities. IAM names are unique regardless of case ("Bob" and "bob" clash) and are
 * looked up the same way, so entries are keyed by the lower-cased name.
 */
final class IamStore {
    private final ConcurrentHashMap<String, IamUser> users = new ConcurrentHashMap<>();

    /** Adds the user unless one of the same name (any case) exists; returns the existing one then. */
    IamUser addUser(IamUser user) {
        return users.putIfAbsent(key(user.userName()), user);
    }

    IamUser user(String name) {
        return users.get(key(name));
    }

    IamUser removeUser(String name) {
        return users.remove(key(name));
    }

    java.util.Collection<IamUser> users() {
        return users.values();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
