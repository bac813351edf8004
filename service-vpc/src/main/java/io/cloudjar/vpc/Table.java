package io.cloudjar.vpc;

import io.cloudjar.core.errors.AwsException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The resources of one kind in a {@link NetworkState}, sorted by id (so pages are stable), with the EC2
 * error for an unknown id. Not synchronized itself: the state's lock guards it.
 */
final class Table<R extends Resource> {
    private final TreeMap<String, R> rows = new TreeMap<>();
    private final Function<String, AwsException> notFound;

    Table(Function<String, AwsException> notFound) {
        this.notFound = notFound;
    }

    Optional<R> find(String id) {
        return Optional.ofNullable(id == null ? null : rows.get(id));
    }

    /** The resource, or the kind's NotFound error. */
    R get(String id) {
        R row = id == null ? null : rows.get(id);
        if (row == null) {
            throw notFound.apply(id);
        }
        return row;
    }

    boolean contains(String id) {
        return id != null && rows.containsKey(id);
    }

    Collection<R> all() {
        return Collections.unmodifiableCollection(rows.values());
    }

    List<R> where(Predicate<R> predicate) {
        return rows.values().stream().filter(predicate).toList();
    }

    Optional<R> first(Predicate<R> predicate) {
        return rows.values().stream().filter(predicate).findFirst();
    }

    R add(R row) {
        rows.put(row.id, row);
        return row;
    }

    Optional<R> remove(String id) {
        return Optional.ofNullable(rows.remove(id));
    }

    AwsException notFound(String id) {
        return notFound.apply(id);
    }

    int size() {
        return rows.size();
    }

    /** Every row by id, read-only: what the state file keeps of this table. */
    Map<String, R> rows() {
        return Collections.unmodifiableMap(rows);
    }
}
