package io.certgate.ejb.binding;

import io.certgate.domain.product.Product;
import io.certgate.ejb.common.InvalidArgumentException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The validDay rules of the EnOS contract: absent means the product's default (730 unless the product says
 * otherwise); larger than the product's maximum is an error; longer than the issuing root's remaining life
 * is clamped to it, never an error.
 */
public final class ValidityPolicy {

    /** Certificates start a minute early so that devices with a slightly slow clock accept them at once. */
    static final Duration BACKDATE = Duration.ofMinutes(1);

    private ValidityPolicy() {
    }

    public static ValidityPeriod resolve(Integer validDay, int productDefault, int productMaximum,
                                         Instant rootNotAfter, Instant now) {
        int days = validDay == null ? productDefault : validDay;
        if (days <= 0) {
            throw new InvalidArgumentException("invalid argument: validDay must be a positive number of days");
        }
        if (days > productMaximum) {
            throw new ValidityPeriodExceedsProductMaximumException();
        }
        Instant start = now.truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = start.plus(Duration.ofDays(days));
        if (notAfter.isAfter(rootNotAfter)) {
            notAfter = rootNotAfter;
        }
        if (!notAfter.isAfter(start)) {
            throw new IllegalStateException("the issuing root has expired");
        }
        return new ValidityPeriod(start.minus(BACKDATE), notAfter);
    }

    public static ValidityPeriod resolve(Integer validDay, Product product, Instant rootNotAfter, Instant now) {
        return resolve(validDay, product.getDefaultValidDay(), product.getMaxValidDay(), rootNotAfter, now);
    }
}
