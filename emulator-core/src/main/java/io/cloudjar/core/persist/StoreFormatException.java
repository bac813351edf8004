package io.cloudjar.core.persist;

/** The state file cannot be used (another format, damaged, locked): the server refuses to start and says why. */
public final class StoreFormatException extends RuntimeException {
    public StoreFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
