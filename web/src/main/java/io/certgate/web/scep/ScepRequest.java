package io.certgate.web.scep;

import io.certgate.ejb.ca.CryptoProviders;
import io.certgate.ejb.ca.Pem;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A client's SCEP message (RFC 8894 3.2), verified and decrypted: a CMS SignedData signed by the client, whose
 * signed attributes say what it is, enveloping (EnvelopedData to the RA certificate) a CSR for PKCS_REQ and
 * RENEWAL_REQ, an IssuerAndSubject for CERT_POLL. What it asks for is the caller's to judge.
 */
public final class ScepRequest {

    /**
     * Content encryption the server decrypts; anything else is BAD_ALG. DES-CBC is weak (it guards the CSR's
     * challengePassword) but is accepted because Debian's micromdm scepclient (go.mozilla.org/pkcs7) uses it
     * unless told otherwise.
     */
    public static final List<ASN1ObjectIdentifier> ACCEPTED_CONTENT_ENCRYPTION = List.of(
            CMSAlgorithm.AES128_CBC, CMSAlgorithm.AES256_CBC, CMSAlgorithm.DES_EDE3_CBC, CMSAlgorithm.DES_CBC);

    private final ScepMessageType type;
    private final ScepTransaction transaction;
    private final X509Certificate signerCertificate;
    private final byte[] content;
    private final PKCS10CertificationRequest csr;
    private final String challengePassword;
    private final X500Name pollIssuer;
    private final X500Name pollSubject;

    private ScepRequest(ScepMessageType type, ScepTransaction transaction, X509Certificate signerCertificate,
            byte[] content) {
        this.type = type;
        this.transaction = transaction;
        this.signerCertificate = signerCertificate;
        this.content = content;
        boolean carriesCsr = type == ScepMessageType.PKCS_REQ || type == ScepMessageType.RENEWAL_REQ;
        this.csr = carriesCsr ? parseCsr(content, transaction) : null;
        this.challengePassword = carriesCsr ? readChallengePassword(csr, transaction) : null;
        X500Name[] issuerAndSubject = type == ScepMessageType.CERT_POLL
                ? parseIssuerAndSubject(content, transaction) : null;
        this.pollIssuer = issuerAndSubject == null ? null : issuerAndSubject[0];
        this.pollSubject = issuerAndSubject == null ? null : issuerAndSubject[1];
    }

    /**
     * Reads, verifies and decrypts a message. {@code decryptor} unwraps with the RA's private key, which
     * {@code raCertificate} certifies. Throws {@link UnreadableScepMessageException} when the message cannot be
     * answered, and a {@link ScepException} carrying the transaction to answer otherwise.
     */
    public static ScepRequest parse(byte[] der, Recipient decryptor, X509Certificate raCertificate, int maxBytes) {
        return parse(der, decryptor, List.of(raCertificate), maxBytes);
    }

    /**
     * As {@link #parse(byte[], Recipient, X509Certificate, int)} with every certificate of the RA key a client may
     * encrypt to (the one served first; another instance's or an earlier one a client still holds).
     */
    public static ScepRequest parse(byte[] der, Recipient decryptor, List<X509Certificate> raCertificates,
                                    int maxBytes) {
        if (der == null || der.length == 0) {
            throw new UnreadableScepMessageException(ScepFailInfo.BAD_REQUEST, "the SCEP message is empty");
        }
        if (der.length > maxBytes) {
            throw new UnreadableScepMessageException(ScepFailInfo.BAD_REQUEST,
                    "the SCEP message is " + der.length + " bytes, more than the " + maxBytes + " accepted");
        }
        CMSSignedData signed = signedData(der);
        SignerInformation signer = onlySigner(signed);
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null) {
            throw new UnreadableScepMessageException(ScepFailInfo.BAD_REQUEST,
                    "the SCEP message has no signed attributes");
        }
        ScepTransaction transaction = transaction(attributes);
        // from here on every refusal can be answered with a CertRep FAILURE
        ScepMessageType type = messageType(attributes, transaction);
        X509CertificateHolder signerCertificate = signerCertificate(signed, signer, transaction);
        verify(signer, signerCertificate, transaction);
        byte[] content = decrypt(signed.getSignedContent(), decryptor, raCertificates, transaction);
        return new ScepRequest(type, transaction, x509(signerCertificate, transaction), content);
    }

    public ScepMessageType type() {
        return type;
    }

    public String transactionId() {
        return transaction.transactionId();
    }

    public byte[] senderNonce() {
        return transaction.senderNonce();
    }

    /** What a CertRep to this request echoes. */
    public ScepTransaction transaction() {
        return transaction;
    }

    /** The certificate that signed the message; a success CertRep is encrypted to its key. */
    public X509Certificate signerCertificate() {
        return signerCertificate;
    }

    /** The decrypted content of the envelope (a copy). */
    public byte[] content() {
        return content.clone();
    }

    /** The CSR of a PKCS_REQ or RENEWAL_REQ; its signature is not checked here (the CA's CSR validation does). */
    public PKCS10CertificationRequest csr() {
        requireCsr();
        return csr;
    }

    /** {@link #csr()} as PEM, 64 characters a line. */
    public String csrPem() {
        requireCsr();
        try {
            return Pem.encode("CERTIFICATE REQUEST", csr.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("cannot re-encode a CSR that was just parsed", e);
        }
    }

    /** The CSR's PKCS#9 challengePassword, or null when it has none. */
    public String challengePassword() {
        requireCsr();
        return challengePassword;
    }

    /** The issuer a CERT_POLL names. */
    public X500Name pollIssuer() {
        requirePoll();
        return pollIssuer;
    }

    /** The subject a CERT_POLL names: the subject of the CSR whose answer was PENDING. */
    public X500Name pollSubject() {
        requirePoll();
        return pollSubject;
    }

    private void requireCsr() {
        if (csr == null) {
            throw new IllegalStateException("a " + type + " message carries no CSR");
        }
    }

    private void requirePoll() {
        if (type != ScepMessageType.CERT_POLL) {
            throw new IllegalStateException("a " + type + " message carries no IssuerAndSubject");
        }
    }

    private static CMSSignedData signedData(byte[] der) {
        try {
            ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (info == null || !CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
                throw new UnreadableScepMessageException(ScepFailInfo.BAD_REQUEST,
                        "the SCEP message is not a CMS SignedData");
            }
            return new CMSSignedData(info);
        } catch (IOException | CMSException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            // BouncyCastle reports malformed ASN.1 with any of these
            throw new UnreadableScepMessageException(ScepFailInfo.BAD_REQUEST,
                    "the SCEP message is not a CMS SignedData", e);
        }
    }

    private static SignerInformation onlySigner(CMSSignedData signed) {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new UnreadableScepMessageException(ScepFailInfo.BAD_MESSAGE_CHECK,
                    "a SCEP message has exactly one signer, this one has " + signers.size());
        }
        return signers.iterator().next();
    }

    private static ScepTransaction transaction(AttributeTable attributes) {
        String id = printable(attributes, ScepAttributes.TRANSACTION_ID, "transactionID", null);
        ASN1Encodable nonce = single(attributes, ScepAttributes.SENDER_NONCE, "senderNonce", null);
        if (!(nonce instanceof ASN1OctetString octets) || octets.getOctets().length == 0) {
            throw new UnreadableScepMessageException(ScepFailInfo.BAD_REQUEST,
                    "the SCEP message's senderNonce is missing or not a non-empty OCTET STRING");
        }
        try {
            return new ScepTransaction(id, octets.getOctets());
        } catch (IllegalArgumentException e) {
            throw new UnreadableScepMessageException(ScepFailInfo.BAD_REQUEST,
                    "the SCEP message's " + e.getMessage(), e);
        }
    }

    private static ScepMessageType messageType(AttributeTable attributes, ScepTransaction transaction) {
        String value = printable(attributes, ScepAttributes.MESSAGE_TYPE, "messageType", transaction);
        ScepMessageType type;
        try {
            type = ScepMessageType.of(value);
        } catch (IllegalArgumentException e) {
            throw new ScepException(ScepFailInfo.BAD_REQUEST, e.getMessage(), transaction);
        }
        if (type == ScepMessageType.CERT_REP) {
            throw new ScepException(ScepFailInfo.BAD_REQUEST, "CertRep is the server's answer, not a request",
                    transaction);
        }
        return type;
    }

    /** The one value of a signed attribute; null when absent. transaction null: refusals are unreadable. */
    private static ASN1Encodable single(AttributeTable attributes, ASN1ObjectIdentifier oid, String name,
            ScepTransaction transaction) {
        if (attributes.getAll(oid).size() > 1) {
            throw refusal(ScepFailInfo.BAD_REQUEST, "the SCEP message has more than one " + name, transaction);
        }
        Attribute attribute = attributes.get(oid);
        if (attribute == null) {
            return null;
        }
        if (attribute.getAttrValues().size() != 1) {
            throw refusal(ScepFailInfo.BAD_REQUEST, "the SCEP message's " + name + " has not exactly one value",
                    transaction);
        }
        return attribute.getAttrValues().getObjectAt(0);
    }

    private static String printable(AttributeTable attributes, ASN1ObjectIdentifier oid, String name,
            ScepTransaction transaction) {
        ASN1Encodable value = single(attributes, oid, name, transaction);
        if (!(value instanceof ASN1PrintableString text)) {
            throw refusal(ScepFailInfo.BAD_REQUEST,
                    "the SCEP message's " + name + " is missing or not a PrintableString", transaction);
        }
        return text.getString();
    }

    private static ScepException refusal(ScepFailInfo failInfo, String message, ScepTransaction transaction) {
        return transaction == null ? new UnreadableScepMessageException(failInfo, message)
                : new ScepException(failInfo, message, transaction);
    }

    private static X509CertificateHolder signerCertificate(CMSSignedData signed, SignerInformation signer,
            ScepTransaction transaction) {
        Collection<X509CertificateHolder> matches;
        try {
            matches = signed.getCertificates().getMatches(signer.getSID());
        } catch (RuntimeException e) {
            // the certificates are parsed lazily, so a malformed one surfaces here
            throw new ScepException(ScepFailInfo.BAD_MESSAGE_CHECK, "the SCEP message's certificates cannot be read",
                    transaction, e);
        }
        if (matches.isEmpty()) {
            throw new ScepException(ScepFailInfo.BAD_MESSAGE_CHECK,
                    "the certificate of the SCEP message's signer is not among its certificates", transaction);
        }
        return matches.iterator().next();
    }

    private static void verify(SignerInformation signer, X509CertificateHolder certificate,
            ScepTransaction transaction) {
        boolean verified;
        try {
            verified = signer.verify(
                    new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProviders.BC).build(certificate));
        } catch (CMSVerifierCertificateNotValidException e) {
            // BouncyCastle refuses a signingTime outside the signer certificate's validity
            throw new ScepException(ScepFailInfo.BAD_TIME,
                    "the SCEP message's signingTime is outside its signer certificate's validity", transaction, e);
        } catch (CMSSignerDigestMismatchException e) {
            throw new ScepException(ScepFailInfo.BAD_MESSAGE_CHECK,
                    "the SCEP message's content does not match its signed messageDigest", transaction, e);
        } catch (OperatorCreationException e) {
            throw new ScepException(ScepFailInfo.BAD_ALG, "the SCEP message's signer key cannot be used",
                    transaction, e);
        } catch (CMSException e) {
            ScepFailInfo failInfo = e.getCause() instanceof OperatorCreationException ? ScepFailInfo.BAD_ALG
                    : ScepFailInfo.BAD_MESSAGE_CHECK;
            throw new ScepException(failInfo, "the SCEP message's signature cannot be checked: " + e.getMessage(),
                    transaction, e);
        } catch (CertificateException | RuntimeOperatorException e) {
            throw new ScepException(ScepFailInfo.BAD_MESSAGE_CHECK, "the SCEP message's signature cannot be checked",
                    transaction, e);
        }
        if (!verified) {
            throw new ScepException(ScepFailInfo.BAD_MESSAGE_CHECK,
                    "the SCEP message's signature does not verify with its signer's certificate", transaction);
        }
    }

    private static byte[] decrypt(CMSTypedData signedContent, Recipient decryptor,
            List<X509Certificate> raCertificates, ScepTransaction transaction) {
        if (signedContent == null || !(signedContent.getContent() instanceof byte[] bytes)) {
            throw new ScepException(ScepFailInfo.BAD_REQUEST, "the SCEP message has no encapsulated content",
                    transaction);
        }
        CMSEnvelopedData envelope;
        try {
            ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(bytes));
            if (info == null || !CMSObjectIdentifiers.envelopedData.equals(info.getContentType())) {
                throw new ScepException(ScepFailInfo.BAD_REQUEST,
                        "the SCEP message's content is not a CMS EnvelopedData", transaction);
            }
            envelope = new CMSEnvelopedData(info);
        } catch (IOException | CMSException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new ScepException(ScepFailInfo.BAD_REQUEST, "the SCEP message's content is not a CMS EnvelopedData",
                    transaction, e);
        }
        RecipientInformation recipient = null;
        for (X509Certificate ra : raCertificates) {
            recipient = recipient != null ? recipient : envelope.getRecipientInfos().get(raRecipientId(ra));
        }
        if (recipient == null) {
            throw new ScepException(ScepFailInfo.BAD_REQUEST,
                    "the SCEP message is not encrypted to this server's SCEP RA certificate", transaction);
        }
        ASN1ObjectIdentifier algorithm = envelope.getContentEncryptionAlgorithm().getAlgorithm();
        if (!ACCEPTED_CONTENT_ENCRYPTION.contains(algorithm)) {
            throw new ScepException(ScepFailInfo.BAD_ALG, "the SCEP message's content encryption " + algorithm
                    + " is not accepted (AES-128-CBC, AES-256-CBC, DES-EDE3-CBC or DES-CBC are)", transaction);
        }
        try {
            return recipient.getContent(decryptor);
        } catch (CMSException | RuntimeException e) {
            throw new ScepException(ScepFailInfo.BAD_MESSAGE_CHECK,
                    "the SCEP message's envelope cannot be decrypted with the RA key", transaction, e);
        }
    }

    private static KeyTransRecipientId raRecipientId(X509Certificate raCertificate) {
        try {
            X509CertificateHolder holder = new JcaX509CertificateHolder(raCertificate);
            return new KeyTransRecipientId(holder.getIssuer(), holder.getSerialNumber());
        } catch (CertificateException e) {
            throw new IllegalStateException("the SCEP RA certificate cannot be encoded", e);
        }
    }

    private static X509Certificate x509(X509CertificateHolder holder, ScepTransaction transaction) {
        try {
            return new JcaX509CertificateConverter().setProvider(CryptoProviders.BC).getCertificate(holder);
        } catch (CertificateException e) {
            throw new ScepException(ScepFailInfo.BAD_MESSAGE_CHECK, "the SCEP signer's certificate cannot be read",
                    transaction, e);
        }
    }

    private static PKCS10CertificationRequest parseCsr(byte[] content, ScepTransaction transaction) {
        try {
            return new PKCS10CertificationRequest(content);
        } catch (IOException | RuntimeException e) {
            throw new ScepException(ScepFailInfo.BAD_REQUEST, "the SCEP message's content is not a PKCS#10 CSR",
                    transaction, e);
        }
    }

    private static String readChallengePassword(PKCS10CertificationRequest csr, ScepTransaction transaction) {
        org.bouncycastle.asn1.pkcs.Attribute[] found =
                csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_challengePassword);
        if (found.length == 0) {
            return null;
        }
        if (found.length > 1 || found[0].getAttrValues().size() != 1) {
            throw new ScepException(ScepFailInfo.BAD_REQUEST, "the CSR's challengePassword must have exactly one value",
                    transaction);
        }
        ASN1Encodable value = found[0].getAttrValues().getObjectAt(0);
        if (value instanceof ASN1PrintableString s) {
            return s.getString();
        }
        if (value instanceof ASN1UTF8String s) {
            return s.getString();
        }
        if (value instanceof ASN1IA5String s) {
            return s.getString();
        }
        throw new ScepException(ScepFailInfo.BAD_REQUEST,
                "the CSR's challengePassword must be a PrintableString, UTF8String or IA5String", transaction);
    }

    /** IssuerAndSubject ::= SEQUENCE { issuer Name, subject Name } (RFC 8894 3.3.3). */
    private static X500Name[] parseIssuerAndSubject(byte[] content, ScepTransaction transaction) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(content));
            if (sequence.size() != 2) {
                throw new IllegalArgumentException("IssuerAndSubject has two elements");
            }
            return new X500Name[] {
                X500Name.getInstance(sequence.getObjectAt(0)), X500Name.getInstance(sequence.getObjectAt(1))};
        } catch (IOException | RuntimeException e) {
            throw new ScepException(ScepFailInfo.BAD_REQUEST, "the CertPoll content is not an IssuerAndSubject",
                    transaction, e);
        }
    }
}
