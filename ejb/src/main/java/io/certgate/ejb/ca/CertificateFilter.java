package io.certgate.ejb.ca;

import io.certgate.ejb.common.LikePatterns;

import io.certgate.domain.ca.CertificateStatus;
import io.certgate.domain.ca.IssuedCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link CertificateQuery} of one organization at one instant, as JPQL with named parameters only (no value of
 * the query is ever part of the JPQL text). The status and expiry conditions become three bounds on notAfter and
 * the revoked flag, chosen to agree with {@link IssuedCertificate#statusAt} (valid up to and including notAfter;
 * revoked wins over expired); {@link #admits} states the same conditions in Java, for the rules' tests.
 */
final class CertificateFilter {

    /** The LIKE escape character (a backslash would need escaping differently in JPQL, Derby and PostgreSQL). */
    static final char ESCAPE = LikePatterns.ESCAPE;

    private final String orgId;
    private final CertificateQuery query;
    private final Boolean revoked;
    /** notAfter >= this (inclusive). */
    private final Instant notAfterFrom;
    /** notAfter <= this (inclusive). */
    private final Instant notAfterUntil;
    /** notAfter < this (exclusive). */
    private final Instant notAfterBefore;
    private final String subjectPattern;

    CertificateFilter(String orgId, CertificateQuery query, Instant now) {
        this.orgId = orgId;
        this.query = query;
        Boolean r = null;
        Instant from = null;
        Instant until = null;
        Instant before = null;
        if (query.status() == CertificateStatus.REVOKED) {
            r = Boolean.TRUE;
        } else if (query.status() == CertificateStatus.EXPIRED) {
            r = Boolean.FALSE;
            before = now;
        } else if (query.status() == CertificateStatus.VALID) {
            r = Boolean.FALSE;
            from = now;
        }
        if (query.isExpiring()) { // CertificateQuery allows it only without a status or with VALID
            r = Boolean.FALSE;
            from = now;
            until = now.plus(Duration.ofDays(query.expiringWithinDays()));
        }
        this.revoked = r;
        this.notAfterFrom = from;
        this.notAfterUntil = until;
        this.notAfterBefore = before;
        this.subjectPattern = query.subject() == null ? null : likePattern(query.subject());
    }

    /** {@code %substring%}, lower case, wildcards escaped ({@link LikePatterns}). */
    static String likePattern(String substring) {
        return LikePatterns.containing(substring);
    }

    String selectJpql() {
        return "SELECT c FROM IssuedCertificate c" + where() + orderBy();
    }

    String countJpql() {
        return "SELECT COUNT(c) FROM IssuedCertificate c" + where();
    }

    String where() {
        StringBuilder w = new StringBuilder(" WHERE c.orgId = :orgId");
        if (query.deviceId() != null) {
            w.append(" AND c.deviceId = :deviceId");
        }
        if (query.serial() != null) {
            w.append(" AND c.serialNumber = :serial");
        }
        if (subjectPattern != null) {
            w.append(" AND LOWER(c.subjectDn) LIKE :subject ESCAPE '").append(ESCAPE).append('\'');
        }
        if (revoked != null) {
            w.append(" AND c.revoked = :revoked");
        }
        if (notAfterFrom != null) {
            w.append(" AND c.notAfter >= :notAfterFrom");
        }
        if (notAfterUntil != null) {
            w.append(" AND c.notAfter <= :notAfterUntil");
        }
        if (notAfterBefore != null) {
            w.append(" AND c.notAfter < :notAfterBefore");
        }
        return w.toString();
    }

    /** The query's order (soonest end first when listing what expires, otherwise newest first); certSn breaks ties. */
    String orderBy() {
        return query.order().jpql(CertificateColumn.UNIQUE);
    }

    /** The values of the named parameters {@link #where} uses, by name. */
    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("orgId", orgId);
        if (query.deviceId() != null) {
            p.put("deviceId", query.deviceId());
        }
        if (query.serial() != null) {
            p.put("serial", query.serial().toString(16)); // the ledger keeps lower-case hex without leading zeros
        }
        if (subjectPattern != null) {
            p.put("subject", subjectPattern);
        }
        if (revoked != null) {
            p.put("revoked", revoked);
        }
        if (notAfterFrom != null) {
            p.put("notAfterFrom", notAfterFrom);
        }
        if (notAfterUntil != null) {
            p.put("notAfterUntil", notAfterUntil);
        }
        if (notAfterBefore != null) {
            p.put("notAfterBefore", notAfterBefore);
        }
        return p;
    }

    /** The same conditions as {@link #where}, on one certificate. */
    boolean admits(IssuedCertificate c) {
        return c.getOrgId().equals(orgId)
                && (query.deviceId() == null || query.deviceId().equals(c.getDeviceId()))
                && (query.serial() == null || query.serial().toString(16).equals(c.getSerialNumber()))
                && (query.subject() == null || c.getSubjectDn().toLowerCase(Locale.ROOT)
                        .contains(query.subject().toLowerCase(Locale.ROOT)))
                && (revoked == null || revoked == c.isRevoked())
                && (notAfterFrom == null || !c.getNotAfter().isBefore(notAfterFrom))
                && (notAfterUntil == null || !c.getNotAfter().isAfter(notAfterUntil))
                && (notAfterBefore == null || c.getNotAfter().isBefore(notAfterBefore));
    }
}
