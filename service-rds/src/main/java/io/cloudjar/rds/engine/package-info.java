/**
 * Real database servers behind RDS instances, without Docker: {@link io.cloudjar.rds.engine.DatabaseEngine} (one per
 * engine; {@link io.cloudjar.rds.engine.PostgresEngine} today) creates or restores a
 * {@link io.cloudjar.rds.engine.RunningDatabase}. Kept apart from the RDS API so Lightsail's managed databases can
 * share it. Both also read AWS's engine-default parameters here ({@link io.cloudjar.rds.engine.ParameterDefaults}) and a
 * server's logs ({@link io.cloudjar.rds.engine.RunningDatabase#readLog}). Processes run as an unprivileged user when
 * Cloudjar runs as root, and are all stopped when the JVM exits.
 */
package io.cloudjar.rds.engine;
