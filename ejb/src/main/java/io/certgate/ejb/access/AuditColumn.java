package io.certgate.ejb.access;

import io.certgate.ejb.common.ListOrder;
import io.certgate.ejb.common.SortColumn;

/**
 * The columns an audit search may be ordered by ({@link ListOrder}): at, actor, action, each the record's field of
 * that name; the record's id, unique and growing, breaks every tie, so records of the same millisecond (or actor, or
 * action) keep one order from page to page.
 */
public enum AuditColumn implements SortColumn {
    AT, ACTOR, ACTION;

    /** The unique key that breaks ties. */
    static final String UNIQUE = "a.id";

    /** Newest first: the default. */
    public static final ListOrder<AuditColumn> NEWEST = new ListOrder<>(AT, true);

    @Override
    public String path() {
        return "a." + key();
    }

    /** {@code -at}, {@code actor}, {@code action}; null or blank is null. */
    public static ListOrder<AuditColumn> parse(String text) {
        return ListOrder.parse(AuditColumn.class, text);
    }
}
