package io.certgate.ejb.ca;

import java.time.Instant;
import java.time.Period;

/**
 * How long a certificate should live, as its caller asked: a number of days (EnOS validDay), of years
 * (CertManager validityPeriod), or until a date (CertManager specificEndDate); a number of days above the maximum
 * that applies (a product's) is refused here, before any other check.
 */
public record ValidityRequest(Period length, Instant until) {

    public static ValidityRequest days(int days, int maximumDays) {
        if (days <= 0) {
            throw new InvalidValidityException("the validity must be a positive number of days");
        }
        if (days > maximumDays) {
            throw new ValidityExceedsMaximumException(days, maximumDays);
        }
        return new ValidityRequest(Period.ofDays(days), null);
    }

    public static ValidityRequest years(int years) {
        if (years <= 0) {
            throw new InvalidValidityException("the validity must be a positive number of years");
        }
        return new ValidityRequest(Period.ofYears(years), null);
    }

    public static ValidityRequest until(Instant end) {
        return new ValidityRequest(null, end);
    }
}
