package io.certgate.ejb.enrollment;

import io.certgate.ejb.ca.CsrValidator;
import io.certgate.ejb.ca.InvalidCsrException;
import io.certgate.ejb.ca.KeyPolicy;
import io.certgate.ejb.ca.ValidatedCsr;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * DigiCert's {@code csr} field holds "CSR or public key" (spec 003): a PEM public key ({@code -----BEGIN PUBLIC
 * KEY-----}, or its base64 body alone) is read as a SubjectPublicKeyInfo and held to the same key policy as a CSR's
 * key. It has no subject and proves no possession of the private key; TLS and client certificates take their subject
 * from the order, so that is all they need. Pure functions.
 */
public final class PublicKeyPem {

    private static final Pattern PEM = Pattern.compile("-----BEGIN PUBLIC KEY-----(.*?)-----END PUBLIC KEY-----",
            Pattern.DOTALL);
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]+");

    private PublicKeyPem() {
    }

    /** The public key in {@code text} when it holds one (and not a CSR); empty otherwise. */
    public static Optional<SubjectPublicKeyInfo> parse(String text) {
        if (text == null || text.length() > CsrValidator.MAX_PEM_CHARS || text.contains("CERTIFICATE REQUEST")) {
            return Optional.empty();
        }
        Matcher m = PEM.matcher(text.replace("\\n", "\n"));
        String body = m.find() ? m.group(1) : text.contains("-----") ? null : text;
        if (body == null || !BASE64.matcher(body).matches()) {
            return Optional.empty();
        }
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(Base64.getMimeDecoder().decode(body.replaceAll("\\s", "")));
            if (!(p instanceof ASN1Sequence s) || s.size() != 2) { // a CSR has three elements
                return Optional.empty();
            }
            return Optional.of(SubjectPublicKeyInfo.getInstance(s));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A public key that the policy allows, as a CSR without subject (the order gives the subject). */
    public static ValidatedCsr validate(SubjectPublicKeyInfo spki, KeyPolicy policy) {
        new CsrValidator().checkKey(spki, policy);
        return new ValidatedCsr(new X500Name(new org.bouncycastle.asn1.x500.RDN[0]), spki);
    }

    /** The key as stored on a request: PEM with line breaks. */
    public static String pem(SubjectPublicKeyInfo spki) {
        try {
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(spki.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        } catch (java.io.IOException e) {
            throw new InvalidCsrException(InvalidCsrException.Reason.CANNOT_PARSE, "the public key cannot be encoded");
        }
    }
}
