package io.certgate.ejb.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a list is ordered: by one of its columns, ascending or descending, and always then by the list's unique key
 * in the same direction, so that rows equal in the column keep one order from page to page and paging neither
 * repeats nor skips a row. Written as the column's name, {@code -} first for descending ({@code -issued},
 * {@code actor}). One mechanism for every list: the certificates ({@link io.certgate.ejb.ca.CertificateColumn}),
 * the audit trail, the pending requests.
 */
public record ListOrder<C extends Enum<C> & SortColumn>(C column, boolean descending) {

    public ListOrder {
        if (column == null) {
            throw new InvalidArgumentException("sort needs a column");
        }
    }

    /** {@code -at}, {@code actor}, ... (column names in any letter case) among the columns; null or blank is null. */
    public static <C extends Enum<C> & SortColumn> ListOrder<C> parse(Class<C> columns, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        boolean descending = t.startsWith("-");
        String name = (descending ? t.substring(1) : t).toLowerCase(Locale.ROOT);
        for (C c : columns.getEnumConstants()) {
            if (c.key().toLowerCase(Locale.ROOT).equals(name)) {
                return new ListOrder<>(c, descending);
            }
        }
        throw new InvalidArgumentException("sort must be one of " + Arrays.stream(columns.getEnumConstants())
                .map(SortColumn::key).collect(Collectors.joining(", ")) + ", with - first for descending");
    }

    /** The ORDER BY clause; the unique key (a JPQL path) breaks ties in the same direction. */
    public String jpql(String uniqueKey) {
        String direction = descending ? " DESC" : " ASC";
        return column.path().equals(uniqueKey) ? " ORDER BY " + uniqueKey + direction
                : " ORDER BY " + column.path() + direction + ", " + uniqueKey + direction;
    }

    /** The same column the other way round. */
    public ListOrder<C> reversed() {
        return new ListOrder<>(column, !descending);
    }

    /** As {@link #parse} reads it. */
    @Override
    public String toString() {
        return (descending ? "-" : "") + column.key();
    }
}
