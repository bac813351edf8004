package io.cloudjar.s3.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The version history of one key, newest first. Readers take the immutable list without locking; writers
 * change it only through {@link Bucket#edit}, which holds this object's lock, so each change sees and
 * replaces the latest list.
 */
public final class ObjectVersions {
    private volatile List<StoredObject> versions = List.of();
    boolean removed;

    /** All versions and delete markers, newest first. */
    public List<StoredObject> all() {
        return versions;
    }

    /** The newest version (maybe a delete marker), or null when the key has none. */
    public StoredObject latest() {
        List<StoredObject> v = versions;
        return v.isEmpty() ? null : v.get(0);
    }

    /** The version with this id ({@code null} is the "null" version), or null. */
    public StoredObject version(String versionId) {
        for (StoredObject o : versions) {
            if (Objects.equals(o.versionId(), versionId)) {
                return o;
            }
        }
        return null;
    }

    /**
     * Makes {@code object} the newest version. A "null" version replaces the previous "null" version,
     * which is returned so its body can be removed; otherwise returns null.
     */
    public StoredObject push(StoredObject object) {
        List<StoredObject> next = new ArrayList<>(versions.size() + 1);
        next.add(object);
        StoredObject displaced = null;
        for (StoredObject o : versions) {
            if (displaced == null && Objects.equals(o.versionId(), object.versionId())) {
                displaced = o;
            } else {
                next.add(o);
            }
        }
        versions = List.copyOf(next);
        return displaced;
    }

    /** Removes one version for good; returns it, or null when there is none with this id. */
    public StoredObject remove(String versionId) {
        StoredObject found = version(versionId);
        if (found != null) {
            List<StoredObject> next = new ArrayList<>(versions);
            next.remove(found);
            versions = List.copyOf(next);
        }
        return found;
    }

    /** Replaces a version with an edited copy of itself (same id, same body), e.g. new tags. */
    public void replace(StoredObject old, StoredObject edited) {
        List<StoredObject> next = new ArrayList<>(versions);
        int at = next.indexOf(old);
        if (at < 0) {
            throw new IllegalStateException("not a version of this key: " + old.versionId());
        }
        next.set(at, edited);
        versions = List.copyOf(next);
    }

    /** Takes back the versions the state file kept, newest first. */
    void restore(List<StoredObject> kept) {
        versions = List.copyOf(kept);
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }
}
