package io.certgate.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who gets a lease: the first comer, then only its holder until it expires, then anyone again. */
class LeaseTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aFreeLeaseGoesToTheFirstComer() {
        Lease lease = new Lease(Lease.EXPIRY_WARNINGS);
        assertTrue(lease.take("a", T0, HOUR));
        assertEquals("a", lease.getOwner());
        assertEquals(T0.plus(HOUR), lease.getExpiresAt());
    }

    @Test
    void anotherInstanceWaitsUntilItExpires() {
        Lease lease = new Lease(Lease.EXPIRY_WARNINGS);
        lease.take("a", T0, HOUR);
        assertFalse(lease.take("b", T0.plusSeconds(1), HOUR));
        assertFalse(lease.take("b", T0.plus(HOUR).minusMillis(1), HOUR), "held up to the last instant");
        assertEquals("a", lease.getOwner(), "a refused take changes nothing");
        assertEquals(T0.plus(HOUR), lease.getExpiresAt());
        assertTrue(lease.take("b", T0.plus(HOUR), HOUR), "expired at its end: b takes over");
        assertEquals("b", lease.getOwner());
        assertFalse(lease.take("a", T0.plus(HOUR).plusSeconds(1), HOUR), "and a, back late, waits in turn");
    }

    @Test
    void theHolderRenewsEarlyWithoutLosingItsTurn() {
        Lease lease = new Lease(Lease.EXPIRY_WARNINGS);
        lease.take("a", T0, HOUR);
        Instant early = T0.plus(HOUR).minusSeconds(2); // its timer fired a little before the term ended
        assertTrue(lease.take("a", early, HOUR));
        assertEquals(early.plus(HOUR), lease.getExpiresAt());
        assertFalse(lease.take("b", T0.plus(HOUR).plusSeconds(1), HOUR), "renewed: still a's");
    }

    @Test
    void aTermMustBePositive() {
        Lease lease = new Lease(Lease.EXPIRY_WARNINGS);
        assertThrows(IllegalArgumentException.class, () -> lease.take("a", T0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> lease.take("a", T0, Duration.ofSeconds(-1)));
    }
}
