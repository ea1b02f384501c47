package io.certgate.ejb.access;

import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.PageRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * What an operator looks for in an organization's audit trail: every criterion is optional and they all hold at
 * once. {@code actor} and {@code action} are case-insensitive substrings ("admin:" finds every operator, "revoke"
 * every revocation); {@code from} is inclusive and {@code to} exclusive; newest first, one page.
 */
public record AuditQuery(String actor, String action, Instant from, Instant to, PageRequest page) {

    /** The actor column's length: a longer substring cannot match. */
    public static final int MAX_ACTOR = 128;
    /** The action column's length. */
    public static final int MAX_ACTION = 64;

    public AuditQuery {
        actor = blankToNull(actor);
        action = blankToNull(action);
        Objects.requireNonNull(page, "page");
        if (actor != null && actor.length() > MAX_ACTOR) {
            throw new InvalidArgumentException("actor must be at most " + MAX_ACTOR + " characters");
        }
        if (action != null && action.length() > MAX_ACTION) {
            throw new InvalidArgumentException("action must be at most " + MAX_ACTION + " characters");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidArgumentException("the start of the period must be before its end");
        }
    }

    /** Everything, newest first, one page. */
    public static AuditQuery all(PageRequest page) {
        return new AuditQuery(null, null, null, null, page);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
