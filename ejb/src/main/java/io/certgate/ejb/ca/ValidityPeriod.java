package io.certgate.ejb.ca;

import java.time.Instant;

/** When a certificate starts and stops being valid. */
public record ValidityPeriod(Instant notBefore, Instant notAfter) {

    /** Whole days from the intended start (after the backdating of {@link ValidityPolicy#BACKDATE}) to the end. */
    public long days() {
        return java.time.Duration.between(notBefore.plus(ValidityPolicy.BACKDATE), notAfter).toDays();
    }
}
