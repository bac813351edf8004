package io.cloudjar.rds.engine;

/**
 * The logs a database server writes, as RDS and Lightsail name their kinds: the server's own log (PostgreSQL's
 * {@code postgresql} stream, MySQL's {@code error}), and MySQL's general and slow query logs, which the server writes
 * only while the {@code general_log} / {@code slow_query_log} parameters are on.
 */
public enum ServerLog {
    SERVER, GENERAL, SLOW_QUERY
}
