package io.cloudjar.core.protocol.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Query parameter names ({@code Filter.3.Value.1}) as a tree of their dot-separated steps, so the shape reader
 * finds a member, or the items of a list, without scanning every name: reading a form is linear in its size
 * (scanning all names per list item made a 20,000-filter form quadratic).
 *
 * <p>A node groups the names below it into children only when it is asked for one, and the reader asks only
 * along the request shape's members, so a name is regrouped at most once per level of the shape, whatever
 * its number of dots (an absurd {@code a.a.a.…} name costs no more than its length).
 */
final class ParameterTree {
    /** A parameter below a node: its name, where the part below the node starts, its values. */
    private record Pending(String name, int from, List<String> values) {
    }

    private List<Pending> pending = new ArrayList<>();
    private Map<String, ParameterTree> children;
    private List<String> values;

    private ParameterTree() {
    }

    static ParameterTree of(Map<String, List<String>> params) {
        ParameterTree root = new ParameterTree();
        params.forEach((name, values) -> root.pending.add(new Pending(name, 0, values)));
        return root;
    }

    /** The node of a (possibly dotted) name below this one, or null when no parameter is named so. */
    ParameterTree child(String name) {
        ParameterTree node = this;
        int start = 0;
        while (node != null) {
            int dot = name.indexOf('.', start);
            node = node.children().get(dot < 0 ? name.substring(start) : name.substring(start, dot));
            if (dot < 0) {
                return node;
            }
            start = dot + 1;
        }
        return null;
    }

    /** The first value of the parameter named exactly by this node, or null. */
    String value() {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** True when some parameter's name continues below this node ({@code Name.…}). */
    boolean hasChildren() {
        return !children().isEmpty();
    }

    /**
     * The item numbers below this node, in order; AWS does not require them to be contiguous. A step that
     * {@link Integer#parseInt} accepts counts ({@code 01}), but its item is read under the number's plain name.
     */
    TreeSet<Integer> indexes() {
        TreeSet<Integer> indexes = new TreeSet<>();
        for (String step : children().keySet()) {
            try {
                indexes.add(Integer.parseInt(step));
            } catch (NumberFormatException ignored) {
                // not an item of a list
            }
        }
        return indexes;
    }

    ParameterTree item(int index) {
        return children().get(Integer.toString(index));
    }

    private Map<String, ParameterTree> children() {
        if (children == null) {
            children = new HashMap<>();
            for (Pending p : pending) {
                int dot = p.name().indexOf('.', p.from());
                String step = dot < 0 ? p.name().substring(p.from()) : p.name().substring(p.from(), dot);
                ParameterTree child = children.computeIfAbsent(step, s -> new ParameterTree());
                if (dot < 0) {
                    child.values = p.values();
                } else {
                    child.pending.add(new Pending(p.name(), dot + 1, p.values()));
                }
            }
            pending = null;
        }
        return children;
    }
}
