package io.certgate.ejb.access;

import io.certgate.ejb.common.LikePatterns;

import io.certgate.domain.access.AuditRecord;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link AuditQuery} of one organization as JPQL with named parameters only (no value of the query is ever part
 * of the JPQL text); {@link #admits} states the same conditions in Java, for the rules' tests.
 */
final class AuditFilter {

    /** The LIKE escape character (as the certificate search uses: a backslash differs between Derby and PostgreSQL). */
    static final char ESCAPE = LikePatterns.ESCAPE;

    private final String orgId;
    private final AuditQuery query;

    AuditFilter(String orgId, AuditQuery query) {
        this.orgId = orgId;
        this.query = query;
    }

    String selectJpql() {
        return "SELECT a FROM AuditRecord a" + where() + orderBy();
    }

    /** The query's order, the record's id breaking ties. */
    String orderBy() {
        return query.order().jpql(AuditColumn.UNIQUE);
    }

    String countJpql() {
        return "SELECT COUNT(a) FROM AuditRecord a" + where();
    }

    String where() {
        StringBuilder w = new StringBuilder(" WHERE a.orgId = :orgId");
        if (query.actor() != null) {
            w.append(" AND LOWER(a.actor) LIKE :actor ESCAPE '").append(ESCAPE).append('\'');
        }
        if (query.action() != null) {
            w.append(" AND LOWER(a.action) LIKE :action ESCAPE '").append(ESCAPE).append('\'');
        }
        if (query.from() != null) {
            w.append(" AND a.at >= :from");
        }
        if (query.to() != null) {
            w.append(" AND a.at < :to");
        }
        return w.toString();
    }

    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("orgId", orgId);
        if (query.actor() != null) {
            p.put("actor", likePattern(query.actor()));
        }
        if (query.action() != null) {
            p.put("action", likePattern(query.action()));
        }
        if (query.from() != null) {
            p.put("from", query.from());
        }
        if (query.to() != null) {
            p.put("to", query.to());
        }
        return p;
    }

    /** The same conditions as {@link #where}, on one record. */
    boolean admits(AuditRecord r) {
        return r.getOrgId().equals(orgId)
                && contains(r.getActor(), query.actor())
                && contains(r.getAction(), query.action())
                && (query.from() == null || !r.getAt().isBefore(query.from()))
                && (query.to() == null || r.getAt().isBefore(query.to()));
    }

    /** {@code %substring%}, lower case, wildcards escaped ({@link LikePatterns}). */
    static String likePattern(String substring) {
        return LikePatterns.containing(substring);
    }

    private static boolean contains(String value, String substring) {
        return substring == null || value.toLowerCase(Locale.ROOT).contains(substring.toLowerCase(Locale.ROOT));
    }
}
