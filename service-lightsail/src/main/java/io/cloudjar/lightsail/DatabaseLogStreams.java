package io.cloudjar.lightsail;

import io.cloudjar.rds.engine.ServerLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A managed database's log streams as Lightsail names them, and the server log behind each: PostgreSQL has one,
 * {@code postgresql}; MySQL has {@code error}, {@code general} and {@code slowquery}, the last two written only while
 * the {@code general_log} / {@code slow_query_log} parameters are on.
 */
final class DatabaseLogStreams {
    private static final Map<String, ServerLog> POSTGRES = Map.of("postgresql", ServerLog.SERVER);
    private static final Map<String, ServerLog> MYSQL = ordered("error", ServerLog.SERVER, "general", ServerLog.GENERAL,
            "slowquery", ServerLog.SLOW_QUERY);

    private DatabaseLogStreams() {
    }

    static List<String> names(RelationalDatabaseRecord db) {
        return List.copyOf(of(db).keySet());
    }

    /** The server log the stream reads, or InvalidInputException naming the database's streams. */
    static ServerLog log(RelationalDatabaseRecord db, String stream) {
        ServerLog log = stream == null ? null : of(db).get(stream);
        if (log == null) {
            throw LightsailErrors.invalidInput("The log stream %s is not valid for the %s database %s: %s.", stream,
                    db.engine(), db.name(), String.join(", ", names(db)));
        }
        return log;
    }

    private static Map<String, ServerLog> of(RelationalDatabaseRecord db) {
        return db.engine().equals("postgres") ? POSTGRES : MYSQL;
    }

    private static Map<String, ServerLog> ordered(Object... pairs) {
        Map<String, ServerLog> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (ServerLog) pairs[i + 1]);
        }
        return map;
    }
}
