package io.certgate.ejb.ca;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * How many days before its end a certificate is warned about ({@code certgate.expiry.warning.days}: one number,
 * default 30, or several, e.g. {@code 30,7,1}), and which warning is due: the narrowest threshold the
 * certificate has reached, unless that one (or a narrower one) was written already. A certificate past its end
 * is expired, no longer about to expire, and gets none; "within N days" means
 * {@code now <= notAfter <= now + N days}, as the operators' expiring listing counts it.
 */
public final class ExpiryThresholds {

    public static final String DEFAULT = "30";
    static final int MAX_DAYS = 3650;

    /** Ascending, distinct, each 1..3650. */
    private final List<Integer> days;

    private ExpiryThresholds(List<Integer> days) {
        this.days = List.copyOf(days);
    }

    /** Comma-separated whole days, each 1..3650, at least one; {@link IllegalArgumentException} otherwise. */
    public static ExpiryThresholds parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("certgate.expiry.warning.days needs at least one number of days");
        }
        TreeSet<Integer> parsed = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            int d;
            try {
                d = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("certgate.expiry.warning.days: '" + p + "' is not a whole number");
            }
            if (d < 1 || d > MAX_DAYS) {
                throw new IllegalArgumentException("certgate.expiry.warning.days: " + d + " is not within 1.." + MAX_DAYS);
            }
            parsed.add(d);
        }
        return new ExpiryThresholds(List.copyOf(parsed));
    }

    /** The thresholds, narrowest first. */
    public List<Integer> days() {
        return days;
    }

    public int widest() {
        return days.get(days.size() - 1);
    }

    public int narrowest() {
        return days.get(0);
    }

    /** The end of the widest window: a certificate ending later is not about to expire. */
    public Instant horizon(Instant now) {
        return now.plus(Duration.ofDays(widest()));
    }

    /**
     * The threshold whose warning is due now for a certificate ending at {@code notAfter}, already warned at
     * {@code warnedDays} (null: never); empty when none is.
     */
    public OptionalInt due(Instant notAfter, Instant now, Integer warnedDays) {
        Objects.requireNonNull(notAfter, "notAfter");
        if (notAfter.isBefore(now)) {
            return OptionalInt.empty();
        }
        for (int d : days) {
            if (!notAfter.isAfter(now.plus(Duration.ofDays(d)))) {
                return warnedDays != null && warnedDays <= d ? OptionalInt.empty() : OptionalInt.of(d);
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public String toString() {
        return days.toString();
    }
}
