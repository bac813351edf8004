package io.cloudjar.lightsail;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * The resources of one type in one account and region, by name (Lightsail names are unique per type and region).
 * Reads need no lock; a change that checks before it writes runs under {@link LightsailState#lock}. Every put and
 * remove is also written to the state file ({@link LightsailRecords}) under the name's own lock, so the file sees a
 * name's changes in the order memory does, whatever the resource's type.
 */
final class Table<R extends LightsailResource<R>> {
    /** Where a table writes its changes (nowhere without persistence). */
    interface Sink {
        Sink NONE = new Sink() {
            @Override
            public void put(String kind, LightsailResource<?> resource) {
            }

            @Override
            public void removed(String kind, String name) {
            }
        };

        /** @param kind the table's {@link #kind()} */
        void put(String kind, LightsailResource<?> resource);

        void removed(String kind, String name);
    }

    private final ResourceType type;
    private final String kind;
    private final Map<String, R> byName = new ConcurrentHashMap<>();
    private volatile Sink sink = Sink.NONE;

    Table(ResourceType type) {
        this(type, type.toString());
    }

    /** @param kind what the table holds, when that is not a resource type of its own (GUI sessions of instances) */
    Table(ResourceType type, String kind) {
        this.type = type;
        this.kind = kind;
    }

    ResourceType type() {
        return type;
    }

    /** The table's own name among the region's tables: its resource type's, or its kind when it shares a type. */
    String kind() {
        return kind;
    }

    Optional<R> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    /** The resource, or Lightsail's NotFoundException naming its type. */
    R get(String name) {
        return find(name).orElseThrow(() -> LightsailErrors.notFound(type, name));
    }

    boolean contains(String name) {
        return byName.containsKey(name);
    }

    void put(R resource) {
        byName.compute(resource.name(), (name, old) -> {
            sink.put(kind, resource);
            return resource;
        });
    }

    R remove(String name) {
        Object[] removed = new Object[1];
        byName.computeIfPresent(name, (n, old) -> {
            removed[0] = old;
            sink.removed(kind, n);
            return null;
        });
        return cast(removed[0]);
    }

    @SuppressWarnings("unchecked")
    private R cast(Object resource) {
        return (R) resource;
    }

    /** From now on every change is written to {@code sink}. */
    void keptIn(Sink sink) {
        this.sink = sink;
    }

    /** A resource read back from the state file: in memory again, not written again. */
    void restore(LightsailResource<?> resource) {
        byName.put(resource.name(), cast(resource));
    }

    /** Oldest first, as Lightsail lists (then by name, for resources made by one call). */
    List<R> list() {
        return byName.values().stream()
                .sorted(Comparator.comparing((R r) -> r.meta().createdAt()).thenComparing(LightsailResource::name))
                .toList();
    }

    Optional<R> findByArn(String arn) {
        return byName.values().stream().filter(r -> r.meta().arn().equals(arn)).findFirst();
    }
}
