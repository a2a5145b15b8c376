package id.padu.telemetry.flow;

import java.util.function.Consumer;

/**
 * Open-addressing map from a primitive long to an object: template and domain lookups on the
 * hot path must not box their keys. Removal uses backward-shift deletion, so no tombstones
 * pile up when templates are withdrawn and re-announced.
 */
final class LongMap<V> {

    private long[] keys;
    private Object[] values;
    private int size;
    private int mask;

    LongMap() {
        keys = new long[16];
        values = new Object[16];
        mask = 15;
    }

    int size() {
        return size;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int i = hash(key) & mask;
        while (true) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                return (V) v;
            }
            i = (i + 1) & mask;
        }
    }

    void put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        int i = hash(key) & mask;
        while (values[i] != null) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    @SuppressWarnings("unchecked")
    V remove(long key) {
        int i = hash(key) & mask;
        while (true) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                deleteAt(i);
                return (V) v;
            }
            i = (i + 1) & mask;
        }
    }

    private void deleteAt(int hole) {
        values[hole] = null;
        size--;
        int i = (hole + 1) & mask;
        while (values[i] != null) {
            int home = hash(keys[i]) & mask;
            // Move the entry back into the hole when the hole lies between its home and its slot.
            boolean move = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (move) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                values[i] = null;
                hole = i;
            }
            i = (i + 1) & mask;
        }
    }

    interface EntryTest<V> {
        boolean test(long key, V value);
    }

    /** Removes every entry that passes the test; used by IPFIX "withdraw all templates". */
    @SuppressWarnings("unchecked")
    int removeIf(EntryTest<V> which) {
        long[] doomed = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null && which.test(keys[i], (V) values[i])) {
                doomed[n++] = keys[i];
            }
        }
        for (int i = 0; i < n; i++) {
            remove(doomed[i]);
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    void forEach(Consumer<V> action) {
        for (Object v : values) {
            if (v != null) {
                action.accept((V) v);
            }
        }
    }

    interface EntryAction<V> {
        void accept(long key, V value);
    }

    @SuppressWarnings("unchecked")
    void forEachEntry(EntryAction<V> action) {
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                action.accept(keys[i], (V) values[i]);
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], (V) oldValues[i]);
            }
        }
    }
}
