package io.certgate.domain.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The guards of one-time enrollment secrets and of self-enrollment requests. */
class SelfEnrollmentRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aOneTimeSecretOpensOneEnrollmentOfItsOwnDeviceBeforeItExpires() {
        EnrollmentSecret s = new EnrollmentSecret("org", 7L, "ab".repeat(32), "admin", NOW, NOW.plus(Duration.ofHours(1)));
        assertTrue(s.usableFor(7L, NOW));
        assertFalse(s.usableFor(8L, NOW), "another device");
        assertFalse(s.usableFor(7L, NOW.plus(Duration.ofHours(1))), "expired");
        s.use(NOW);
        assertFalse(s.usableFor(7L, NOW), "spent");
        assertThrows(IllegalStateException.class, () -> s.use(NOW), "never spent twice");
        assertEquals(NOW, s.getUsedAt());
    }

    @Test
    void aRequestIsDecidedOnce() {
        SelfEnrollment r = request();
        assertEquals(SelfEnrollment.Status.PENDING, r.getStatus());
        r.issued(42L, "admin", NOW);
        assertEquals(SelfEnrollment.Status.ISSUED, r.getStatus());
        assertEquals(42L, r.getCertSn());
        assertThrows(IllegalStateException.class, () -> r.reject("admin", NOW));
        assertThrows(IllegalStateException.class, () -> r.issued(43L, "admin", NOW));

        SelfEnrollment rejected = request();
        rejected.reject("approver", NOW);
        assertEquals(SelfEnrollment.Status.REJECTED, rejected.getStatus());
        assertEquals("approver", rejected.getDecidedBy());
        assertThrows(IllegalStateException.class, () -> rejected.issued(1L, "admin", NOW));
    }

    @Test
    void aRetiredRequestFreesItsTransactionWithinTheColumn() {
        SelfEnrollment r = request();
        r.retire();
        assertNotEquals("tx-1", r.getTransactionId());
        assertTrue(r.getTransactionId().startsWith("tx-1#retired-"));

        SelfEnrollment longId = new SelfEnrollment("org", 7L, "scep", "t".repeat(128), "cd".repeat(32), "csr", null, NOW);
        longId.retire();
        assertTrue(longId.getTransactionId().length() <= 128, longId.getTransactionId());
    }

    private static SelfEnrollment request() {
        return new SelfEnrollment("org", 7L, "scep", "tx-1", "cd".repeat(32), "csr", null, NOW);
    }
}
