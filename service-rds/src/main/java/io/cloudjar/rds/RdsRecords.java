package io.cloudjar.rds;

import io.cloudjar.core.persist.DurableMap;
import io.cloudjar.core.persist.Persistence;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * RDS's state as kept across restarts ({@code PERSISTENCE=1}). RDS's records are replaced in its maps from many places
 * (providers, the automated snapshots' copier), so rather than each place writing what it changed, every collection
 * field of {@link RdsState} (its maps and lists, found by reflection: a table added there is kept with no code of its
 * own) is one record of {@code rds.state}, {@code <account>/<region>/<field>}, holding the field's whole value; after
 * every RDS call ({@link Persistence#changedByCalls}) the fields whose JSON changed are written. RDS's state is small
 * (tens of records per region), so comparing it whole costs little.
 */
final class RdsRecords implements Persistence.Changes {
    /** The kept fields of {@link RdsState}: its maps and collections. */
    private static final List<Field> KEPT = Arrays.stream(RdsState.class.getDeclaredFields())
            .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
            .filter(f -> Map.class.isAssignableFrom(f.getType()) || Collection.class.isAssignableFrom(f.getType()))
            .toList();

    private final Persistence persistence;
    private final DurableMap<String> fields;
    /** Every state made so far, by its key prefix {@code <account>/<region>/}. */
    private final Map<String, RdsState> states = new ConcurrentHashMap<>();

    RdsRecords(Persistence persistence) {
        this.persistence = persistence;
        this.fields = persistence.map("rds.state", String.class);
        KEPT.forEach(f -> f.setAccessible(true));
    }

    /** Notes a new state of an account and region, to be kept from now on. */
    RdsState track(String account, String region, RdsState state) {
        states.put(account + "/" + region + "/", state);
        return state;
    }

    /** Forgets every state (a reset has dropped them). */
    void forget() {
        states.clear();
    }

    @Override
    public void write() {
        if (persistence.enabled()) {
            states.forEach((prefix, state) -> fields.sync(prefix, jsonOf(state)));
        }
    }

    private Map<String, String> jsonOf(RdsState state) {
        Map<String, String> json = new LinkedHashMap<>();
        for (Field field : KEPT) {
            json.put(field.getName(), persistence.writeValue(valueOf(field, state)));
        }
        return json;
    }

    /** Reads every kept field back into the (new, empty) state of its account and region. */
    @SuppressWarnings("unchecked")
    void restore(BiFunction<String, String, RdsState> stateOf) {
        fields.forEach("", (key, json) -> {
            String[] parts = key.split("/", 3); // account, region, field
            Field field = KEPT.stream().filter(f -> f.getName().equals(parts[2])).findFirst().orElse(null);
            if (field == null) {
                return; // a field an older Cloudjar kept and this one no longer has, as unknown fields of a record
            }
            Object kept = persistence.readValue(json, field.getGenericType());
            Object into = valueOf(field, stateOf.apply(parts[0], parts[1]));
            if (into instanceof Map<?, ?> map) {
                ((Map<Object, Object>) map).putAll((Map<Object, Object>) kept);
            } else {
                ((Collection<Object>) into).addAll((Collection<Object>) kept);
            }
        });
    }

    private static Object valueOf(Field field, RdsState state) {
        try {
            return field.get(state);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
