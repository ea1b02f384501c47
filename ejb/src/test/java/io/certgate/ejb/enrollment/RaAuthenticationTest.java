package io.certgate.ejb.enrollment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.access.RaAccount;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An RA account's client certificate lets it in only while the ledger has it valid, in the account's organization. */
class RaAuthenticationTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final RaAccount ACCOUNT = new RaAccount("acme", "ra-1", false, false, false, "f", 5L, NOW);

    private static IssuedCertificate cert(String orgId, Instant notAfter) {
        return new IssuedCertificate(orgId, null, IssueAuthority.RSA, "0a", "CN=ra-1", "CN=root", "ab", "pem",
                NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(1)), notAfter, null);
    }

    @Test
    void aValidCertificateOfTheAccountsOrganizationPasses() {
        assertTrue(RaAuthentication.accepts(ACCOUNT, cert("acme", NOW.plus(Duration.ofDays(30))), NOW));
    }

    @Test
    void aRevokedCertificateIsRefused() {
        IssuedCertificate c = cert("acme", NOW.plus(Duration.ofDays(30)));
        c.revoke(RevocationReason.KEY_COMPROMISE, NOW.minusSeconds(1));
        assertFalse(RaAuthentication.accepts(ACCOUNT, c, NOW));
    }

    @Test
    void anExpiredCertificateIsRefused() {
        assertFalse(RaAuthentication.accepts(ACCOUNT, cert("acme", NOW.minusSeconds(1)), NOW));
    }

    @Test
    void aCertificateTheLedgerDoesNotHaveIsRefused() {
        assertFalse(RaAuthentication.accepts(ACCOUNT, null, NOW));
    }

    @Test
    void anotherOrganizationsCertificateIsRefused() {
        assertFalse(RaAuthentication.accepts(ACCOUNT, cert("globex", NOW.plus(Duration.ofDays(30))), NOW));
    }
}
