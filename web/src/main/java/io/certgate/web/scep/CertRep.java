package io.certgate.web.scep;

import io.certgate.ejb.ca.CryptoProviders;
import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The server's answer to a SCEP request (RFC 8894 3.3.2): a SignedData signed by the RA whose signed
 * attributes give the status and echo the transaction. Only SUCCESS has content: the issued certificate in a
 * certs-only SignedData, encrypted to the key that signed the request. Every method returns definite-length
 * encodings (certificates in the order given), because not every client parses BER's indefinite lengths. Each
 * call uses its ContentSigner once.
 */
public final class CertRep {

    /** pkiStatus values (RFC 8894 3.2.1.3). */
    static final String SUCCESS = "0";
    static final String FAILURE = "2";
    static final String PENDING = "3";

    private static final int NONCE_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertRep() {
    }

    /** SUCCESS: {@code issued}, alone in a certs-only SignedData because clients take its first certificate. */
    public static byte[] success(ScepRequest request, X509Certificate issued, ContentSigner raSigner,
            X509Certificate raCertificate) {
        byte[] certsOnly = degenerate(List.of(issued));
        byte[] envelope = envelope(certsOnly, request.signerCertificate());
        return sign(request.transaction(), SUCCESS, null, new CMSProcessableByteArray(envelope), raSigner,
                raCertificate);
    }

    /** PENDING: the request waits for approval; the client polls with CERT_POLL. */
    public static byte[] pending(ScepTransaction answerTo, ContentSigner raSigner, X509Certificate raCertificate) {
        return sign(answerTo, PENDING, null, null, raSigner, raCertificate);
    }

    /** FAILURE with the reason; needs only the transaction, so it also answers messages refused while parsing. */
    public static byte[] failure(ScepTransaction answerTo, ScepFailInfo failInfo, ContentSigner raSigner,
            X509Certificate raCertificate) {
        return sign(answerTo, FAILURE, failInfo, null, raSigner, raCertificate);
    }

    /** A certs-only ("degenerate") SignedData: no signer, no content, the certificates in the order given. */
    public static byte[] degenerate(List<X509Certificate> certificates) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new JcaCertStore(certificates));
            return definiteLength(generator.generate(new CMSAbsentContent()));
        } catch (CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalStateException("cannot build a certs-only SignedData", e);
        }
    }

    /** AES-128-CBC, key transported with RSA PKCS#1 v1.5: what go.mozilla.org/pkcs7 clients decrypt. */
    private static byte[] envelope(byte[] content, X509Certificate recipient) {
        try {
            CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(
                    new JceKeyTransRecipientInfoGenerator(recipient).setProvider(CryptoProviders.BC));
            CMSEnvelopedData enveloped = generator.generate(new CMSProcessableByteArray(content),
                    new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES128_CBC).setProvider(CryptoProviders.BC).build());
            return enveloped.toASN1Structure().getEncoded(ASN1Encoding.DL);
        } catch (CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalStateException("cannot encrypt the CertRep content to the requester", e);
        }
    }

    private static byte[] sign(ScepTransaction answerTo, String pkiStatus, ScepFailInfo failInfo, CMSTypedData content,
            ContentSigner raSigner, X509Certificate raCertificate) {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(attribute(ScepAttributes.TRANSACTION_ID, new DERPrintableString(answerTo.transactionId())));
        String certRep = ScepMessageType.CERT_REP.value();
        attributes.add(attribute(ScepAttributes.MESSAGE_TYPE, new DERPrintableString(certRep)));
        attributes.add(attribute(ScepAttributes.PKI_STATUS, new DERPrintableString(pkiStatus)));
        if (failInfo != null) {
            attributes.add(attribute(ScepAttributes.FAIL_INFO, new DERPrintableString(failInfo.value())));
        }
        attributes.add(attribute(ScepAttributes.SENDER_NONCE, new DEROctetString(freshNonce())));
        attributes.add(attribute(ScepAttributes.RECIPIENT_NONCE, new DEROctetString(answerTo.senderNonce())));
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            // the default generator adds contentType, messageDigest, signingTime (and cmsAlgorithmProtect)
            AttributeTable scep = new AttributeTable(attributes);
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(CryptoProviders.BC).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(scep))
                    .build(raSigner, new JcaX509CertificateHolder(raCertificate)));
            generator.addCertificate(new JcaX509CertificateHolder(raCertificate));
            // FAILURE and PENDING carry an empty eContent, not an absent one: OpenSSL-based clients (certmonger's scep
            // helper) cannot read a SignedData without it and took the answer for an unreachable CA (issue 18, interop)
            return definiteLength(generator.generate(content == null ? new CMSProcessableByteArray(new byte[0]) : content,
                    true));
        } catch (CertificateEncodingException | OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("cannot sign the CertRep", e);
        }
    }

    /**
     * Generated BER (BouncyCastle's default), written with definite lengths. Not setDefiniteLengthEncoding(true)
     * nor DER: either makes BouncyCastle DER-sort the certificates, and certs-only answers keep their order.
     */
    private static byte[] definiteLength(CMSSignedData signed) throws IOException {
        return signed.toASN1Structure().getEncoded(ASN1Encoding.DL);
    }

    private static Attribute attribute(ASN1ObjectIdentifier type, ASN1Encodable value) {
        return new Attribute(type, new DERSet(value));
    }

    private static byte[] freshNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }
}
