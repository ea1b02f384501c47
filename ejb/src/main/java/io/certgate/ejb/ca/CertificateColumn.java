package io.certgate.ejb.ca;

import io.certgate.ejb.common.ListOrder;
import io.certgate.ejb.common.SortColumn;

/**
 * The columns a certificate search may be ordered by ({@link ListOrder}): issued, notAfter, subject, certSn; certSn,
 * unique, breaks every tie, so certificates signed in the same second (or of one subject) keep one order from page
 * to page.
 */
public enum CertificateColumn implements SortColumn {
    ISSUED, NOT_AFTER, SUBJECT, CERT_SN;

    /** The unique key that breaks ties. */
    static final String UNIQUE = "c.certSn";

    /** Newest first: the default of a search. */
    public static final ListOrder<CertificateColumn> NEWEST = new ListOrder<>(ISSUED, true);
    /** Soonest end first: the default when listing what expires. */
    public static final ListOrder<CertificateColumn> SOONEST_END = new ListOrder<>(NOT_AFTER, false);

    @Override
    public String path() {
        return switch (this) {
            case ISSUED -> "c.signedAt";
            case NOT_AFTER -> "c.notAfter";
            case SUBJECT -> "c.subjectDn";
            case CERT_SN -> UNIQUE;
        };
    }

    /** {@code -issued}, {@code notAfter}, {@code subject}, {@code certSn}; null or blank is null. */
    public static ListOrder<CertificateColumn> parse(String text) {
        return ListOrder.parse(CertificateColumn.class, text);
    }

    /** A search's order when it names none: soonest end first when it lists what expires, otherwise newest first. */
    public static ListOrder<CertificateColumn> defaultFor(Integer expiringWithinDays) {
        return expiringWithinDays != null ? SOONEST_END : NEWEST;
    }
}
