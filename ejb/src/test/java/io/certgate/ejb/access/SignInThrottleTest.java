package io.certgate.ejb.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Failed operator sign-ins per name and per address within a window; refused until the window forgets enough. */
class SignInThrottleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final SignInThrottle T = new SignInThrottle(3, 5, Duration.ofMinutes(15));

    /** {@code n} failures, one a minute, the newest {@code ageOfNewest} before NOW. */
    private static List<Instant> failures(int n, Duration ageOfNewest) {
        List<Instant> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(NOW.minus(ageOfNewest).minus(Duration.ofMinutes(i)));
        }
        Collections.shuffle(l);
        return l;
    }

    @Test
    void belowTheLimitsNothingIsRefused() {
        assertEquals(Optional.empty(), T.refusal(failures(2, Duration.ofSeconds(5)), failures(4, Duration.ofSeconds(5)),
                NOW));
        assertEquals(Optional.empty(), T.refusal(List.of(), List.of(), NOW));
    }

    @Test
    void aNameAtItsLimitIsRefusedUntilItsOldestCountingFailureLeavesTheWindow() {
        // failures at -1, -2, -3 minutes: refused until the one at -3 min is 15 min old, 12 minutes from now
        SignInThrottle.Refusal r = T.refusal(failures(3, Duration.ofMinutes(1)), List.of(), NOW).orElseThrow();
        assertEquals(SignInThrottle.Scope.USER, r.scope());
        assertEquals(NOW.plus(Duration.ofMinutes(12)), r.until());
        assertEquals(3, r.failures());
        assertEquals(720, r.retryAfterSeconds(NOW));
        // four failures: the count stays at the limit until the second oldest leaves
        SignInThrottle.Refusal four = T.refusal(failures(4, Duration.ofMinutes(1)), List.of(), NOW).orElseThrow();
        assertEquals(NOW.plus(Duration.ofMinutes(12)), four.until());
    }

    @Test
    void anAddressAtItsLimitIsRefusedWhateverTheName() {
        SignInThrottle.Refusal r = T.refusal(List.of(), failures(5, Duration.ofSeconds(30)), NOW).orElseThrow();
        assertEquals(SignInThrottle.Scope.ADDRESS, r.scope());
        assertEquals("address", r.scope().label());
        assertTrue(r.until().isAfter(NOW));
    }

    @Test
    void theUsersLimitIsSaidFirstWhenBothAreReached() {
        assertEquals(SignInThrottle.Scope.USER, T.refusal(failures(3, Duration.ZERO), failures(5, Duration.ZERO), NOW)
                .orElseThrow().scope());
    }

    @Test
    void failuresOlderThanTheWindowAndFromTheFutureDoNotCount() {
        List<Instant> old = failures(10, Duration.ofMinutes(16));
        assertEquals(Optional.empty(), T.refusal(old, old, NOW));
        List<Instant> exactlyAtTheEdge = List.of(NOW.minus(Duration.ofMinutes(15)), NOW.minusSeconds(1),
                NOW.minusSeconds(2));
        assertEquals(Optional.empty(), T.refusal(exactlyAtTheEdge, List.of(), NOW), "the edge itself is outside");
        List<Instant> future = List.of(NOW.plusSeconds(5), NOW.plusSeconds(6), NOW.plusSeconds(7));
        assertEquals(Optional.empty(), T.refusal(future, List.of(), NOW));
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        SignInThrottle.Refusal r = new SignInThrottle.Refusal(SignInThrottle.Scope.USER, NOW.plusMillis(10), 3);
        assertEquals(1, r.retryAfterSeconds(NOW));
        assertEquals(1, r.retryAfterSeconds(NOW.plusSeconds(60)));
        assertEquals(2, new SignInThrottle.Refusal(SignInThrottle.Scope.USER, NOW.plusMillis(1001), 3)
                .retryAfterSeconds(NOW));
    }

    @Test
    void theFailureThatReachesALimitIsNamedOnce() {
        assertEquals(Optional.empty(), T.reached(2, 4));
        assertEquals(Optional.of(SignInThrottle.Scope.USER), T.reached(3, 1));
        assertEquals(Optional.of(SignInThrottle.Scope.ADDRESS), T.reached(1, 5));
        assertEquals(Optional.empty(), T.reached(4, 6), "past the limits: already recorded");
    }

    @Test
    void configuredLimitsDefaultAndAreChecked() {
        assertEquals(SignInThrottle.DEFAULT, SignInThrottle.configured(Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertEquals(new SignInThrottle(5, 100, Duration.ofMinutes(15)), SignInThrottle.configured(Optional.of(5),
                Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new SignInThrottle(0, 1, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new SignInThrottle(1, 1, Duration.ZERO));
    }
}
