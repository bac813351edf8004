package io.cloudjar.vpc;

import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.TagAccessor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The tags of this module's resources of one kind, read and changed under their state's lock. */
final class TableTags implements TagAccessor {
    private final NetworkStore store;
    private final BiFunction<NetworkState, String, Optional<? extends Resource>> find;
    private final Function<NetworkState, Stream<? extends Resource>> all;

    TableTags(NetworkStore store, BiFunction<NetworkState, String, Optional<? extends Resource>> find,
              Function<NetworkState, Stream<? extends Resource>> all) {
        this.store = store;
        this.find = find;
        this.all = all;
    }

    /** For the resources of one {@link Table}. */
    static TableTags of(NetworkStore store, Function<NetworkState, Table<? extends Resource>> table) {
        return new TableTags(store, (state, id) -> table.apply(state).find(id), state -> table.apply(state).all().stream());
    }

    @Override
    public Optional<Map<String, String>> tags(Scope scope, String resourceId) {
        NetworkState state = store.get(scope);
        return state.read(() -> find.apply(state, resourceId).map(r -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r.tags))));
    }

    @Override
    public boolean update(Scope scope, String resourceId, UnaryOperator<Map<String, String>> change) {
        NetworkState state = store.get(scope);
        return state.write(() -> {
            Optional<? extends Resource> resource = find.apply(state, resourceId);
            resource.ifPresent(r -> {
                Map<String, String> next = change.apply(new LinkedHashMap<>(r.tags));
                r.tags.clear();
                r.tags.putAll(next);
            });
            return resource.isPresent();
        });
    }

    @Override
    public Map<String, Map<String, String>> tagged(Scope scope) {
        NetworkState state = store.get(scope);
        return state.read(() -> {
            Map<String, Map<String, String>> out = new TreeMap<>();
            all.apply(state).filter(r -> !r.tags.isEmpty()).forEach(r -> out.put(r.id, new LinkedHashMap<>(r.tags)));
            return out;
        });
    }
}
