package io.certgate.domain.enrollment;

import java.util.Optional;

/** Symantec CertManager certificate product types (spec 002). */
public enum CertProductType {
    HAServer(Family.PUBLIC_SSL),
    HAGlobalServer(Family.PUBLIC_SSL),
    Server(Family.PUBLIC_SSL),
    GlobalServer(Family.PUBLIC_SSL),
    IntranetServer(Family.PUBLIC_SSL),
    IntranetGlobalServer(Family.PUBLIC_SSL),
    PrivateServer(Family.PRIVATE_SSL),
    GeotrustServer(Family.PUBLIC_SSL),
    CodeSigning(Family.CODE_SIGNING),
    JavaCodeSigning(Family.CODE_SIGNING),
    EVCodeSigning(Family.CODE_SIGNING);

    /** What the product is for, which decides validity limits, extensions and answer format. */
    public enum Family { PUBLIC_SSL, PRIVATE_SSL, CODE_SIGNING }

    private final Family family;

    CertProductType(Family family) {
        this.family = family;
    }

    public Family family() {
        return family;
    }

    public boolean isCodeSigning() {
        return family == Family.CODE_SIGNING;
    }

    /** Private SSL and code signing may last 3 years; public SSL 2. */
    public int maxYears() {
        return family == Family.PUBLIC_SSL ? 2 : 3;
    }

    /** Exact, case-sensitive match, as the contract lists the values. */
    public static Optional<CertProductType> parse(String value) {
        for (CertProductType t : values()) {
            if (t.name().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
