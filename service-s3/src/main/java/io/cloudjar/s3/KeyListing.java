package io.cloudjar.s3;

import io.cloudjar.s3.model.ObjectVersions;
import io.cloudjar.s3.model.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * One page of a bucket's keys, as ListObjects and ListObjectsV2 compute it: keys whose latest version is
 * an object (not a delete marker) under a prefix, rolled
 * up into common prefixes at the delimiter, starting after a key, up to max-keys entries (a common prefix
 * counts as one).
 *
 * @param lastEntry         the last key or common prefix returned, where the next page starts
 * @param lastEntryIsPrefix the last entry is a common prefix: the next page skips everything under it
 */
record KeyListing(List<StoredObject> objects, List<String> commonPrefixes, boolean truncated, String lastEntry,
                  boolean lastEntryIsPrefix) {

    /**
     * @param startAfter        list keys after this one (exclusive), or null
     * @param startAfterPrefix  {@code startAfter} is a common prefix returned by the previous page
     */
    static KeyListing of(NavigableMap<String, ObjectVersions> keys, String prefix, String delimiter, String startAfter,
                         boolean startAfterPrefix, int maxKeys) {
        String pfx = prefix == null ? "" : prefix;
        String delim = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        String from = startAfter != null && startAfter.compareTo(pfx) > 0 ? startAfter : pfx;
        boolean inclusive = startAfter == null || startAfter.compareTo(pfx) <= 0;
        List<StoredObject> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        String skipPrefix = startAfterPrefix ? startAfter : null;
        for (Map.Entry<String, ObjectVersions> entry : keys.tailMap(from, inclusive).entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(pfx)) {
                break; // keys are sorted: past the prefix range
            }
            StoredObject current = entry.getValue().latest();
            if (current == null || current.deleteMarker()) {
                continue; // deleted: only ListObjectVersions shows it
            }
            if (skipPrefix != null && key.startsWith(skipPrefix)) {
                continue; // the previous page ended with this common prefix
            }
            String common = null;
            if (delim != null) {
                int at = key.indexOf(delim, pfx.length());
                if (at >= 0) {
                    common = key.substring(0, at + delim.length());
                }
            }
            if (common != null && common.equals(last)) {
                continue;
            }
            if (objects.size() + prefixes.size() >= maxKeys) {
                return new KeyListing(objects, prefixes, true, last, last != null && last.equals(skipPrefix));
            }
            if (common != null) {
                prefixes.add(common);
                last = common;
                skipPrefix = common;
            } else {
                objects.add(current);
                last = key;
            }
        }
        return new KeyListing(objects, prefixes, false, last, false);
    }
}
