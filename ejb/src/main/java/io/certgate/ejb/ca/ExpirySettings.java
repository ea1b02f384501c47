package io.certgate.ejb.ca;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.Config;

/**
 * The expiry check's configuration: {@code certgate.expiry.warning.days} (the thresholds, default 30) and
 * {@code certgate.expiry.check.interval} (an ISO-8601 duration, default {@code PT1H}, at least one second): how
 * often the instance that holds the lease looks for certificates to warn about.
 */
public record ExpirySettings(ExpiryThresholds thresholds, Duration interval) {

    public static final String WARNING_DAYS = "certgate.expiry.warning.days";
    public static final String CHECK_INTERVAL = "certgate.expiry.check.interval";
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

    public static ExpirySettings of(Config config) {
        return of(config.getOptionalValue(WARNING_DAYS, String.class).orElse(ExpiryThresholds.DEFAULT),
                config.getOptionalValue(CHECK_INTERVAL, String.class).orElse(null));
    }

    static ExpirySettings of(String warningDays, String interval) {
        return new ExpirySettings(ExpiryThresholds.parse(warningDays), interval(interval));
    }

    static Duration interval(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_INTERVAL;
        }
        Duration d;
        try {
            d = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(CHECK_INTERVAL + " must be an ISO-8601 duration such as PT1H or PT30M, not "
                    + text);
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(CHECK_INTERVAL + " must be at least one second, not " + text);
        }
        return d;
    }
}
