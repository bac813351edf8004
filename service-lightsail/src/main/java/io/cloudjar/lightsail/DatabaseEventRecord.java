package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseEvent;

/**
 * One event of a managed database, kept in its {@link RelationalDatabaseRecord}: what its own changes produced, in
 * RDS's words and categories ("DB instance created", "availability"). An event at the end of a transition is
 * recorded when the change is made, dated when the transition ends, and shown once the emulator clock gets there.
 */
record DatabaseEventRecord(Instant at, String message, List<String> categories) {

    DatabaseEventRecord {
        categories = List.copyOf(categories);
    }

    RelationalDatabaseEvent toSdk(String database) {
        return RelationalDatabaseEvent.builder().resource(database).createdAt(at).message(message)
                .eventCategories(categories).build();
    }
}
