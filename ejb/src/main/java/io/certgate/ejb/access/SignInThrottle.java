package io.certgate.ejb.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rule of operators' sign-in throttling (issue 18, 6), for every way an operator signs in (HTTP Basic on the
 * admin API, the console's sign-in form): once a user name has {@code perUser} failed sign-ins within
 * {@code window}, or a client address {@code perAddress}, every sign-in of that name, or from that address, is
 * refused without checking its password, also a right one, until the oldest failure that keeps the count at the limit
 * is older than the window. Failures are counted, never successes: a right password does not wipe out a guesser's
 * count. Pure: the failures come from the audit trail ({@link OperatorSignIns}), where every instance sees them.
 */
public record SignInThrottle(int perUser, int perAddress, Duration window) {

    /** Defaults: 20 failures of one name, 100 from one address, within 15 minutes. */
    public static final SignInThrottle DEFAULT = new SignInThrottle(20, 100, Duration.ofMinutes(15));

    /** Who a refusal is for: the user name, or the client address. */
    public enum Scope {
        USER, ADDRESS;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A sign-in refused until {@code until} because {@code scope} reached its limit. */
    public record Refusal(Scope scope, Instant until, int failures) {

        /** Whole seconds to wait, at least one (HTTP's Retry-After). */
        public long retryAfterSeconds(Instant now) {
            return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
        }
    }

    public SignInThrottle {
        if (perUser < 1 || perAddress < 1 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("sign-in throttling needs limits of at least 1 and a positive window");
        }
    }

    /** The limits as configured ({@code certgate.signin.*}), each defaulting to {@link #DEFAULT}'s. */
    public static SignInThrottle configured(Optional<Integer> perUser, Optional<Integer> perAddress,
                                            Optional<Duration> window) {
        return new SignInThrottle(perUser.orElse(DEFAULT.perUser), perAddress.orElse(DEFAULT.perAddress),
                window.orElse(DEFAULT.window));
    }

    /** Failures older than this are forgotten: the only ones worth reading. */
    public Instant since(Instant now) {
        return now.minus(window);
    }

    /**
     * Whether a sign-in is refused at {@code now}, given the failed sign-ins of its name and of its address (any
     * order; those older than the window do not count). The user's limit is looked at first.
     */
    public Optional<Refusal> refusal(List<Instant> userFailures, List<Instant> addressFailures, Instant now) {
        Optional<Refusal> user = refusal(Scope.USER, perUser, userFailures, now);
        return user.isPresent() ? user : refusal(Scope.ADDRESS, perAddress, addressFailures, now);
    }

    private Optional<Refusal> refusal(Scope scope, int limit, List<Instant> failures, Instant now) {
        Instant from = since(now);
        List<Instant> recent = failures.stream().filter(t -> t.isAfter(from) && !t.isAfter(now)).sorted().toList();
        if (recent.size() < limit) {
            return Optional.empty();
        }
        // the count drops below the limit once this failure is older than the window
        Instant until = recent.get(recent.size() - limit).plus(window);
        return Optional.of(new Refusal(scope, until, recent.size()));
    }

    /** Whether the failure that made a count of {@code failures} is the one that reached a limit (audited once). */
    public Optional<Scope> reached(int userFailures, int addressFailures) {
        if (userFailures == perUser) {
            return Optional.of(Scope.USER);
        }
        return addressFailures == perAddress ? Optional.of(Scope.ADDRESS) : Optional.empty();
    }
}
