package io.cloudjar.core.http;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Case-insensitive multimap of HTTP header names to values; names are listed in case-insensitive order, each
 * spelled as it was first added.
 * <p>
 * A request or response has a dozen or two headers, looked up by name many times (a decoder asks for each of an
 * operation's header members): a flat array scanned with the names' lengths compared first is cheaper than a
 * sorted tree's case-insensitive comparisons, and the names are put in order only when they are listed.
 */
public final class Headers {
    private String[] names = new String[16];
    @SuppressWarnings("unchecked")
    private List<String>[] values = new List[16];
    private int size;
    /** Whether {@link #names} is in case-insensitive order (what listing needs). */
    private boolean sorted = true;

    public Headers add(String name, String value) {
        int i = indexOf(name);
        if (i < 0) {
            List<String> list = new ArrayList<>(1);
            list.add(value);
            append(name, list);
        } else {
            values[i].add(value);
        }
        return this;
    }

    public Headers set(String name, String value) {
        List<String> list = new ArrayList<>(1);
        list.add(value);
        int i = indexOf(name);
        if (i < 0) {
            append(name, list);
        } else {
            values[i] = list; // the name keeps its first spelling
        }
        return this;
    }

    public Headers remove(String name) {
        int i = indexOf(name);
        if (i >= 0) {
            System.arraycopy(names, i + 1, names, i, size - i - 1);
            System.arraycopy(values, i + 1, values, i, size - i - 1);
            size--;
            names[size] = null;
            values[size] = null;
        }
        return this;
    }

    /** The first value, or null. */
    public String get(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return null;
        }
        List<String> list = values[i];
        return list.isEmpty() ? null : list.get(0);
    }

    public List<String> getAll(String name) {
        int i = indexOf(name);
        return i < 0 ? List.of() : Collections.unmodifiableList(values[i]);
    }

    public boolean contains(String name) {
        return indexOf(name) >= 0;
    }

    /** The names in case-insensitive order; {@code contains} ignores case. */
    public Set<String> names() {
        return new View<>(i -> names[i], true);
    }

    /** Each name's first value, looked up in any case. */
    public Map<String, String> firstValues() {
        TreeMap<String, String> first = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < size; i++) {
            first.put(names[i], values[i].get(0));
        }
        return Collections.unmodifiableMap(first);
    }

    /** Name and values, in the names' case-insensitive order. */
    public Set<Map.Entry<String, List<String>>> entries() {
        return new View<>(i -> new AbstractMap.SimpleImmutableEntry<>(names[i], Collections.unmodifiableList(values[i])), false);
    }

    private int indexOf(String name) {
        int length = name.length();
        for (int i = 0; i < size; i++) {
            String candidate = names[i];
            if (candidate.length() == length && candidate.equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private void append(String name, List<String> list) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        if (size > 0 && String.CASE_INSENSITIVE_ORDER.compare(names[size - 1], name) > 0) {
            sorted = false;
        }
        names[size] = name;
        values[size] = list;
        size++;
    }

    /** Insertion sort by name: few headers, mostly in order already. */
    private void sort() {
        if (sorted) {
            return;
        }
        for (int i = 1; i < size; i++) {
            String name = names[i];
            List<String> list = values[i];
            int j = i - 1;
            for (; j >= 0 && String.CASE_INSENSITIVE_ORDER.compare(names[j], name) > 0; j--) {
                names[j + 1] = names[j];
                values[j + 1] = values[j];
            }
            names[j + 1] = name;
            values[j + 1] = list;
        }
        sorted = true;
    }

    /** A read-only view of the headers, in name order, as the elements {@code element} makes of a position. */
    private final class View<T> extends AbstractSet<T> {
        private final IntFunction<T> element;
        /** Whether the elements are the names (then {@code contains} ignores case). */
        private final boolean ofNames;

        View(IntFunction<T> element, boolean ofNames) {
            this.element = element;
            this.ofNames = ofNames;
        }

        @Override
        public Iterator<T> iterator() {
            sort();
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public T next() {
                    if (next >= size) {
                        throw new NoSuchElementException();
                    }
                    return element.apply(next++);
                }
            };
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            if (ofNames && o instanceof String name) {
                return indexOf(name) >= 0;
            }
            return super.contains(o);
        }
    }
}
