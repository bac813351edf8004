package io.cloudjar.core.persist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.store.Resettable;
import io.cloudjar.core.util.EmulatorClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The state of every service in one H2 MVStore file, {@code <DATA_DIR>/state/cloudjar.mv.db}. MVStore is
 * append-only with checksummed chunks, so a crash at any moment leaves the last commit readable; a commit writes
 * the changed pages to the file before the call is answered, so {@code kill -9} loses no acknowledged call (the
 * operating system keeps what was written). The file carries a format number: another one is refused, never
 * half-read. The emulator clock's offset is kept too, so timed states do not run backwards after a restart.
 */
public final class StateFile implements Persistence, Resettable, AutoCloseable {
    /** The layout of the maps and records this Cloudjar writes; bump when a record changes incompatibly. */
    public static final int FORMAT = 1;
    static final String FILE_NAME = "cloudjar.mv.db";
    private static final String META = "cloudjar.meta";
    private static final String CLOCK_OFFSET = "clock.offsetMillis";
    /**
     * Smaller B-tree pages than MVStore's 16 KiB default: every call commits, and a commit rewrites each changed page,
     * so a one-record change writes less: 4,000 S3 puts left a 68 MB file with 16 KiB pages, 30 MB with 4 KiB (27 MB
     * with 2 KiB), before MVStore reclaims old chunks.
     */
    private static final int PAGE_SPLIT_SIZE = 4 * 1024;

    private final MVStore store;
    private final MVMap<String, String> meta;
    private final EmulatorClock clock;
    private final Map<String, MvDurableMap<?>> maps = new ConcurrentHashMap<>();
    private volatile long savedOffset;
    /** Every change made in this MVStore version or an earlier one is in the file (written by {@link #commit}). */
    private long storedVersion = -1;
    /** State changed in place since the last commit, written at the next one. */
    private final Set<Changes> pending = ConcurrentHashMap.newKeySet();
    /** One commit at a time: a call's commit returns only once everything changed before it is in the file. */
    private final Object committing = new Object();
    /** How each service rebuilds its memory from the maps, in the order they registered. */
    private final List<Runnable> restorers = new CopyOnWriteArrayList<>();
    private final Path dataDir;
    private final SdkValues sdkValues;
    /** Directories whose files belong to the state, in the order services named them. */
    private final List<Path> fileDirs = new CopyOnWriteArrayList<>();
    /** Of {@link #fileDirs}, those whose files change in place: copied into a snapshot, never linked. */
    private final Map<Path, Pausing> changingFileDirs = new ConcurrentHashMap<>();
    /** State that every call of an API may change without reporting it, by API. */
    private final Map<String, List<Changes>> changedByCalls = new ConcurrentHashMap<>();
    /** Writes records (SDK values inside them included) as JSON. */
    private final ObjectMapper json;

    private StateFile(MVStore store, EmulatorClock clock, Path dataDir, SdkValues sdkValues) {
        this.dataDir = dataDir;
        this.sdkValues = sdkValues;
        this.json = StateJson.mapper(sdkValues);
        this.store = store;
        this.clock = clock;
        this.meta = store.openMap(META);
    }

    /** Opens (or creates) the state under {@code dataDir}, checks its format and restores the clock's offset. */
    public static StateFile open(Path dataDir, EmulatorClock clock, SdkValues sdkValues) {
        Path file = dataDir.resolve("state").resolve(FILE_NAME);
        MVStore store;
        try {
            Files.createDirectories(file.getParent());
            store = new MVStore.Builder().fileName(file.toString()).pageSplitSize(PAGE_SPLIT_SIZE).open();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file.getParent(), e);
        } catch (MVStoreException e) {
            throw new StoreFormatException("Cannot open the state file " + file + " (PERSISTENCE=1): " + e.getMessage()
                    + ". It is damaged, not a Cloudjar state file, or used by another running Cloudjar; move it away to "
                    + "start with empty state.", e);
        }
        StateFile state = new StateFile(store, clock, dataDir, sdkValues);
        state.checkFormat(file);
        state.restoreClock();
        return state;
    }

    private void checkFormat(Path file) {
        String format = meta.get("format");
        if (format == null && store.getMapNames().size() > 1) {
            store.closeImmediately();
            throw new StoreFormatException("The state file " + file + " has no Cloudjar format number: it was not written"
                    + " by Cloudjar. Move it away to start with empty state.", null);
        }
        if (format == null) {
            meta.put("format", Integer.toString(FORMAT));
            store.commit();
        } else if (!format.equals(Integer.toString(FORMAT))) {
            store.closeImmediately();
            throw new StoreFormatException("The state file " + file + " is in format " + format + "; this Cloudjar reads "
                    + "format " + FORMAT + ". Use the Cloudjar version that wrote it, or move it away to start with empty "
                    + "state.", null);
        }
    }

    private void restoreClock() {
        String offset = meta.get(CLOCK_OFFSET);
        clock.reset();
        savedOffset = offset == null ? 0 : Long.parseLong(offset);
        if (savedOffset > 0) {
            clock.advance(Duration.ofMillis(savedOffset));
        }
    }

    @Override
    public void restoreWith(Runnable restore) {
        restorers.add(restore);
        restore.run();
    }

    @Override
    public String writeValue(Object value) {
        if (value instanceof SdkPojo) {
            return sdkValues.write(value);
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a " + value.getClass().getName() + " to the state file", e);
        }
    }

    @Override
    public Object readValue(String text, java.lang.reflect.Type type) {
        try {
            return json.readValue(text, json.constructType(type));
        } catch (JsonProcessingException e) {
            throw new StoreFormatException("Cannot read a " + type.getTypeName() + " from the state file: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public <T> T readValue(String json, Class<T> type) {
        if (SdkPojo.class.isAssignableFrom(type)) {
            return sdkValues.read(json, type);
        }
        try {
            return this.json.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreFormatException("Cannot read a " + type.getName() + " from the state file: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void keepsFiles(Path dir) {
        fileDirs.add(dir);
    }

    @Override
    public void keepsChangingFiles(Path dir, Pausing pausing) {
        changingFileDirs.put(dir, pausing);
        fileDirs.add(dir);
    }

    /** Where {@link #save} keeps snapshot {@code name}. */
    public Path snapshotFile(String name) {
        return dataDir.resolve("snapshots").resolve(name + ".mv.db");
    }

    /**
     * Copies the whole state, as of the last commit, into snapshot {@code name} (replacing one of that name): no call
     * is answered meanwhile, so the snapshot holds every call answered before it and none after.
     *
     * @return how many records it holds
     */
    public long save(String name) throws IOException {
        Path target = snapshotFile(name);
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(".tmp-" + target.getFileName());
        Files.deleteIfExists(temp);
        long records = 0;
        synchronized (committing) {
            commit();
            MVStore copy = new MVStore.Builder().fileName(temp.toString()).open();
            try {
                for (String mapName : store.getMapNames()) {
                    MVMap<String, String> from = store.openMap(mapName);
                    MVMap<String, String> to = copy.openMap(mapName);
                    to.putAll(from);
                    records += mapName.equals(META) ? 0 : from.size();
                }
                copy.commit();
            } finally {
                copy.close();
            }
            Path files = filesOf(target);
            SnapshotFiles.delete(files);
            for (int i = 0; i < fileDirs.size(); i++) {
                Pausing pausing = changingFileDirs.get(fileDirs.get(i));
                Runnable resume = pausing == null ? () -> { } : pausing.pause();
                try {
                    SnapshotFiles.put(fileDirs.get(i), files.resolve(Integer.toString(i)), pausing != null);
                } finally {
                    resume.run();
                }
            }
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return records;
    }

    /**
     * Makes snapshot {@code name} the state: {@code resetMemory} empties every service's memory (and these maps), the
     * snapshot's records and clock offset are copied in and committed, and every service rebuilds from them.
     *
     * @return how many records it held
     * @throws NoSuchFileException when there is no snapshot of that name
     */
    public long load(String name, Runnable resetMemory) throws IOException {
        Path source = snapshotFile(name);
        if (!Files.isRegularFile(source)) {
            throw new NoSuchFileException(source.toString());
        }
        long records = 0;
        synchronized (committing) {
            MVStore snapshot;
            try {
                snapshot = new MVStore.Builder().fileName(source.toString()).readOnly().open();
            } catch (MVStoreException e) {
                throw new StoreFormatException("Cannot read snapshot " + source + ": " + e.getMessage(), e);
            }
            try {
                String format = snapshot.<String, String>openMap(META).get("format");
                if (!Integer.toString(FORMAT).equals(format)) {
                    throw new StoreFormatException("Snapshot " + source + " is in format " + format + "; this Cloudjar reads format "
                            + FORMAT, null);
                }
                resetMemory.run();
                for (String mapName : store.getMapNames()) {
                    store.<String, String>openMap(mapName).clear();
                }
                for (String mapName : snapshot.getMapNames()) {
                    MVMap<String, String> from = snapshot.openMap(mapName);
                    store.<String, String>openMap(mapName).putAll(from);
                    records += mapName.equals(META) ? 0 : from.size();
                }
            } finally {
                snapshot.close();
            }
            restoreClock();
            store.commit();
            for (int i = 0; i < fileDirs.size(); i++) {
                SnapshotFiles.put(filesOf(source).resolve(Integer.toString(i)), fileDirs.get(i), changingFileDirs.containsKey(fileDirs.get(i)));
            }
            restorers.forEach(Runnable::run);
            commit();
        }
        return records;
    }

    /** The files a snapshot keeps beside its state file. */
    private static Path filesOf(Path snapshot) {
        String name = snapshot.getFileName().toString();
        return snapshot.resolveSibling(name.substring(0, name.length() - ".mv.db".length()) + ".files");
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> DurableMap<V> map(String name, Class<V> type) {
        MvDurableMap<?> map = maps.computeIfAbsent(name, n -> new MvDurableMap<>(store.openMap(n), type, json));
        if (map.type != type) {
            throw new IllegalArgumentException("State map " + name + " holds " + map.type.getName() + ", not " + type.getName());
        }
        return (DurableMap<V>) map;
    }

    @Override
    public void changed(Changes changes) {
        pending.add(changes);
    }

    @Override
    public void changedByCalls(String api, Changes changes) {
        changedByCalls.computeIfAbsent(api, a -> new CopyOnWriteArrayList<>()).add(changes);
    }

    @Override
    public void commitAfterCall(String api) {
        pending.addAll(changedByCalls.getOrDefault(api, List.of()));
        commit();
    }

    @Override
    public void commit() {
        if (pending.isEmpty() && !store.hasUnsavedChanges() && clock.read().offset().toMillis() == savedOffset) {
            return; // a call that changed nothing (most reads) does not wait for another's commit
        }
        long changedIn = store.getCurrentVersion(); // this caller's changes are in this version or an earlier one
        synchronized (committing) {
            for (Changes changes : pending) {
                pending.remove(changes); // before writing: a change made meanwhile marks it again
                changes.write();
                changedIn = Long.MAX_VALUE; // written now: only a commit from here on holds it
            }
            long offset = clock.read().offset().toMillis();
            if (offset != savedOffset) {
                savedOffset = offset;
                meta.put(CLOCK_OFFSET, Long.toString(offset));
                changedIn = Long.MAX_VALUE;
            }
            // group commit: when a commit made while this caller waited for the lock has already written its version,
            // the changes still unsaved are later callers' own, and each of them commits (or is covered) in turn
            if (store.hasUnsavedChanges() && storedVersion < changedIn) {
                long storing = store.getCurrentVersion();
                store.commit();
                storedVersion = storing;
            }
        }
    }

    /** {@code /moto-api/reset}: every map emptied (the clock keeps its time, as the reset leaves it). */
    @Override
    public void reset() {
        maps.values().forEach(MvDurableMap::clear);
        commit();
    }

    /** A reset of one API's state: its maps ({@code <api>.…}) emptied. */
    public void reset(String api) {
        maps.forEach((name, map) -> {
            if (name.startsWith(api + ".")) {
                map.clear();
            }
        });
        commit();
    }

    @Override
    public void close() {
        commit();
        store.close();
    }

    /** One named map of JSON records. */
    private static final class MvDurableMap<V> implements DurableMap<V> {
        private final MVMap<String, String> map;
        private final Class<V> type;
        private final ObjectMapper json;

        MvDurableMap(MVMap<String, String> map, Class<V> type, ObjectMapper json) {
            this.map = map;
            this.type = type;
            this.json = json;
        }

        @Override
        public void put(String key, V value) {
            map.put(key, json(key, value));
        }

        @Override
        public int sync(String prefix, Map<String, ? extends V> current) {
            int changes = 0;
            for (Map.Entry<String, ? extends V> entry : current.entrySet()) {
                String json = json(entry.getKey(), entry.getValue());
                if (!json.equals(map.get(prefix + entry.getKey()))) {
                    map.put(prefix + entry.getKey(), json);
                    changes++;
                }
            }
            for (String key : keysUnder(prefix)) {
                if (!current.containsKey(key.substring(prefix.length()))) {
                    map.remove(key);
                    changes++;
                }
            }
            return changes;
        }

        /** The keys starting with {@code prefix}, in order (a list: callers may remove them as they go). */
        private List<String> keysUnder(String prefix) {
            List<String> found = new ArrayList<>();
            for (Iterator<String> keys = map.keyIterator(prefix); keys.hasNext(); ) {
                String key = keys.next();
                if (!key.startsWith(prefix)) {
                    break;
                }
                found.add(key);
            }
            return found;
        }

        private String json(String key, V value) {
            try {
                return json.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write " + type.getSimpleName() + " " + key + " to the state file", e);
            }
        }

        @Override
        public void remove(String key) {
            map.remove(key);
        }

        @Override
        public void forEach(String prefix, BiConsumer<String, V> action) {
            for (String key : keysUnder(prefix)) {
                action.accept(key, read(key, map.get(key)));
            }
        }

        @Override
        public void removeAll(String prefix) {
            keysUnder(prefix).forEach(map::remove);
        }

        void clear() {
            map.clear();
        }

        private V read(String key, String json) {
            try {
                return this.json.readValue(json, type);
            } catch (JsonProcessingException e) {
                throw new StoreFormatException("Cannot read " + type.getSimpleName() + " " + key + " from the state file: "
                        + e.getOriginalMessage(), e);
            }
        }
    }
}
