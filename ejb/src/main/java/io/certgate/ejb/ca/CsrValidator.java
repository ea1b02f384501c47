package io.certgate.ejb.ca;

import io.certgate.ejb.ca.InvalidCsrException.Reason;
import io.certgate.domain.ca.IssueAuthority;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Checks a PEM PKCS#10 request against the rules of an issuing authority: RSA needs a 2048-bit key signed
 * SHA256withRSA, ECC a P-256 key signed SHA256withECDSA, and the request's own signature must verify.
 * Stateless and thread-safe.
 */
public class CsrValidator {

    /** Larger than any honest RSA-2048 or P-256 request with a long subject, small enough to bound parsing. */
    public static final int MAX_PEM_CHARS = 16 * 1024;
    private static final int MAX_SUBJECT_DN_CHARS = 1024;
    /** Requested extensions are not copied into certificates, but a request stuffed with them is refused. */
    static final int MAX_ATTRIBUTES = 8;
    static final int MAX_REQUESTED_EXTENSIONS = 32;

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (NEW )?CERTIFICATE REQUEST-----(.*?)-----END (NEW )?CERTIFICATE REQUEST-----", Pattern.DOTALL);
    private static final Pattern BASE64_BODY = Pattern.compile("[A-Za-z0-9+/=\\s]+");
    private static final ASN1ObjectIdentifier PRIME256V1 = SECObjectIdentifiers.secp256r1;

    /** The authority whose key type the CSR's key has (RSA, else ECC); the CSR is validated later. */
    public IssueAuthority keyAuthority(String csrText) {
        return PKCSObjectIdentifiers.rsaEncryption.equals(parse(csrText).getSubjectPublicKeyInfo().getAlgorithm()
                .getAlgorithm()) ? IssueAuthority.RSA : IssueAuthority.ECC;
    }

    /** A CSR whose key and signature the policy allows, whichever CA will sign it. */
    public ValidatedCsr validate(String csrText, KeyPolicy policy) {
        return validate(csrText, policy, false);
    }

    /**
     * A CSR whose key and signature the policy allows; with {@code emptySubjectAllowed} its subject may be empty (ACME
     * clients name everything in the subject alternative names: the caller then makes the subject).
     */
    public ValidatedCsr validate(String csrText, KeyPolicy policy, boolean emptySubjectAllowed) {
        PKCS10CertificationRequest csr = parse(csrText);
        checkAttributes(csr);
        SubjectPublicKeyInfo spki = csr.getSubjectPublicKeyInfo();
        checkKey(spki, policy);
        ASN1ObjectIdentifier sig = csr.getSignatureAlgorithm().getAlgorithm();
        boolean rsa = PKCSObjectIdentifiers.rsaEncryption.equals(spki.getAlgorithm().getAlgorithm());
        String hash = rsa ? RSA_SIGNATURES.get(sig) : ECDSA_SIGNATURES.get(sig);
        if (hash == null || !policy.csrHashes().contains(hash)) {
            throw new InvalidCsrException(Reason.SIGNATURE, "the CSR must be signed with " + String.join(" or ",
                    policy.csrHashes().stream()
                    .sorted().map(h -> h + (rsa ? "withRSA" : "withECDSA")).toList()));
        }
        verifySignature(csr);
        return subjectChecked(csr, emptySubjectAllowed);
    }

    /** The DNS names of a CSR's requested subject alternative names extension, as written (none: empty). */
    public static java.util.List<String> requestedDnsNames(String csrText) {
        PKCS10CertificationRequest csr = parse(csrText);
        java.util.List<String> names = new java.util.ArrayList<>();
        for (org.bouncycastle.asn1.pkcs.Attribute a : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            for (org.bouncycastle.asn1.ASN1Encodable v : a.getAttributeValues()) {
                org.bouncycastle.asn1.x509.GeneralNames san;
                try {
                    san = org.bouncycastle.asn1.x509.GeneralNames.fromExtensions(
                            org.bouncycastle.asn1.x509.Extensions.getInstance(v),
                            org.bouncycastle.asn1.x509.Extension.subjectAlternativeName);
                } catch (RuntimeException e) {
                    throw new InvalidCsrException("the CSR's subject alternative names cannot be read");
                }
                if (san == null) {
                    continue;
                }
                for (org.bouncycastle.asn1.x509.GeneralName n : san.getNames()) {
                    if (n.getTagNo() != org.bouncycastle.asn1.x509.GeneralName.dNSName) {
                        throw new InvalidCsrException("the CSR asks for a subject alternative name that is no DNS name");
                    }
                    names.add(org.bouncycastle.asn1.ASN1IA5String.getInstance(n.getName()).getString());
                }
            }
        }
        return names;
    }

    /** The key policy for an existing key (renewals without CSR, keys generated here). */
    public void checkKey(SubjectPublicKeyInfo spki, KeyPolicy policy) {
        ASN1ObjectIdentifier keyAlg = spki.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(keyAlg)) {
            int bits;
            try {
                bits = RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus().bitLength();
            } catch (Exception e) {
                throw new InvalidCsrException(Reason.CANNOT_PARSE, "the RSA public key cannot be read");
            }
            if (!policy.rsaBits().contains(bits)) {
                throw new InvalidCsrException(Reason.KEY, "the RSA public key must be "
                        + policy.rsaBits().stream().sorted()
                        .map(String::valueOf).reduce((a, b) -> a + " or " + b).orElse("") + " bits, not " + bits);
            }
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(keyAlg)) {
            if (!policy.curves().contains(spki.getAlgorithm().getParameters())) {
                throw new InvalidCsrException(Reason.KEY, policy.curves().size() == 1
                        ? "the EC public key must be on curve prime256v1 (P-256)"
                        : "the EC public key must be on curve P-256 or P-384");
            }
        } else {
            throw new InvalidCsrException(Reason.KEY, "the public key must be RSA or EC");
        }
    }

    private static final java.util.Map<ASN1ObjectIdentifier, String> RSA_SIGNATURES = java.util.Map.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption, "SHA256",
            PKCSObjectIdentifiers.sha384WithRSAEncryption, "SHA384",
            PKCSObjectIdentifiers.sha512WithRSAEncryption, "SHA512");
    private static final java.util.Map<ASN1ObjectIdentifier, String> ECDSA_SIGNATURES = java.util.Map.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA256",
            X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA384",
            X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA512");

    public ValidatedCsr validate(String csrText, IssueAuthority authority) {
        return validate(parse(csrText), authority);
    }

    private ValidatedCsr validate(PKCS10CertificationRequest csr, IssueAuthority authority) {
        checkAttributes(csr);
        SubjectPublicKeyInfo spki = csr.getSubjectPublicKeyInfo();
        checkAlgorithms(csr.getSignatureAlgorithm(), spki, authority);
        verifySignature(csr);
        return subjectChecked(csr, false);
    }

    private static ValidatedCsr subjectChecked(PKCS10CertificationRequest csr, boolean emptyAllowed) {
        if (!emptyAllowed && (csr.getSubject() == null || csr.getSubject().getRDNs().length == 0)) {
            throw new InvalidCsrException("the CSR has an empty subject");
        }
        if (csr.getSubject().toString().length() > MAX_SUBJECT_DN_CHARS) {
            throw new InvalidCsrException("the CSR subject is longer than " + MAX_SUBJECT_DN_CHARS + " characters");
        }
        return new ValidatedCsr(csr.getSubject(), csr.getSubjectPublicKeyInfo());
    }

    /** Checks that an existing public key (renewal without CSR) suits the authority. */
    public void checkKey(SubjectPublicKeyInfo spki, IssueAuthority authority) {
        checkKeyAlgorithm(spki, authority);
    }

    static PKCS10CertificationRequest parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCsrException(Reason.CANNOT_PARSE, "the CSR is empty");
        }
        if (text.length() > MAX_PEM_CHARS) {
            throw new InvalidCsrException(Reason.CANNOT_PARSE, "the CSR is larger than " + MAX_PEM_CHARS
                    + " characters");
        }
        String body;
        Matcher m = PEM.matcher(text);
        if (m.find()) {
            body = m.group(2);
        } else if (text.contains("-----")) {
            throw new InvalidCsrException(Reason.CANNOT_PARSE, "the CSR has broken or unknown PEM headers");
        } else {
            body = text; // headers are optional where a contract says so
        }
        body = body.replace("\\n", "\n").replace("\\r", "");
        if (!BASE64_BODY.matcher(body).matches()) {
            throw new InvalidCsrException(Reason.CANNOT_PARSE, "the CSR is not base64");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidCsrException(Reason.CANNOT_PARSE, "the CSR is not base64");
        }
        if (der.length == 0) {
            throw new InvalidCsrException(Reason.CANNOT_PARSE, "the CSR is empty");
        }
        try {
            PKCS10CertificationRequest csr = new PKCS10CertificationRequest(der);
            if (csr.getEncoded().length != der.length) {
                throw new InvalidCsrException(Reason.CANNOT_PARSE, "the CSR has trailing data");
            }
            return csr;
        } catch (InvalidCsrException e) {
            throw e;
        } catch (Exception | StackOverflowError e) { // BouncyCastle throws several unchecked types on garbage
            throw new InvalidCsrException(Reason.CANNOT_PARSE, "the CSR is not a PKCS#10 certificate request");
        }
    }

    private static void checkAttributes(PKCS10CertificationRequest csr) {
        org.bouncycastle.asn1.pkcs.Attribute[] attributes = csr.getAttributes();
        if (attributes.length > MAX_ATTRIBUTES) {
            throw new InvalidCsrException("the CSR has more than " + MAX_ATTRIBUTES + " attributes");
        }
        for (org.bouncycastle.asn1.pkcs.Attribute a : attributes) {
            if (PKCSObjectIdentifiers.pkcs_9_at_extensionRequest.equals(a.getAttrType())) {
                for (org.bouncycastle.asn1.ASN1Encodable v : a.getAttributeValues()) {
                    int n;
                    try {
                        n = org.bouncycastle.asn1.x509.Extensions.getInstance(v).getExtensionOIDs().length;
                    } catch (RuntimeException e) {
                        throw new InvalidCsrException(Reason.CANNOT_PARSE,
                                "the CSR's extension request cannot be read");
                    }
                    if (n > MAX_REQUESTED_EXTENSIONS) {
                        throw new InvalidCsrException("the CSR requests more than " + MAX_REQUESTED_EXTENSIONS
                                + " extensions");
                    }
                }
            }
        }
    }

    private static void checkAlgorithms(AlgorithmIdentifier signatureAlgorithm, SubjectPublicKeyInfo spki,
                                        IssueAuthority authority) {
        ASN1ObjectIdentifier sig = signatureAlgorithm.getAlgorithm();
        if (authority == IssueAuthority.RSA && !PKCSObjectIdentifiers.sha256WithRSAEncryption.equals(sig)) {
            throw new InvalidCsrException(Reason.SIGNATURE, "an RSA CSR must be signed with SHA256withRSA");
        }
        if (authority == IssueAuthority.ECC && !X9ObjectIdentifiers.ecdsa_with_SHA256.equals(sig)) {
            throw new InvalidCsrException(Reason.SIGNATURE, "an ECC CSR must be signed with SHA256withECDSA");
        }
        checkKeyAlgorithm(spki, authority);
    }

    private static void checkKeyAlgorithm(SubjectPublicKeyInfo spki, IssueAuthority authority) {
        ASN1ObjectIdentifier keyAlg = spki.getAlgorithm().getAlgorithm();
        if (authority == IssueAuthority.RSA) {
            if (!PKCSObjectIdentifiers.rsaEncryption.equals(keyAlg)) {
                throw new InvalidCsrException(Reason.KEY, "issueAuthority RSA needs an RSA public key");
            }
            int bits;
            try {
                bits = RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus().bitLength();
            } catch (Exception e) {
                throw new InvalidCsrException(Reason.CANNOT_PARSE, "the RSA public key cannot be read");
            }
            if (bits != 2048) {
                throw new InvalidCsrException(Reason.KEY, "the RSA public key must be 2048 bits, not "
                        + bits);
            }
        } else {
            if (!X9ObjectIdentifiers.id_ecPublicKey.equals(keyAlg)) {
                throw new InvalidCsrException(Reason.KEY, "issueAuthority ECC needs an EC public key");
            }
            Object params = spki.getAlgorithm().getParameters();
            if (!PRIME256V1.equals(params)) {
                throw new InvalidCsrException(Reason.KEY, "the EC public key must be on curve prime256v1 (P-256)");
            }
        }
    }

    private static void verifySignature(PKCS10CertificationRequest csr) {
        boolean valid;
        try {
            ContentVerifierProvider verifier = CryptoProviders.csrVerifier(csr.getSubjectPublicKeyInfo());
            valid = csr.isSignatureValid(verifier);
        } catch (Exception e) {
            throw new InvalidCsrException(Reason.SIGNATURE, "the CSR signature cannot be verified");
        }
        if (!valid) {
            throw new InvalidCsrException(Reason.SIGNATURE, "the CSR signature does not verify");
        }
    }
}
