package io.certgate.domain.acme;

import java.util.Locale;

/** The statuses of RFC 8555 7.1.6 that accounts, orders, authorizations and challenges take. */
public enum AcmeStatus {
    PENDING, READY, PROCESSING, VALID, INVALID, DEACTIVATED, REVOKED, EXPIRED;

    /** As RFC 8555 writes it: lower case. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
