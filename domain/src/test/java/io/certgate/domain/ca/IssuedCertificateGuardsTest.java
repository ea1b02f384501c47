package io.certgate.domain.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The ledger record's own guards: no revoking twice, no renewing a revoked or expired original, one expiry
 * warning per threshold.
 */
class IssuedCertificateGuardsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static IssuedCertificate cert(Instant notAfter) {
        return new IssuedCertificate("acme", 7L, IssueAuthority.RSA, "0a", "CN=x", "CN=root", "ab", "pem", NOW,
                NOW.minusSeconds(60), notAfter, null);
    }

    @Test
    void revokesOnceOnly() {
        IssuedCertificate c = cert(NOW.plus(Duration.ofDays(30)));
        c.revoke(RevocationReason.KEY_COMPROMISE, NOW);
        assertTrue(c.isRevoked());
        assertEquals(RevocationReason.KEY_COMPROMISE, c.getRevocationReason());
        assertThrows(CertificateAlreadyRevokedException.class, () -> c.revoke(RevocationReason.SUPERSEDED, NOW));
        assertEquals(RevocationReason.KEY_COMPROMISE, c.getRevocationReason(), "the first revocation stands");
    }

    @Test
    void aValidCertificateIsRenewable() {
        cert(NOW.plus(Duration.ofDays(1))).requireRenewableAt(NOW);
    }

    @Test
    void aRevokedCertificateIsNotRenewable() {
        IssuedCertificate c = cert(NOW.plus(Duration.ofDays(30)));
        c.revoke(RevocationReason.UNSPECIFIED, NOW);
        assertEquals(CertificateStatus.REVOKED,
                assertThrows(CertificateNotRenewableException.class, () -> c.requireRenewableAt(NOW)).status());
    }

    @Test
    void anExpiredCertificateIsNotRenewable() {
        IssuedCertificate c = cert(NOW.minusSeconds(1));
        assertEquals(CertificateStatus.EXPIRED,
                assertThrows(CertificateNotRenewableException.class, () -> c.requireRenewableAt(NOW)).status());
    }

    @Test
    void boundOnlyToItsDevice() {
        IssuedCertificate c = cert(NOW.plus(Duration.ofDays(1)));
        assertTrue(c.isBoundTo(7L));
        assertTrue(!c.isBoundTo(8L));
    }

    @Test
    void oneExpiryWarningPerThresholdNarrowingOnly() {
        IssuedCertificate c = cert(NOW.plus(Duration.ofDays(20)));
        assertNull(c.getExpiryWarnedDays());
        assertTrue(c.noteExpiryWarning(30));
        assertFalse(c.noteExpiryWarning(30), "the same threshold once");
        assertFalse(c.noteExpiryWarning(60), "a wider one after a narrower one is moot");
        assertEquals(30, c.getExpiryWarnedDays());
        assertTrue(c.noteExpiryWarning(7));
        assertFalse(c.noteExpiryWarning(7));
        assertFalse(c.noteExpiryWarning(30));
        assertEquals(7, c.getExpiryWarnedDays());
    }

    @Test
    void aRevokedCertificateGetsNoExpiryWarning() {
        IssuedCertificate c = cert(NOW.plus(Duration.ofDays(20)));
        c.revoke(RevocationReason.SUPERSEDED, NOW);
        assertFalse(c.noteExpiryWarning(30));
        assertNull(c.getExpiryWarnedDays());
    }
}
