package io.cloudjar.core.persist;

/**
 * A value that lives only in this process (a database server behind an RDS instance): the state file keeps
 * {@link #kept()} in its place, a record of what it takes to bring the value back, and reads that record back where
 * the field's type allows it (the record implements the field's type). The service that owns such values brings them
 * back to life when it restores (RDS starts the server again on its data directory).
 */
public interface LiveValue {
    /** What the state file keeps of this value: a record, of a class that implements this value's declared type. */
    Record kept();
}
