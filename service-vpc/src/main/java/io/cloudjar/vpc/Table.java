package io.cloudjar.vpc;

import io.cloudjar.core.errors.AwsException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The resources of one kind in a {@link NetworkState}, sorted by id (so pages are stable), with the EC2
 * error for an unknown id. Not synchronized itself: the state's lock guards it.
 *
 * <p>Resources change in place, and only under the state's write lock, after being looked up here: so every row
 * handed out while the current thread holds that lock is noted as touched, and the state file writes just those
 * rows at the next commit ({@link #drainTouched}) instead of the whole table.
 */
final class Table<R extends Resource> {
    private final TreeMap<String, R> rows = new TreeMap<>();
    private final Function<String, AwsException> notFound;
    private final BooleanSupplier writing;
    /** Ids of rows handed out, added or removed under the write lock since the last drain. */
    private final Set<String> touched = new HashSet<>();

    /** @param writing whether rows handed out now may change and must be noted (persistence on, write lock held) */
    Table(Function<String, AwsException> notFound, BooleanSupplier writing) {
        this.notFound = notFound;
        this.writing = writing;
    }

    Optional<R> find(String id) {
        R row = id == null ? null : rows.get(id);
        return Optional.ofNullable(row == null ? null : touch(row));
    }

    /** The resource, or the kind's NotFound error. */
    R get(String id) {
        R row = id == null ? null : rows.get(id);
        if (row == null) {
            throw notFound.apply(id);
        }
        return touch(row);
    }

    private R touch(R row) {
        touch(row.id);
        return row;
    }

    private void touch(String id) {
        if (writing.getAsBoolean()) {
            touched.add(id);
        }
    }

    /**
     * The ids touched since the last call (each now either a row to write or one removed), forgotten here. Called at
     * commit under the state's read lock, so no writer adds to it meanwhile.
     */
    Set<String> drainTouched() {
        Set<String> drained = Set.copyOf(touched);
        touched.clear();
        return drained;
    }

    boolean contains(String id) {
        return id != null && rows.containsKey(id);
    }

    Collection<R> all() {
        if (writing.getAsBoolean()) {
            touched.addAll(rows.keySet());
        }
        return Collections.unmodifiableCollection(rows.values());
    }

    List<R> where(Predicate<R> predicate) {
        return rows.values().stream().filter(predicate).map(this::touch).toList();
    }

    Optional<R> first(Predicate<R> predicate) {
        return rows.values().stream().filter(predicate).findFirst().map(this::touch);
    }

    R add(R row) {
        rows.put(row.id, row);
        touch(row.id);
        return row;
    }

    Optional<R> remove(String id) {
        if (id != null) {
            touch(id);
        }
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
