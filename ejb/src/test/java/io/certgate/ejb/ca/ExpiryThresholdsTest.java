package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Which expiry warning is due: the narrowest threshold reached, once, nothing for the expired or the far-off. */
class ExpiryThresholdsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final ExpiryThresholds THIRTY_SEVEN_ONE = ExpiryThresholds.parse("30, 7,1");

    private static Instant in(Duration d) {
        return NOW.plus(d);
    }

    @Test
    void oneThresholdByDefault() {
        ExpiryThresholds t = ExpiryThresholds.parse(ExpiryThresholds.DEFAULT);
        assertEquals(List.of(30), t.days());
        assertEquals(OptionalInt.of(30), t.due(in(Duration.ofDays(29)), NOW, null));
        assertEquals(OptionalInt.of(30), t.due(in(Duration.ofDays(30)), NOW, null), "30 days is within 30 days");
        assertEquals(OptionalInt.empty(), t.due(in(Duration.ofDays(30).plusSeconds(1)), NOW, null));
        assertEquals(OptionalInt.empty(), t.due(in(Duration.ofDays(1)), NOW, 30), "warned once");
    }

    @Test
    void theNarrowestThresholdReachedIsTheOneDue() {
        assertEquals(OptionalInt.of(30), THIRTY_SEVEN_ONE.due(in(Duration.ofDays(20)), NOW, null));
        assertEquals(OptionalInt.of(7), THIRTY_SEVEN_ONE.due(in(Duration.ofDays(5)), NOW, null),
                "first seen 5 days ahead: one warning at 7, none for 30");
        assertEquals(OptionalInt.of(1), THIRTY_SEVEN_ONE.due(in(Duration.ofHours(23)), NOW, null));
        assertEquals(OptionalInt.of(1), THIRTY_SEVEN_ONE.due(NOW, NOW, null), "ending this very instant: still valid");
    }

    @Test
    void aThresholdWarnedBeforeIsNotDueAgainButANarrowerOneIs() {
        assertEquals(OptionalInt.empty(), THIRTY_SEVEN_ONE.due(in(Duration.ofDays(20)), NOW, 30));
        assertEquals(OptionalInt.of(7), THIRTY_SEVEN_ONE.due(in(Duration.ofDays(6)), NOW, 30));
        assertEquals(OptionalInt.empty(), THIRTY_SEVEN_ONE.due(in(Duration.ofDays(6)), NOW, 7));
        assertEquals(OptionalInt.empty(), THIRTY_SEVEN_ONE.due(in(Duration.ofDays(20)), NOW, 7), "moot after a narrower one");
        assertEquals(OptionalInt.of(1), THIRTY_SEVEN_ONE.due(in(Duration.ofHours(2)), NOW, 7));
        assertEquals(OptionalInt.empty(), THIRTY_SEVEN_ONE.due(in(Duration.ofHours(2)), NOW, 1));
    }

    @Test
    void anExpiredCertificateIsNoLongerAboutToExpire() {
        assertEquals(OptionalInt.empty(), THIRTY_SEVEN_ONE.due(NOW.minusMillis(1), NOW, null));
    }

    @Test
    void theWindowIsTheWidestThreshold() {
        assertEquals(30, THIRTY_SEVEN_ONE.widest());
        assertEquals(1, THIRTY_SEVEN_ONE.narrowest());
        assertEquals(NOW.plus(Duration.ofDays(30)), THIRTY_SEVEN_ONE.horizon(NOW));
        assertEquals(List.of(1, 7, 30), THIRTY_SEVEN_ONE.days(), "sorted, whatever order they were written in");
        assertEquals(List.of(7), ExpiryThresholds.parse("7,7").days());
    }

    @Test
    void badThresholdsAreRefusedWithTheirName() {
        for (String bad : new String[] {null, "", " ", "thirty", "30,", "0", "-1", "3651", "1.5"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExpiryThresholds.parse(bad),
                    String.valueOf(bad));
            assertEquals(true, e.getMessage().contains("certgate.expiry.warning.days"), e.getMessage());
        }
    }

    @Test
    void theIntervalIsAnIsoDurationOfAtLeastOneSecond() {
        assertEquals(Duration.ofHours(1), ExpirySettings.of("30", null).interval());
        assertEquals(Duration.ofHours(1), ExpirySettings.of("30", " ").interval());
        assertEquals(Duration.ofSeconds(2), ExpirySettings.of("30", "PT2S").interval());
        assertEquals(Duration.ofMinutes(90), ExpirySettings.of("30", "PT1H30M").interval());
        for (String bad : new String[] {"3600", "1h", "PT0S", "PT0.5S", "-PT1H"}) {
            assertThrows(IllegalArgumentException.class, () -> ExpirySettings.of("30", bad), bad);
        }
    }
}
