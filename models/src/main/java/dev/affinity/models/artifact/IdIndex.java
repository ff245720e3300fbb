package dev.affinity.models.artifact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * External ids (customer ids, product ids) and their dense positions in a model's matrices.
 * Immutable.
 */
public final class IdIndex {
    private final String[] ids;
    private final Map<String, Integer> positions;

    /** An index over {@code ids} in order; ids must be unique, non-empty and free of line breaks. */
    public IdIndex(List<String> ids) {
        this.ids = ids.toArray(new String[0]);
        this.positions = new HashMap<>(Math.max(16, (int) (ids.size() / 0.74f) + 1));
        for (int i = 0; i < this.ids.length; i++) {
            String id = this.ids[i];
            if (id == null || id.isEmpty() || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("id at position " + i + " is empty or holds a line break");
            }
            if (positions.put(id, i) != null) {
                throw new IllegalArgumentException("duplicate id '" + id + "'");
            }
        }
    }

    /** Number of ids. */
    public int size() {
        return ids.length;
    }

    /** The position of {@code id}, or -1 when the model does not know it. */
    public int indexOf(String id) {
        Integer i = positions.get(id);
        return i == null ? -1 : i;
    }

    /** The id at {@code position}. */
    public String id(int position) {
        return ids[position];
    }

    /** All ids in position order. */
    public List<String> ids() {
        return List.of(ids);
    }
}
