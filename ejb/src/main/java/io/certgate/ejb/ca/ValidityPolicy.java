package io.certgate.ejb.ca;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one validity rule of every certificate this CA signs: the requested length (days, years or an end date;
 * {@link ValidityRequest} refuses more days than the maximum that applies) from now, clamped to the signing
 * CA's own end (never an error), starting one minute early.
 */
public final class ValidityPolicy {

    /** Certificates start a minute early so that devices with a slightly slow clock accept them at once. */
    public static final Duration BACKDATE = Duration.ofMinutes(1);

    private ValidityPolicy() {
    }

    public static ValidityPeriod resolve(ValidityRequest request, Instant caNotAfter, Instant now) {
        Instant start = now.truncatedTo(ChronoUnit.SECONDS);
        Instant end;
        if (request.until() != null) {
            end = request.until();
        } else {
            end = start.atZone(ZoneOffset.UTC).plus(request.length()).toInstant();
        }
        if (!end.isAfter(start)) {
            throw new InvalidValidityException("the end of the validity must be in the future");
        }
        if (end.isAfter(caNotAfter)) {
            end = caNotAfter;
        }
        if (!end.isAfter(start)) {
            throw new IllegalStateException("the issuing CA has expired");
        }
        return new ValidityPeriod(start.minus(BACKDATE), end);
    }
}
