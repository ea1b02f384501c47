package io.certgate.it;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A minimal SCEP client (RFC 8894) for the messages Debian's scepclient never sends (CertPoll): pkiMessages
 * enveloped to the server's RA certificate and signed by a self-signed certificate of the client's key, and
 * the server's CertRep read and verified against the RA certificate from GetCACert.
 */
final class ScepClient {

    private static final ASN1ObjectIdentifier MESSAGE_TYPE = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.2");
    private static final ASN1ObjectIdentifier PKI_STATUS = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.3");
    private static final ASN1ObjectIdentifier FAIL_INFO = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.4");
    private static final ASN1ObjectIdentifier SENDER_NONCE = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.5");
    private static final ASN1ObjectIdentifier RECIPIENT_NONCE = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.6");
    private static final ASN1ObjectIdentifier TRANSACTION_ID = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.7");

    private final String url;
    private final KeyPair key;
    private final X509Certificate ra;
    private final X509Certificate root;

    ScepClient(String url, KeyPair key) throws Exception {
        this.url = url;
        this.key = key;
        HttpResponse<byte[]> ca = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                + "?operation=GetCACert")).build(), HttpResponse.BodyHandlers.ofByteArray());
        List<X509Certificate> certs = new ArrayList<>();
        for (X509CertificateHolder h : new CMSSignedData(ca.body()).getCertificates().getMatches(null)) {
            certs.add(new JcaX509CertificateConverter().getCertificate(h));
        }
        this.ra = certs.stream().filter(c -> c.getBasicConstraints() == -1).findFirst().orElseThrow();
        // a client can chain the RA: the CA that issued it (the infrastructure CA, not a root) is in the answer
        X509Certificate raIssuer = certs.stream().filter(c -> c.getBasicConstraints() >= 0
                && c.getSubjectX500Principal().equals(ra.getIssuerX500Principal())).findFirst()
                .orElseThrow(() -> new AssertionError("GetCACert names no CA that issued the RA: " + certs));
        ra.verify(raIssuer.getPublicKey());
        if (raIssuer.getSubjectX500Principal().equals(raIssuer.getIssuerX500Principal())) {
            throw new AssertionError("a root signs the SCEP RA certificate: " + ra.getIssuerX500Principal());
        }
        this.root = certs.stream().filter(c -> c.getBasicConstraints() >= 0).findFirst().orElseThrow();
    }

    KeyPair key() {
        return key;
    }

    /** A CertRep: its pkiStatus ("0" success, "2" failure, "3" pending), failInfo, and the decrypted certificate. */
    record Reply(String status, String failInfo, X509Certificate certificate) {
    }

    Reply pkcsReq(String transactionId, X500Name subject, String challenge) throws Exception {
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_challengePassword, new DERPrintableString(challenge))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())).getEncoded();
        return send("19", transactionId, csr, key);
    }

    /** PKCSReq signed with this client's key under a certificate it was issued (as certmonger renews). */
    Reply pkcsReqSignedBy(String transactionId, X500Name subject, String challenge, X509Certificate signerCertificate)
            throws Exception {
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_challengePassword, new DERPrintableString(challenge))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())).getEncoded();
        return send("19", transactionId, csr, key, signerCertificate);
    }

    /** GetCertInitial: IssuerAndSubject of the request, signed with {@code signer}. */
    Reply certPoll(String transactionId, X500Name subject, KeyPair signer) throws Exception {
        X500Name issuer = new JcaX509CertificateHolder(root).getSubject();
        byte[] issuerAndSubject = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {issuer, subject})
                .getEncoded();
        return send("20", transactionId, issuerAndSubject, signer);
    }

    private Reply send(String messageType, String transactionId, byte[] content, KeyPair signer) throws Exception {
        return send(messageType, transactionId, content, signer, null);
    }

    private Reply send(String messageType, String transactionId, byte[] content, KeyPair signer,
                       X509Certificate signerCertificate) throws Exception {
        X509Certificate self = signerCertificate != null ? signerCertificate : selfSigned(signer);
        CMSEnvelopedDataGenerator envelope = new CMSEnvelopedDataGenerator();
        envelope.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(ra));
        byte[] enveloped = envelope.generate(new CMSProcessableByteArray(content),
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES128_CBC).build()).getEncoded();
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(TRANSACTION_ID, new DERSet(new DERPrintableString(transactionId))));
        attributes.add(new Attribute(MESSAGE_TYPE, new DERSet(new DERPrintableString(messageType))));
        attributes.add(new Attribute(SENDER_NONCE, new DERSet(new DEROctetString(nonce))));
        CMSSignedDataGenerator signed = new CMSSignedDataGenerator();
        signed.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate()), self));
        signed.addCertificate(new JcaX509CertificateHolder(self));
        byte[] message = signed.generate(new CMSProcessableByteArray(enveloped), true).toASN1Structure()
                .getEncoded(ASN1Encoding.DL);
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                        + "?operation=PKIOperation")).header("Content-Type", "application/x-pki-message")
                .POST(HttpRequest.BodyPublishers.ofByteArray(message)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError("PKIOperation: HTTP " + r.statusCode() + " " + new String(r.body()));
        }
        return read(r.body(), nonce, signer, self);
    }

    /** Verifies the RA's signature and the echoed nonce, and decrypts a SUCCESS with the signer's key. */
    private Reply read(byte[] der, byte[] nonce, KeyPair signer, X509Certificate self) throws Exception {
        CMSSignedData answer = new CMSSignedData(der);
        SignerInformation si = answer.getSignerInfos().getSigners().iterator().next();
        if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(ra))) {
            throw new AssertionError("the CertRep is not signed by the RA");
        }
        AttributeTable a = si.getSignedAttributes();
        if (!java.util.Arrays.equals(nonce, ASN1OctetString.getInstance(a.get(RECIPIENT_NONCE).getAttrValues()
                .getObjectAt(0)).getOctets())) {
            throw new AssertionError("recipientNonce is not our senderNonce");
        }
        String status = ASN1PrintableString.getInstance(a.get(PKI_STATUS).getAttrValues().getObjectAt(0)).getString();
        String failInfo = a.get(FAIL_INFO) == null ? null
                : ASN1PrintableString.getInstance(a.get(FAIL_INFO).getAttrValues().getObjectAt(0)).getString();
        X509Certificate cert = null;
        if ("0".equals(status)) {
            CMSEnvelopedData env = new CMSEnvelopedData((byte[]) answer.getSignedContent().getContent());
            RecipientInformation ri = env.getRecipientInfos().getRecipients().iterator().next();
            byte[] degenerate = ri.getContent(new JceKeyTransEnvelopedRecipient(signer.getPrivate()));
            X509CertificateHolder h = new CMSSignedData(degenerate).getCertificates().getMatches(null).iterator().next();
            cert = new JcaX509CertificateConverter().getCertificate(h);
        }
        return new Reply(status, failInfo, cert);
    }

    private static X509Certificate selfSigned(KeyPair kp) throws Exception {
        X500Name name = new X500Name("CN=scep client");
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)),
                name, kp.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
    }
}
