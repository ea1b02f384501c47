package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one validity rule: days (EnOS), years and end dates (CertManager), the maximum, the CA's end, the backdate. */
class ValidityPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant ROOT_END = NOW.plus(Duration.ofDays(3650));

    private static ValidityPeriod days(int days, int max, Instant rootEnd) {
        return ValidityPolicy.resolve(ValidityRequest.days(days, max), rootEnd, NOW);
    }

    @Test
    void daysFromNow() {
        assertEquals(NOW.plus(Duration.ofDays(250)), days(250, 1095, ROOT_END).notAfter());
    }

    @Test
    void valueEqualToTheMaximumIsAllowed() {
        assertEquals(NOW.plus(Duration.ofDays(1095)), days(1095, 1095, ROOT_END).notAfter());
    }

    @Test
    void valueAboveTheMaximumIsAnError() {
        ValidityExceedsMaximumException e = assertThrows(ValidityExceedsMaximumException.class,
                () -> ValidityRequest.days(1096, 1095));
        assertEquals(1095, e.maximumDays());
        assertThrows(ValidityExceedsMaximumException.class, () -> ValidityRequest.days(Integer.MAX_VALUE, 1095));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -730, Integer.MIN_VALUE})
    void nonPositiveValuesAreInvalid(int days) {
        assertThrows(InvalidValidityException.class, () -> ValidityRequest.days(days, 1095));
        assertThrows(InvalidValidityException.class, () -> ValidityRequest.years(days));
    }

    @Test
    void yearsAreCalendarYears() {
        assertEquals(NOW.atZone(ZoneOffset.UTC).plusYears(2).toInstant(),
                ValidityPolicy.resolve(ValidityRequest.years(2), ROOT_END, NOW).notAfter());
    }

    @Test
    void anEndDateIsTakenAsItIs() {
        Instant end = NOW.plus(Duration.ofDays(40));
        assertEquals(end, ValidityPolicy.resolve(ValidityRequest.until(end), ROOT_END, NOW).notAfter());
        assertThrows(InvalidValidityException.class,
                () -> ValidityPolicy.resolve(ValidityRequest.until(NOW.minusSeconds(1)), ROOT_END, NOW));
    }

    @Test
    void longerThanTheRootIsClampedNotRefused() {
        Instant rootEnd = NOW.plus(Duration.ofDays(100));
        assertEquals(rootEnd, days(730, 1095, rootEnd).notAfter());
        assertEquals(rootEnd, ValidityPolicy.resolve(ValidityRequest.years(3), rootEnd, NOW).notAfter());
        assertEquals(rootEnd, ValidityPolicy.resolve(ValidityRequest.until(NOW.plus(Duration.ofDays(300))), rootEnd,
                NOW).notAfter());
    }

    @Test
    void startsOneBackdateBeforeNowForEveryForm() {
        assertEquals(NOW.minus(ValidityPolicy.BACKDATE), days(10, 1095, ROOT_END).notBefore());
        assertEquals(NOW.minus(ValidityPolicy.BACKDATE),
                ValidityPolicy.resolve(ValidityRequest.years(1), ROOT_END, NOW).notBefore());
    }

    @Test
    void expiredRootIsAnInternalFailure() {
        assertThrows(IllegalStateException.class, () -> days(10, 1095, NOW.minusSeconds(5)));
    }
}
