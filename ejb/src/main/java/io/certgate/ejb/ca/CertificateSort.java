package io.certgate.ejb.ca;

import io.certgate.ejb.common.InvalidArgumentException;
import java.util.Locale;

/**
 * How a certificate search is ordered: by one column, ascending or descending, and always then by certSn in the
 * same direction, so that certificates signed in the same second (or of one subject) keep one order from page to
 * page and paging neither repeats nor skips a row. Written as the column's name, {@code -} first for descending
 * ({@code -issued}, {@code notAfter}, {@code subject}, {@code certSn}).
 */
public record CertificateSort(Column column, boolean descending) {

    /** The columns one may order by, with their JPQL path and their name in a link or the admin API. */
    public enum Column {
        ISSUED("c.signedAt", "issued"),
        NOT_AFTER("c.notAfter", "notAfter"),
        SUBJECT("c.subjectDn", "subject"),
        CERT_SN("c.certSn", "certSn");

        private final String path;
        private final String key;

        Column(String path, String key) {
            this.path = path;
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** Newest first: the default of a search. */
    public static final CertificateSort NEWEST = new CertificateSort(Column.ISSUED, true);
    /** Soonest end first: the default when listing what expires. */
    public static final CertificateSort SOONEST_END = new CertificateSort(Column.NOT_AFTER, false);

    /** A search's order when it names none: soonest end first when it lists what expires, otherwise newest first. */
    public static CertificateSort defaultFor(Integer expiringWithinDays) {
        return expiringWithinDays != null ? SOONEST_END : NEWEST;
    }

    public CertificateSort {
        if (column == null) {
            throw new InvalidArgumentException("sort needs a column");
        }
    }

    /** {@code -issued}, {@code notAfter}, ... (column names in any letter case); null or blank is null. */
    public static CertificateSort parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        boolean descending = t.startsWith("-");
        String name = descending ? t.substring(1) : t;
        for (Column c : Column.values()) {
            if (c.key.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return new CertificateSort(c, descending);
            }
        }
        throw new InvalidArgumentException("sort must be one of issued, notAfter, subject, certSn, with - first for "
                + "descending");
    }

    /** The ORDER BY clause; certSn breaks ties in the same direction. */
    String jpql() {
        String direction = descending ? " DESC" : " ASC";
        return column == Column.CERT_SN ? " ORDER BY c.certSn" + direction
                : " ORDER BY " + column.path + direction + ", c.certSn" + direction;
    }

    /** As {@link #parse} reads it. */
    @Override
    public String toString() {
        return (descending ? "-" : "") + column.key;
    }

    /** The same column the other way round. */
    public CertificateSort reversed() {
        return new CertificateSort(column, !descending);
    }
}
