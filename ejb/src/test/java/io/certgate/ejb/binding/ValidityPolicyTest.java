package io.certgate.ejb.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.certgate.ejb.common.InvalidArgumentException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidityPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant ROOT_END = NOW.plus(Duration.ofDays(3650));

    @Test
    void absentValidDayUsesTheProductDefault() {
        ValidityPeriod p = ValidityPolicy.resolve(null, 730, 1095, ROOT_END, NOW);
        assertEquals(NOW.plus(Duration.ofDays(730)), p.notAfter());
    }

    @Test
    void specifiedValueIsUsed() {
        assertEquals(NOW.plus(Duration.ofDays(250)), ValidityPolicy.resolve(250, 730, 1095, ROOT_END, NOW).notAfter());
    }

    @Test
    void valueEqualToTheMaximumIsAllowed() {
        assertEquals(NOW.plus(Duration.ofDays(1095)), ValidityPolicy.resolve(1095, 730, 1095, ROOT_END, NOW).notAfter());
    }

    @Test
    void valueAboveTheProductMaximumIsAnError() {
        assertThrows(ValidityPeriodExceedsProductMaximumException.class,
                () -> ValidityPolicy.resolve(1096, 730, 1095, ROOT_END, NOW));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -730, Integer.MIN_VALUE})
    void nonPositiveValuesAreInvalid(int days) {
        assertThrows(InvalidArgumentException.class, () -> ValidityPolicy.resolve(days, 730, 1095, ROOT_END, NOW));
    }

    @Test
    void hugeValueIsAboveTheMaximum() {
        assertThrows(ValidityPeriodExceedsProductMaximumException.class,
                () -> ValidityPolicy.resolve(Integer.MAX_VALUE, 730, 1095, ROOT_END, NOW));
    }

    @Test
    void longerThanTheRootIsClampedNotRefused() {
        Instant rootEnd = NOW.plus(Duration.ofDays(100));
        ValidityPeriod p = ValidityPolicy.resolve(730, 730, 1095, rootEnd, NOW);
        assertEquals(rootEnd, p.notAfter());
        ValidityPeriod d = ValidityPolicy.resolve(null, 730, 1095, rootEnd, NOW);
        assertEquals(rootEnd, d.notAfter());
    }

    @Test
    void startsSlightlyBeforeNow() {
        ValidityPeriod p = ValidityPolicy.resolve(10, 730, 1095, ROOT_END, NOW);
        assertEquals(NOW.minus(ValidityPolicy.BACKDATE), p.notBefore());
    }

    @Test
    void expiredRootIsAnInternalFailure() {
        assertThrows(IllegalStateException.class, () -> ValidityPolicy.resolve(10, 730, 1095, NOW.minusSeconds(5), NOW));
    }
}
