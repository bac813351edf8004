package io.cloudjar.lightsail;

import io.cloudjar.core.persist.DurableMap;
import io.cloudjar.core.persist.KeptValue;
import io.cloudjar.core.persist.Persistence;
import io.cloudjar.core.persist.StoreFormatException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Lightsail's state as kept across restarts ({@code PERSISTENCE=1}), written as it changes. One map holds the
 * resources of every table, whatever their type ({@code lightsail.resources}, {@code <account>/<region>/<kind>/<name>}, the kind being the table's resource type or its own name,,
 * each with its record's class), so a table added to {@link LightsailState#tables()} is kept with no code of its own;
 * beside it the operations ({@code lightsail.operations}, numbered in the order recorded), the addresses in use,
 * the automatic snapshot add-ons, the notifications recorded (numbered), the run history and the HTTPS set-up runs.
 */
final class LightsailRecords {
    private final Persistence persistence;
    private final DurableMap<KeptValue> resources;
    private final DurableMap<OperationRecord> operations;
    private final DurableMap<String> addresses;
    private final DurableMap<AutoSnapshots> autoSnapshots;
    private final DurableMap<Notifications.Notification> notifications;
    private final DurableMap<RunHistory.Spans> runs;
    private final DurableMap<HttpsSetupHistory> httpsSetups;

    /** An instance's SetupInstanceHttps runs as one record. */
    record HttpsSetupHistory(List<HttpsSetupRecord> runs) {
    }

    LightsailRecords(Persistence persistence) {
        this.persistence = persistence;
        this.resources = persistence.map("lightsail.resources", KeptValue.class);
        this.operations = persistence.map("lightsail.operations", OperationRecord.class);
        this.addresses = persistence.map("lightsail.addresses", String.class);
        this.autoSnapshots = persistence.map("lightsail.autoSnapshots", AutoSnapshots.class);
        this.notifications = persistence.map("lightsail.notifications", Notifications.Notification.class);
        this.runs = persistence.map("lightsail.runs", RunHistory.Spans.class);
        this.httpsSetups = persistence.map("lightsail.httpsSetups", HttpsSetupHistory.class);
    }

    Scoped scoped(String account, String region) {
        return new Scoped(account + "/" + region + "/");
    }

    /** The records of one account and region: where its tables, operations, addresses and add-ons write. */
    final class Scoped implements Table.Sink {
        private final String prefix;

        private Scoped(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void put(String kind, LightsailResource<?> resource) {
            if (persistence.enabled()) {
                resources.put(prefix + kind + "/" + resource.name(), KeptValue.of(persistence, resource));
            }
        }

        @Override
        public void removed(String kind, String name) {
            resources.remove(prefix + kind + "/" + name);
        }

        void operation(OperationRecord op, long number) {
            operations.put(prefix + String.format("%012d", number), op);
        }

        void address(String address, boolean used) {
            if (used) {
                addresses.put(prefix + address, "");
            } else {
                addresses.remove(prefix + address);
            }
        }

        void autoSnapshots(String resourceArn, AutoSnapshots schedule) {
            if (schedule == null) {
                autoSnapshots.remove(prefix + resourceArn);
            } else {
                autoSnapshots.put(prefix + resourceArn, schedule);
            }
        }

        Notifications.Sink notifications() {
            return new Notifications.Sink() {
                @Override
                public void added(long number, Notifications.Notification notification) {
                    notifications.put(prefix + String.format("%012d", number), notification);
                }

                @Override
                public void dropped(long number) {
                    notifications.remove(prefix + String.format("%012d", number));
                }
            };
        }

        void runs(String arn, RunHistory.Spans spans) {
            if (spans == null) {
                runs.remove(prefix + arn);
            } else {
                runs.put(prefix + arn, spans);
            }
        }

        void httpsSetups(String instanceArn, List<HttpsSetupRecord> history) {
            if (history == null) {
                httpsSetups.remove(prefix + instanceArn);
            } else {
                httpsSetups.put(prefix + instanceArn, new HttpsSetupHistory(history));
            }
        }
    }

    /** Reads every kept record back into the state of its account and region ({@code stateOf}), writing nothing. */
    void restore(BiFunction<String, String, LightsailState> stateOf) {
        resources.forEach("", (key, kept) -> {
            String[] parts = key.split("/", 4); // account, region, the table's kind (its resource type), name
            Table<?> table = stateOf.apply(parts[0], parts[1]).tableOfKind(parts[2]).orElseThrow(() -> new StoreFormatException(
                    "The state file holds Lightsail resources of type " + parts[2] + ", which this Cloudjar does not keep", null));
            table.restore((LightsailResource<?>) kept.read(persistence, LightsailRecords.class.getClassLoader()));
        });
        operations.forEach("", (key, op) -> inScope(stateOf, key).operations.restore(op));
        addresses.forEach("", (key, unused) -> inScope(stateOf, key).addresses.restore(rest(key)));
        autoSnapshots.forEach("", (key, schedule) -> inScope(stateOf, key).autoSnapshots.restore(rest(key), schedule));
        notifications.forEach("", (key, n) -> inScope(stateOf, key).notifications.restore(Long.parseLong(rest(key)), n));
        runs.forEach("", (key, spans) -> inScope(stateOf, key).runs.spans.restore(rest(key), spans));
        httpsSetups.forEach("", (key, history) -> inScope(stateOf, key).httpsSetups.restore(rest(key), history.runs()));
    }

    private static LightsailState inScope(BiFunction<String, String, LightsailState> stateOf, String key) {
        String[] parts = key.split("/", 3);
        return stateOf.apply(parts[0], parts[1]);
    }

    /** The key without its account and region. */
    private static String rest(String key) {
        return key.split("/", 3)[2];
    }
}
