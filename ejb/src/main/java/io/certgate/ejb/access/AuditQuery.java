package io.certgate.ejb.access;

import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.ListOrder;
import io.certgate.ejb.common.PageRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * What an operator looks for in an organization's audit trail: every criterion is optional and they all hold at
 * once. {@code actor} and {@code action} are case-insensitive substrings ("admin:" finds every operator, "revoke"
 * every revocation); {@code from} is inclusive and {@code to} exclusive; in the order asked for (newest first when
 * none), one page.
 */
public record AuditQuery(String actor, String action, Instant from, Instant to, PageRequest page,
                         ListOrder<AuditColumn> order) {

    /** The actor column's length: a longer substring cannot match. */
    public static final int MAX_ACTOR = 128;
    /** The action column's length. */
    public static final int MAX_ACTION = 64;
    /** The earliest and latest times a period may name: years 1 to 9999, what every supported database stores. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public AuditQuery {
        actor = blankToNull(actor);
        action = blankToNull(action);
        Objects.requireNonNull(page, "page");
        order = order == null ? AuditColumn.NEWEST : order;
        if (actor != null && actor.length() > MAX_ACTOR) {
            throw new InvalidArgumentException("actor must be at most " + MAX_ACTOR + " characters");
        }
        if (action != null && action.length() > MAX_ACTION) {
            throw new InvalidArgumentException("action must be at most " + MAX_ACTION + " characters");
        }
        inRange("from", from);
        inRange("to", to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidArgumentException("the start of the period must be before its end");
        }
    }

    /** Newest first. */
    public AuditQuery(String actor, String action, Instant from, Instant to, PageRequest page) {
        this(actor, action, from, to, page, null);
    }

    /** Everything, newest first, one page. */
    public static AuditQuery all(PageRequest page) {
        return new AuditQuery(null, null, null, null, page);
    }

    /** The same search, another page. */
    public AuditQuery page(PageRequest other) {
        return new AuditQuery(actor, action, from, to, other, order);
    }

    /** A time beyond what the database stores (a year such as +99999) is the caller's mistake, not a failure. */
    private static void inRange(String name, Instant t) {
        if (t != null && (t.isBefore(EARLIEST) || t.isAfter(LATEST))) {
            throw new InvalidArgumentException(name + " must be between the years 1 and 9999");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
