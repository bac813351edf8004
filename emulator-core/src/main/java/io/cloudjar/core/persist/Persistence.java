package io.cloudjar.core.persist;

/**
 * What services keep across restarts. With {@code PERSISTENCE=1} every service writes the records it changes into
 * named {@link DurableMap}s as it changes them (under its own lock, so the file sees changes in the order memory
 * did), and the pipeline {@linkplain #commit commits} before it answers a call: an acknowledged call is on disk.
 * At start-up each service rebuilds its state from its maps. Without persistence the maps do nothing.
 */
public interface Persistence {
    /** Keeps nothing: state lives in memory only. */
    Persistence NONE = new Persistence() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public <V> DurableMap<V> map(String name, Class<V> type) {
            return DurableMap.none();
        }

        @Override
        public void changed(Changes changes) {
        }

        @Override
        public void restoreWith(Runnable restore) {
        }

        @Override
        public void keepsFiles(java.nio.file.Path dir) {
        }

        @Override
        public void keepsChangingFiles(java.nio.file.Path dir, Pausing pausing) {
        }

        @Override
        public void changedByCalls(String api, Changes changes) {
        }

        @Override
        public void commitAfterCall(String api) {
        }

        @Override
        public Object readValue(String json, java.lang.reflect.Type type) {
            throw new IllegalStateException("nothing is kept without persistence");
        }

        @Override
        public String writeValue(Object value) {
            throw new IllegalStateException("nothing is kept without persistence");
        }

        @Override
        public <T> T readValue(String json, Class<T> type) {
            throw new IllegalStateException("nothing is kept without persistence");
        }

        @Override
        public void commit() {
        }
    };

    boolean enabled();

    /**
     * The map of that name (e.g. {@code ec2.instances}), its values written as JSON of {@code type}: records, or
     * classes whose fields say everything (Jackson reads them back through their fields and constructors).
     */
    <V> DurableMap<V> map(String name, Class<V> type);

    /**
     * Notes that state which changes its records in place has changed: its {@link Changes#write} runs before the next
     * commit writes the file. For state whose changes are not each a {@link DurableMap#put}.
     */
    void changed(Changes changes);

    /**
     * How a service rebuilds its memory from its maps: run now (start-up) and again after a snapshot is loaded
     * ({@code POST /_cloudjar/state/load}), each time on memory a reset has emptied. Nothing runs without persistence.
     */
    void restoreWith(Runnable restore);

    /**
     * Says that the files under {@code dir} belong to the kept state (S3's bodies): a snapshot keeps them too (as hard
     * links where the file system allows), and loading one puts back those that are missing.
     */
    void keepsFiles(java.nio.file.Path dir);

    /**
     * As {@link #keepsFiles}, for files changed in place (a database server's data directory): a snapshot copies them
     * rather than linking them, so later writes do not reach into it, and {@code pausing} holds them still meanwhile
     * (the servers stopped for the copy, started again after), so the copy is consistent.
     */
    void keepsChangingFiles(java.nio.file.Path dir, Pausing pausing);

    /** What writes files in place, stopped while a snapshot copies them. */
    @FunctionalInterface
    interface Pausing {
        /** Stops the writing; the returned action starts it again. */
        Runnable pause();
    }

    /**
     * State changed in place from many places of one API's code (RDS's maps), too many to report each change: its
     * {@link Changes#write} runs after every call of {@code api}, before that call's commit, and compares what it
     * holds with what is kept ({@link DurableMap#sync}). A change made outside a call reports itself with
     * {@link #changed} and {@link #commit}.
     */
    void changedByCalls(String api, Changes changes);

    /** {@link #commit} after a call of {@code api}: the pipeline's, once the provider has returned. */
    void commitAfterCall(String api);

    /**
     * A value kept in a map of values of many classes (an SDK model object, a record, an enum) as JSON; the caller
     * keeps its class's name beside it. Only with persistence {@link #enabled}.
     */
    String writeValue(Object value);

    /** The value of {@code type} that {@link #writeValue} wrote as {@code json}. */
    <T> T readValue(String json, Class<T> type);

    /** As {@link #readValue(String, Class)}, for a generic type (a field's {@code Map<String, InstanceRecord>}). */
    Object readValue(String json, java.lang.reflect.Type type);

    /** State that writes its changed records into its maps when asked (see {@link DurableMap#sync}). */
    @FunctionalInterface
    interface Changes {
        void write();
    }

    /**
     * Makes every change written so far durable (a no-op when nothing changed). The pipeline calls it after each
     * call; a service calls it after changes it makes outside a call (a timer).
     */
    void commit();
}
