package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.ca.CertificateStatus;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.ejb.common.InvalidArgumentException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The operators' certificate search rules: status as {@link IssuedCertificate#statusAt} decides it (expired is past
 * notAfter and not revoked, at the query's instant), expiring within N days (not revoked, notAfter from now to now
 * + N days, both ends included), subject substrings (case-insensitive, wildcards literal), serials, devices, one
 * organization only; the JPQL holds named parameters only; the query's limits.
 */
class CertificateFilterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration MS = Duration.ofMillis(1);

    private static IssuedCertificate cert(String org, Long deviceId, String serial, String subject, Instant notAfter,
                                          boolean revoked) {
        IssuedCertificate c = new IssuedCertificate(org, deviceId, IssueAuthority.RSA, serial, subject, "CN=root",
                "00", "pem", notAfter.minus(Duration.ofDays(400)), notAfter.minus(Duration.ofDays(400)), notAfter, null);
        if (revoked) {
            c.revoke(RevocationReason.KEY_COMPROMISE, NOW.minus(Duration.ofDays(1)));
        }
        return c;
    }

    /** Certificates around every boundary: notAfter just past, at, just before now, in 1, 30, 31 days, revoked or not. */
    private static List<IssuedCertificate> around() {
        List<IssuedCertificate> all = new ArrayList<>();
        Instant[] ends = {NOW.minus(Duration.ofDays(10)), NOW.minus(MS), NOW, NOW.plus(MS), NOW.plus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30)).plus(MS), NOW.plus(Duration.ofDays(400))};
        int serial = 1;
        for (Instant end : ends) {
            for (boolean revoked : new boolean[] {false, true}) {
                all.add(cert("acme", 7L, Integer.toHexString(serial++), "CN=d" + serial, end, revoked));
            }
        }
        return all;
    }

    private static CertificateQuery query(CertificateStatus status, Integer days) {
        return new CertificateQuery(null, status, null, null, days, 0, 100);
    }

    @ParameterizedTest
    @EnumSource(CertificateStatus.class)
    void aStatusFilterAgreesWithTheCertificatesOwnStatusAtTheQueryInstant(CertificateStatus status) {
        CertificateFilter f = new CertificateFilter("acme", query(status, null), NOW);
        int admitted = 0;
        for (IssuedCertificate c : around()) {
            assertEquals(c.statusAt(NOW) == status, f.admits(c), status + " vs notAfter " + c.getNotAfter()
                    + (c.isRevoked() ? " revoked" : ""));
            admitted += f.admits(c) ? 1 : 0;
        }
        assertEquals(status == CertificateStatus.REVOKED ? 8 : status == CertificateStatus.EXPIRED ? 2 : 6, admitted);
    }

    @Test
    void aCertificateIsValidUpToAndIncludingItsNotAfterAndExpiredRightAfter() {
        CertificateFilter valid = new CertificateFilter("acme", query(CertificateStatus.VALID, null), NOW);
        CertificateFilter expired = new CertificateFilter("acme", query(CertificateStatus.EXPIRED, null), NOW);
        assertTrue(valid.admits(cert("acme", null, "1", "CN=a", NOW, false)));
        assertFalse(expired.admits(cert("acme", null, "1", "CN=a", NOW, false)));
        assertTrue(expired.admits(cert("acme", null, "1", "CN=a", NOW.minus(MS), false)));
        assertFalse(expired.admits(cert("acme", null, "1", "CN=a", NOW.minus(Duration.ofDays(3)), true)),
                "revoked wins over expired");
        Map<String, Object> p = expired.parameters();
        assertEquals(NOW, p.get("notAfterBefore"));
        assertEquals(Boolean.FALSE, p.get("revoked"));
        assertTrue(expired.where().contains("c.notAfter < :notAfterBefore"), expired.where());
        assertTrue(valid.where().contains("c.notAfter >= :notAfterFrom"), valid.where());
    }

    @Test
    void expiringWithinNDaysIsNotRevokedAndEndsFromNowToNowPlusNDaysInclusive() {
        CertificateFilter f = new CertificateFilter("acme", query(null, 30), NOW);
        List<Instant> admitted = new ArrayList<>();
        for (IssuedCertificate c : around()) {
            if (f.admits(c)) {
                assertFalse(c.isRevoked());
                admitted.add(c.getNotAfter());
            }
        }
        assertEquals(List.of(NOW, NOW.plus(MS), NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))), admitted);
        assertEquals(NOW.plus(Duration.ofDays(30)), f.parameters().get("notAfterUntil"));
        assertEquals(" ORDER BY c.notAfter ASC, c.certSn ASC", f.orderBy(), "soonest first");
        // with status=valid it is the same list; 0 days is what ends now
        CertificateFilter alsoValid = new CertificateFilter("acme", query(CertificateStatus.VALID, 30), NOW);
        CertificateFilter zero = new CertificateFilter("acme", query(null, 0), NOW);
        for (IssuedCertificate c : around()) {
            assertEquals(f.admits(c), alsoValid.admits(c));
            assertEquals(!c.isRevoked() && c.getNotAfter().equals(NOW), zero.admits(c));
        }
    }

    @Test
    void otherwiseTheNewestComeFirst() {
        assertEquals(" ORDER BY c.signedAt DESC, c.certSn DESC", new CertificateFilter("acme", query(null, null), NOW)
                .orderBy());
    }

    @Test
    void expiringTogetherWithRevokedOrExpiredIsRefusedRatherThanAnsweredEmpty() {
        assertThrows(InvalidArgumentException.class, () -> query(CertificateStatus.REVOKED, 30));
        assertThrows(InvalidArgumentException.class, () -> query(CertificateStatus.EXPIRED, 30));
    }

    @Test
    void oneOrganizationOnly() {
        CertificateFilter f = new CertificateFilter("acme", query(null, null), NOW);
        assertTrue(f.admits(cert("acme", null, "1", "CN=a", NOW, false)));
        assertFalse(f.admits(cert("globex", null, "1", "CN=a", NOW, false)));
        assertEquals("acme", f.parameters().get("orgId"));
        assertTrue(f.where().startsWith(" WHERE c.orgId = :orgId"), f.where());
    }

    @Test
    void deviceSerialAndSubject() {
        CertificateFilter f = new CertificateFilter("acme", new CertificateQuery(7L, null,
                new BigInteger("00AB01", 16), "MeTeR", null, 0, 10), NOW);
        assertTrue(f.admits(cert("acme", 7L, "ab01", "C=CN,O=it,CN=meter-001", NOW, false)));
        assertFalse(f.admits(cert("acme", 8L, "ab01", "C=CN,O=it,CN=meter-001", NOW, false)), "another device");
        assertFalse(f.admits(cert("acme", null, "ab01", "C=CN,O=it,CN=meter-001", NOW, false)), "no device");
        assertFalse(f.admits(cert("acme", 7L, "ab02", "C=CN,O=it,CN=meter-001", NOW, false)), "another serial");
        assertFalse(f.admits(cert("acme", 7L, "ab01", "C=CN,O=it,CN=gateway", NOW, false)), "another subject");
        assertEquals("ab01", f.parameters().get("serial"), "lower-case hex without leading zeros, as the ledger keeps it");
        assertEquals("%meter%", f.parameters().get("subject"));
        assertEquals(7L, f.parameters().get("deviceId"));
    }

    @Test
    void likeWildcardsInTheSubjectAreLiteral() {
        assertEquals("%100!%!_a!!b\\c%", CertificateFilter.likePattern("100%_A!b\\c"));
        CertificateFilter f = new CertificateFilter("acme", new CertificateQuery(null, null, null, "%", null, 0, 10), NOW);
        assertTrue(f.where().contains("LIKE :subject ESCAPE '!'"), f.where());
        assertFalse(f.admits(cert("acme", null, "1", "CN=a", NOW, false)), "% is a percent sign, not everything");
        assertTrue(f.admits(cert("acme", null, "1", "CN=100% sure", NOW, false)));
    }

    @Test
    void theJpqlHoldsNamedParametersOnlyAndEveryOneIsBound() {
        String hostile = "x' OR '1'='1";
        CertificateFilter f = new CertificateFilter("o'; DROP TABLE CG_CERTIFICATE; --", new CertificateQuery(3L,
                CertificateStatus.VALID, BigInteger.TEN, hostile, 5, 20, 50), NOW);
        for (String jpql : List.of(f.selectJpql(), f.countJpql())) {
            assertFalse(jpql.contains("1'='1") || jpql.contains("DROP"), jpql);
            Matcher m = Pattern.compile(":(\\w+)").matcher(jpql);
            List<String> used = new ArrayList<>();
            while (m.find()) {
                used.add(m.group(1));
            }
            assertEquals(f.parameters().keySet(), new java.util.LinkedHashSet<>(used), jpql);
            // the only literal is the escape character
            assertEquals(2, jpql.chars().filter(ch -> ch == '\'').count(), jpql);
        }
        assertTrue(f.countJpql().startsWith("SELECT COUNT(c) FROM IssuedCertificate c WHERE "));
        assertFalse(f.countJpql().contains("ORDER BY"));
    }

    @Test
    void theQuerysLimits() {
        assertThrows(InvalidArgumentException.class, () -> new CertificateQuery(null, null, null, null, null, -1, 10));
        assertThrows(InvalidArgumentException.class, () -> new CertificateQuery(null, null, null, null, null, 0, 0));
        assertThrows(InvalidArgumentException.class, () -> new CertificateQuery(null, null, null, null, null, 0,
                CertificateQuery.MAX_LIMIT + 1));
        assertEquals(CertificateQuery.MAX_LIMIT, new CertificateQuery(null, null, null, null, null, 0,
                CertificateQuery.MAX_LIMIT).limit());
        assertThrows(InvalidArgumentException.class, () -> CertificateQuery.expiring(-1, 0, 10));
        assertThrows(InvalidArgumentException.class, () -> CertificateQuery.expiring(CertificateQuery.MAX_DAYS + 1, 0, 10));
        assertThrows(InvalidArgumentException.class, () -> new CertificateQuery(null, null, BigInteger.ZERO, null, null,
                0, 10));
        assertThrows(InvalidArgumentException.class, () -> new CertificateQuery(null, null, null, "x".repeat(1025), null,
                0, 10));
        assertEquals(null, new CertificateQuery(null, null, null, "  ", null, 0, 10).subject(), "blank is no filter");
        assertEquals("CN=a", new CertificateQuery(null, null, null, " CN=a ", null, 0, 10).subject());
    }
}
