package io.certgate.web.support;

import java.util.HashMap;
import java.util.Map;

/**
 * A facade's one mapping from business exception types to its error codes: the most specific mapped class of
 * the exception (walking up its superclasses) wins, else the fallback.
 */
public final class ExceptionTable<V> {

    private final Map<Class<?>, V> table = new HashMap<>();
    private final V fallback;

    public ExceptionTable(V fallback) {
        this.fallback = fallback;
    }

    public ExceptionTable<V> map(Class<? extends Throwable> type, V value) {
        table.put(type, value);
        return this;
    }

    public V lookup(Throwable e) {
        for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
            V v = table.get(c);
            if (v != null) {
                return v;
            }
        }
        return fallback;
    }
}
