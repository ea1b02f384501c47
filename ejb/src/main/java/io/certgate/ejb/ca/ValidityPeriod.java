package io.certgate.ejb.ca;

import java.time.Instant;

/** When a certificate starts and stops being valid. */
public record ValidityPeriod(Instant notBefore, Instant notAfter) {
}
