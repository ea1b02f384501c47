package io.certgate.domain.ca;

import java.util.Locale;
import java.util.Optional;

/** The root that signs a certificate: RSA-2048 (SHA256withRSA) or EC P-256 (SHA256withECDSA). */
public enum IssueAuthority {
    RSA("SHA256withRSA"),
    ECC("SHA256withECDSA");

    private final String signatureAlgorithm;

    IssueAuthority(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** Case-insensitive lookup, as the EnOS contract says; empty for anything that is not RSA or ECC. */
    public static Optional<IssueAuthority> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        for (IssueAuthority a : values()) {
            if (a.name().equals(v)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
