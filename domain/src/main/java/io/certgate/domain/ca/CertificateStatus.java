package io.certgate.domain.ca;

/** A certificate's state as clients see it; the ordinal codes are the EnOS certStatus numbers. */
public enum CertificateStatus {
    VALID(0),
    REVOKED(1),
    EXPIRED(2);

    private final int code;

    CertificateStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
