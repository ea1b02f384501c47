package io.certgate.ejb.enrollment;

import io.certgate.domain.ca.IssueAuthority;
import java.util.Optional;

/**
 * The contract's signatureAlgorithm values: which key the CSR must hold and which root signs. SHA-1 is
 * listed by the contract but no longer issued (refused with a clear error).
 */
public enum SignatureAlgorithm {
    sha1WithRSAEncryption(IssueAuthority.RSA, IssueAuthority.RSA),
    sha256WithRSAEncryption(IssueAuthority.RSA, IssueAuthority.RSA),
    sha256WithRSAEncryptionFull(IssueAuthority.RSA, IssueAuthority.RSA),
    ECDSAwithSHA256(IssueAuthority.ECC, IssueAuthority.ECC),
    ECDSAwithSHA256andRSAroot(IssueAuthority.ECC, IssueAuthority.RSA);

    public static final SignatureAlgorithm DEFAULT = sha256WithRSAEncryption;

    private final IssueAuthority keyType;
    private final IssueAuthority root;

    SignatureAlgorithm(IssueAuthority keyType, IssueAuthority root) {
        this.keyType = keyType;
        this.root = root;
    }

    /** The key rules the CSR must meet (RSA-2048 or P-256). */
    public IssueAuthority keyType() {
        return keyType;
    }

    /** The root that signs. */
    public IssueAuthority root() {
        return root;
    }

    public static Optional<SignatureAlgorithm> parse(String value) {
        for (SignatureAlgorithm a : values()) {
            if (a.name().equals(value)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
