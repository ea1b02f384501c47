package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import java.util.Locale;
import java.util.Set;

/**
 * How a certificate is signed: the hash (SHA-256 by default, SHA-384 or SHA-512 on request) and, for the RSA
 * CA, PKCS#1 v1.5 or RSASSA-PSS. The key of the signing CA decides the rest (RSA or ECDSA).
 */
public record SignatureScheme(String hash, boolean pss) {

    private static final Set<String> HASHES = Set.of("SHA256", "SHA384", "SHA512"); // before DEFAULT uses it
    public static final SignatureScheme DEFAULT = new SignatureScheme("SHA256", false);

    public SignatureScheme {
        hash = hash == null ? "SHA256" : hash.toUpperCase(Locale.ROOT).replace("-", "");
        if (!HASHES.contains(hash)) {
            throw new InvalidSignatureSchemeException("the signature hash must be sha256, sha384 or sha512");
        }
    }

    /** The JCA signature algorithm for the CA's key; RSASSA-PSS needs the RSA CA. */
    public String algorithmFor(IssueAuthority authority) {
        if (authority == IssueAuthority.ECC) {
            if (pss) {
                throw new InvalidSignatureSchemeException("RSASSA-PSS needs an RSA issuing CA");
            }
            return hash + "withECDSA";
        }
        return pss ? hash + "withRSAandMGF1" : hash + "withRSA";
    }
}
