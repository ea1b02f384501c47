package io.certgate.ejb.ca;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the SCEP RA certificate must be issued anew by the infrastructure CA: there is none, it certifies another
 * key than the RA key in custody, it is not issued by the current infrastructure CA (self-signed, signed by a root
 * as before issue 16, or by an earlier generation of the infrastructure CA), or it ends within {@link #RENEW_BEFORE}.
 */
public final class ScepRaRenewal {

    /** How long before its end the RA certificate is replaced. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private ScepRaRenewal() {
    }

    /** Why {@code ra} must be replaced, or empty when it serves. */
    public static Optional<String> reason(X509Certificate ra, X509Certificate infrastructureCa, PublicKey raKey,
                                          Instant now) {
        if (ra == null) {
            return Optional.of("there is no RA certificate of the infrastructure CA yet");
        }
        if (!ra.getPublicKey().equals(raKey)) {
            return Optional.of("it certifies another key than the RA key in custody");
        }
        if (!ra.getIssuerX500Principal().equals(infrastructureCa.getSubjectX500Principal())
                || !signedBy(ra, infrastructureCa)) {
            return Optional.of("it is not issued by the current infrastructure CA");
        }
        if (!now.plus(RENEW_BEFORE).isBefore(ra.getNotAfter().toInstant())) {
            return Optional.of("it ends " + ra.getNotAfter().toInstant() + ", within " + RENEW_BEFORE.toDays()
                    + " days");
        }
        return Optional.empty();
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
