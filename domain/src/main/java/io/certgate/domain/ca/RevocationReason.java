package io.certgate.domain.ca;

import java.util.Optional;

/** The RFC 5280 CRL reason codes a caller may ask for (2 cACompromise and 8 removeFromCRL are the CA's own). */
public enum RevocationReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    CERTIFICATE_HOLD(6),
    PRIVILEGE_WITHDRAWN(9);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<RevocationReason> ofCode(int code) {
        for (RevocationReason r : values()) {
            if (r.code == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
