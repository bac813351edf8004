package io.cloudjar.s3;

import io.cloudjar.s3.model.ObjectVersions;
import io.cloudjar.s3.model.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;

/**
 * One page of ListObjectVersions: every version and delete marker under a prefix, keys in order and each
 * key's versions newest first, rolled up at the delimiter; it resumes after a key marker, or after a
 * version of that key when a version-id marker is given too. Entries and common prefixes count towards
 * max-keys alike.
 *
 * @param entries        versions and delete markers in listing order, with whether each is its key's latest
 * @param nextKeyMarker  where the next page starts (a key or a common prefix), when truncated
 * @param nextVersionId  the version-id marker of the next page, when the page ended on a version
 */
record VersionListing(List<Entry> entries, List<String> commonPrefixes, boolean truncated, String nextKeyMarker,
                      String nextVersionId) {

    record Entry(StoredObject version, boolean latest) {
    }

    static VersionListing of(NavigableMap<String, ObjectVersions> keys, String prefix, String delimiter, String keyMarker,
                             String versionIdMarker, int maxKeys) {
        String pfx = prefix == null ? "" : prefix;
        String delim = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        boolean resumeInsideKey = keyMarker != null && versionIdMarker != null;
        String from = keyMarker != null && keyMarker.compareTo(pfx) > 0 ? keyMarker : pfx;
        boolean inclusive = keyMarker == null || keyMarker.compareTo(pfx) < 0 || resumeInsideKey;
        List<Entry> entries = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String lastPrefix = keyMarker != null && delim != null && keyMarker.endsWith(delim) ? keyMarker : null;
        for (Map.Entry<String, ObjectVersions> e : keys.tailMap(from, inclusive).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(pfx)) {
                break;
            }
            List<StoredObject> versions = e.getValue().all();
            if (versions.isEmpty() || (lastPrefix != null && key.startsWith(lastPrefix))) {
                continue;
            }
            if (delim != null) {
                int at = key.indexOf(delim, pfx.length());
                if (at >= 0) {
                    String common = key.substring(0, at + delim.length());
                    if (entries.size() + prefixes.size() >= maxKeys) {
                        return truncatedAfter(entries, prefixes);
                    }
                    prefixes.add(common);
                    lastPrefix = common;
                    continue;
                }
            }
            int start = 0;
            if (resumeInsideKey && key.equals(keyMarker)) {
                start = indexAfter(versions, versionIdMarker);
            }
            for (int i = start; i < versions.size(); i++) {
                if (entries.size() + prefixes.size() >= maxKeys) {
                    return truncatedAfter(entries, prefixes);
                }
                entries.add(new Entry(versions.get(i), i == 0));
            }
        }
        return new VersionListing(entries, prefixes, false, null, null);
    }

    private static int indexAfter(List<StoredObject> versions, String versionIdMarker) {
        for (int i = 0; i < versions.size(); i++) {
            if (Objects.equals(VersionIds.listed(versions.get(i)), versionIdMarker)) {
                return i + 1;
            }
        }
        return versions.size(); // an unknown marker of this key: resume at the next key
    }

    /** The page is full: the next one resumes after whatever came last, a version or a common prefix. */
    private static VersionListing truncatedAfter(List<Entry> entries, List<String> prefixes) {
        Entry lastEntry = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        String lastPrefix = prefixes.isEmpty() ? null : prefixes.get(prefixes.size() - 1);
        if (lastEntry != null && (lastPrefix == null || lastEntry.version().key().compareTo(lastPrefix) > 0)) {
            return new VersionListing(entries, prefixes, true, lastEntry.version().key(), VersionIds.listed(lastEntry.version()));
        }
        return new VersionListing(entries, prefixes, true, lastPrefix, null);
    }
}
