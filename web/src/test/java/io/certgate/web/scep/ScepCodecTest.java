package io.certgate.web.scep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.ejb.ca.CryptoProviders;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
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
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The codec against messages made the way micromdm's scepclient (go.mozilla.org/pkcs7) makes them, and its
 * answers read the way that client reads them. The SCEP OIDs are spelled out here, not taken from the codec,
 * so a wrong OID there fails here.
 */
class ScepCodecTest {

    private static final Provider BC = CryptoProviders.BC;
    private static final int MAX_BYTES = 64 * 1024;

    private static final ASN1ObjectIdentifier MESSAGE_TYPE = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.2");
    private static final ASN1ObjectIdentifier PKI_STATUS = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.3");
    private static final ASN1ObjectIdentifier FAIL_INFO = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.4");
    private static final ASN1ObjectIdentifier SENDER_NONCE = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.5");
    private static final ASN1ObjectIdentifier RECIPIENT_NONCE = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.6");
    private static final ASN1ObjectIdentifier TRANSACTION_ID = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.7");

    private static final String TX = "Yk3vT+1a/Q9zXw==";
    private static final byte[] NONCE = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicLong SERIALS = new AtomicLong(1000);

    private static KeyPair rootKey;
    private static KeyPair raKey;
    private static KeyPair clientKey;
    private static KeyPair otherKey;
    private static X509Certificate root;
    private static X509Certificate ra;
    private static X509Certificate client;
    private static X509Certificate other;

    @BeforeAll
    static void pki() throws Exception {
        rootKey = rsa();
        raKey = rsa();
        clientKey = rsa();
        otherKey = rsa();
        Instant now = Instant.now();
        root = certificate("CN=Test Root", rootKey.getPublic(), "CN=Test Root", rootKey.getPrivate(), true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign, now);
        ra = certificate("CN=Test SCEP RA", raKey.getPublic(), "CN=Test Root", rootKey.getPrivate(), false,
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment, now);
        client = certificate("CN=dev-1", clientKey.getPublic(), "CN=dev-1", clientKey.getPrivate(), false,
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment, now);
        other = certificate("CN=someone else", otherKey.getPublic(), "CN=someone else", otherKey.getPrivate(), false,
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment, now);
    }

    // --- requests ---

    @ParameterizedTest(name = "content encryption {0}")
    @ValueSource(strings = {"1.3.14.3.2.7", "2.16.840.1.101.3.4.1.2", "2.16.840.1.101.3.4.1.42", "1.2.840.113549.3.7"})
    void pkcsReqEncryptedToTheRootAndTheRaParses(String encryption) throws Exception {
        ClientMessage m = new ClientMessage();
        m.encryption = new ASN1ObjectIdentifier(encryption);
        m.recipients = List.of(root, ra);
        byte[] der = m.encode();
        assertEquals(m.encryption, envelopeOf(der).getContentEncryptionAlgorithm().getAlgorithm(),
                "the test's own envelope");

        ScepRequest req = parse(der);
        assertEquals(ScepMessageType.PKCS_REQ, req.type());
        assertEquals(TX, req.transactionId());
        assertArrayEquals(NONCE, req.senderNonce());
        assertArrayEquals(client.getEncoded(), req.signerCertificate().getEncoded());
        assertEquals("secret-1", req.challengePassword());
        assertEquals(new X500Name("CN=dev-1"), req.csr().getSubject());
        assertArrayEquals(m.content, req.content());
    }

    @Test
    void csrPemIsTheCsrIn64CharacterLines() throws Exception {
        ScepRequest req = parse(new ClientMessage().encode());
        String[] lines = req.csrPem().split("\n");
        assertEquals("-----BEGIN CERTIFICATE REQUEST-----", lines[0]);
        assertEquals("-----END CERTIFICATE REQUEST-----", lines[lines.length - 1]);
        StringBuilder b64 = new StringBuilder();
        for (int i = 1; i < lines.length - 1; i++) {
            assertTrue(lines[i].length() == 64 || i == lines.length - 2 && lines[i].length() <= 64, lines[i]);
            b64.append(lines[i]);
        }
        assertArrayEquals(req.csr().getEncoded(), Base64.getDecoder().decode(b64.toString()));
    }

    @Test
    void renewalReqCarriesACsrToo() throws Exception {
        ClientMessage m = new ClientMessage();
        m.messageType = "17";
        ScepRequest req = parse(m.encode());
        assertEquals(ScepMessageType.RENEWAL_REQ, req.type());
        assertEquals(new X500Name("CN=dev-1"), req.csr().getSubject());
    }

    @Test
    void challengePasswordAsUtf8StringOrAbsent() throws Exception {
        ClientMessage utf8 = new ClientMessage();
        utf8.content = csr(new DERUTF8String("sécret-2")).getEncoded();
        assertEquals("sécret-2", parse(utf8.encode()).challengePassword());

        ClientMessage none = new ClientMessage();
        none.content = csr(null).getEncoded();
        assertNull(parse(none.encode()).challengePassword());
    }

    @Test
    void certPollNamesIssuerAndSubject() throws Exception {
        ClientMessage m = new ClientMessage();
        m.messageType = "20";
        m.content = new DERSequence(new ASN1Encodable[] {new X500Name("CN=Test Root"), new X500Name("CN=dev-1")})
                .getEncoded();
        ScepRequest req = parse(m.encode());
        assertEquals(ScepMessageType.CERT_POLL, req.type());
        assertEquals(new X500Name("CN=Test Root"), req.pollIssuer());
        assertEquals(new X500Name("CN=dev-1"), req.pollSubject());
        assertThrows(IllegalStateException.class, req::csr);
    }

    @Test
    void messageTypeTextIsTheDecimalCode() {
        assertEquals(ScepMessageType.PKCS_REQ, ScepMessageType.of("19"));
        assertEquals(ScepMessageType.CERT_POLL, ScepMessageType.of("20"));
        assertEquals(ScepMessageType.GET_CRL, ScepMessageType.of("22"));
        assertThrows(IllegalArgumentException.class, () -> ScepMessageType.of("019"));
        assertThrows(IllegalArgumentException.class, () -> ScepMessageType.of(null));
    }

    // --- answers ---

    @Test
    void successIsReadableByTheClient() throws Exception {
        ClientMessage m = new ClientMessage();
        m.encryption = CMSAlgorithm.DES_CBC;
        ScepRequest req = parse(m.encode());
        X509Certificate issued = certificate("CN=dev-1", clientKey.getPublic(), "CN=Test Root", rootKey.getPrivate(),
                false, KeyUsage.digitalSignature, Instant.now());

        byte[] der = CertRep.success(req, issued, raSigner(), ra);

        Answer answer = Answer.read(der);
        assertEquals("3", answer.printable(MESSAGE_TYPE));
        assertEquals("0", answer.printable(PKI_STATUS));
        assertNull(answer.attributes.get(FAIL_INFO));
        assertEquals(TX, answer.printable(TRANSACTION_ID));
        assertArrayEquals(NONCE, answer.octets(RECIPIENT_NONCE));
        assertEquals(16, answer.octets(SENDER_NONCE).length);
        assertFalse(java.util.Arrays.equals(NONCE, answer.octets(SENDER_NONCE)), "the server's own nonce");
        assertEquals(CMSObjectIdentifiers.data.getId(), answer.signed.getSignedContentTypeOID());

        byte[] envelopeDer = (byte[]) answer.signed.getSignedContent().getContent();
        assertDefiniteLength(envelopeDer);
        CMSEnvelopedData envelope = new CMSEnvelopedData(envelopeDer);
        assertEquals(CMSAlgorithm.AES128_CBC, envelope.getContentEncryptionAlgorithm().getAlgorithm());
        X509CertificateHolder clientHolder = new JcaX509CertificateHolder(client);
        RecipientInformation toClient = envelope.getRecipientInfos()
                .get(new KeyTransRecipientId(clientHolder.getIssuer(), clientHolder.getSerialNumber()));
        assertNotNull(toClient, "encrypted to the certificate that signed the request");
        assertEquals(PKCSObjectIdentifiers.rsaEncryption, toClient.getKeyEncryptionAlgorithm().getAlgorithm(),
                "RSA PKCS#1 v1.5 key transport");
        byte[] certsOnly =
                toClient.getContent(new JceKeyTransEnvelopedRecipient(clientKey.getPrivate()).setProvider(BC));

        assertDefiniteLength(certsOnly);
        SignedData inner = signedData(certsOnly);
        assertEquals(0, inner.getSignerInfos().size());
        assertNull(inner.getEncapContentInfo().getContent());
        assertEquals(1, inner.getCertificates().size(), "only the issued certificate");
        assertArrayEquals(issued.getEncoded(), inner.getCertificates().getObjectAt(0).toASN1Primitive().getEncoded());
    }

    @Test
    void pendingHasStatus3AndAnEmptyContent() throws Exception {
        ScepRequest req = parse(new ClientMessage().encode());
        Answer answer = Answer.read(CertRep.pending(req.transaction(), raSigner(), ra));
        assertEquals("3", answer.printable(MESSAGE_TYPE));
        assertEquals("3", answer.printable(PKI_STATUS));
        assertNull(answer.attributes.get(FAIL_INFO));
        assertEquals(TX, answer.printable(TRANSACTION_ID));
        assertArrayEquals(NONCE, answer.octets(RECIPIENT_NONCE));
        assertEquals(16, answer.octets(SENDER_NONCE).length);
        assertEmptyContent(answer);
    }

    /** Issue 18, interop: OpenSSL-based clients need an encapsulated content, empty for PENDING and FAILURE. */
    private static void assertEmptyContent(Answer answer) {
        assertNotNull(answer.signed.getSignedContent(), "an eContent, not an absent one");
        assertArrayEquals(new byte[0], (byte[]) answer.signed.getSignedContent().getContent());
    }

    @Test
    void failureNeedsOnlyTheTransactionIdAndNonce() throws Exception {
        byte[] nonce = {1, 2, 3, 4, 5, 6, 7, 8};
        Answer answer = Answer.read(CertRep.failure(new ScepTransaction("tx-2", nonce), ScepFailInfo.BAD_REQUEST,
                raSigner(), ra));
        assertEquals("3", answer.printable(MESSAGE_TYPE));
        assertEquals("2", answer.printable(PKI_STATUS));
        assertEquals("2", answer.printable(FAIL_INFO));
        assertEquals("tx-2", answer.printable(TRANSACTION_ID));
        assertArrayEquals(nonce, answer.octets(RECIPIENT_NONCE));
        assertEmptyContent(answer);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(booleans = {true, false})
    void degenerateKeepsTheCertificatesInTheOrderGiven(boolean raFirst) throws Exception {
        List<X509Certificate> given = raFirst ? List.of(ra, root) : List.of(root, ra);
        byte[] der = CertRep.degenerate(given);
        assertDefiniteLength(der);
        SignedData sd = signedData(der);
        assertEquals(0, sd.getSignerInfos().size());
        assertNull(sd.getEncapContentInfo().getContent());
        assertEquals(2, sd.getCertificates().size());
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(given.get(i).getEncoded(),
                    sd.getCertificates().getObjectAt(i).toASN1Primitive().getEncoded());
        }
    }

    // --- refusals ---

    @Test
    void tamperedSignatureIsBadMessageCheckAnsweredToTheTransaction() throws Exception {
        byte[] der = new ClientMessage().encode();
        byte[] signature = new CMSSignedData(der).getSignerInfos().getSigners().iterator().next().getSignature();
        der[indexOf(der, signature) + signature.length - 1] ^= 1;

        ScepException e = assertThrows(ScepException.class, () -> parse(der));
        assertEquals(ScepFailInfo.BAD_MESSAGE_CHECK, e.failInfo());
        assertTrue(e.getMessage().contains("signature does not verify"), e.getMessage());
        assertTrue(e.answerable());
        assertEquals(TX, e.answerTo().transactionId());
        assertArrayEquals(NONCE, e.answerTo().senderNonce());
        Answer answer = Answer.read(CertRep.failure(e.answerTo(), e.failInfo(), raSigner(), ra));
        assertEquals("1", answer.printable(FAIL_INFO));
        assertArrayEquals(NONCE, answer.octets(RECIPIENT_NONCE));
    }

    @Test
    void contentChangedAfterSigningIsBadMessageCheck() throws Exception {
        byte[] der = new ClientMessage().encode();
        byte[] envelope = (byte[]) new CMSSignedData(der).getSignedContent().getContent();
        der[indexOf(der, envelope) + envelope.length - 1] ^= 1;
        ScepException e = assertThrows(ScepException.class, () -> parse(der));
        assertEquals(ScepFailInfo.BAD_MESSAGE_CHECK, e.failInfo());
        assertTrue(e.getMessage().contains("messageDigest"), e.getMessage());
    }

    @Test
    void signerCertificateMissingIsBadMessageCheck() throws Exception {
        ClientMessage m = new ClientMessage();
        m.includeSignerCertificate = false;
        ScepException e = assertThrows(ScepException.class, () -> parse(m.encode()));
        assertEquals(ScepFailInfo.BAD_MESSAGE_CHECK, e.failInfo());
        assertTrue(e.getMessage().contains("not among its certificates"), e.getMessage());
        assertTrue(e.answerable());
    }

    @Test
    void signingTimeBeforeTheSignerCertificateIsBadTime() throws Exception {
        ClientMessage m = new ClientMessage();
        m.signerCertificate = certificate("CN=dev-1", clientKey.getPublic(), "CN=dev-1", clientKey.getPrivate(), false,
                KeyUsage.digitalSignature, Instant.now().plus(Duration.ofDays(2)));
        ScepException e = assertThrows(ScepException.class, () -> parse(m.encode()));
        assertEquals(ScepFailInfo.BAD_TIME, e.failInfo());
        assertTrue(e.answerable());
    }

    @Test
    void envelopeNotForTheRaIsBadRequest() throws Exception {
        ClientMessage m = new ClientMessage();
        m.recipients = List.of(root, other);
        ScepException e = assertThrows(ScepException.class, () -> parse(m.encode()));
        assertEquals(ScepFailInfo.BAD_REQUEST, e.failInfo());
        assertTrue(e.answerable());
        assertTrue(e.getMessage().contains("not encrypted to this server's SCEP RA certificate"), e.getMessage());
    }

    /** A request encrypted to an earlier (or another instance's) certificate of the RA key opens when it is listed. */
    @Test
    void envelopeForAnotherListedCertificateOfTheRaKeyParses() throws Exception {
        X509Certificate earlier = certificate("CN=Test SCEP RA", raKey.getPublic(), "CN=Test SCEP RA",
                raKey.getPrivate(), false, KeyUsage.digitalSignature | KeyUsage.keyEncipherment, Instant.now());
        ClientMessage m = new ClientMessage();
        m.recipients = List.of(earlier);
        byte[] der = m.encode();
        ScepException e = assertThrows(ScepException.class, () -> parse(der));
        assertTrue(e.getMessage().contains("not encrypted to this server's SCEP RA certificate"), e.getMessage());
        ScepRequest parsed = ScepRequest.parse(der, decryptor(), List.of(ra, earlier), MAX_BYTES);
        assertEquals(ScepMessageType.PKCS_REQ, parsed.type());
    }

    @Test
    void contentEncryptionOutsideTheListIsBadAlg() throws Exception {
        ClientMessage m = new ClientMessage();
        m.encryption = CMSAlgorithm.AES192_CBC;
        ScepException e = assertThrows(ScepException.class, () -> parse(m.encode()));
        assertEquals(ScepFailInfo.BAD_ALG, e.failInfo());
        assertTrue(e.answerable());
    }

    @Test
    void unknownMessageTypeIsBadRequestAnswered() throws Exception {
        ClientMessage m = new ClientMessage();
        m.messageType = "99";
        ScepException e = assertThrows(ScepException.class, () -> parse(m.encode()));
        assertEquals(ScepFailInfo.BAD_REQUEST, e.failInfo());
        assertTrue(e.answerable());
        m.messageType = "3";
        ScepException certRep = assertThrows(ScepException.class, () -> parse(m.encode()), "a CertRep sent back to us");
        assertEquals(ScepFailInfo.BAD_REQUEST, certRep.failInfo());
        assertTrue(certRep.answerable());
    }

    @Test
    void contentThatIsNotACsrIsBadRequestAnswered() throws Exception {
        ClientMessage m = new ClientMessage();
        m.content = "not a CSR".getBytes(StandardCharsets.US_ASCII);
        ScepException e = assertThrows(ScepException.class, () -> parse(m.encode()));
        assertEquals(ScepFailInfo.BAD_REQUEST, e.failInfo());
        assertTrue(e.answerable());
    }

    @Test
    void withoutSenderNonceNothingCanBeAnswered() throws Exception {
        ClientMessage m = new ClientMessage();
        m.senderNonce = null;
        ScepException e = assertThrows(UnreadableScepMessageException.class, () -> parse(m.encode()));
        assertTrue(e.getMessage().contains("senderNonce"), e.getMessage());
        assertFalse(e.answerable());
        assertNull(e.answerTo());
    }

    @Test
    void garbageAndNonScepCmsAreUnreadable() {
        ScepException garbage = assertThrows(UnreadableScepMessageException.class,
                () -> parse("GET /cgi-bin/pkiclient.exe".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(ScepFailInfo.BAD_REQUEST, garbage.failInfo());
        assertFalse(garbage.answerable());
        assertThrows(UnreadableScepMessageException.class, () -> parse(new byte[0]));
        // a SignedData without a signer, as GetCACert answers
        assertThrows(UnreadableScepMessageException.class, () -> parse(CertRep.degenerate(List.of(root))));
    }

    @Test
    void largerThanTheBoundIsRefusedBeforeParsing() throws Exception {
        byte[] der = new ClientMessage().encode();
        ScepException e = assertThrows(UnreadableScepMessageException.class,
                () -> ScepRequest.parse(der, decryptor(), ra, der.length - 1));
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
        assertEquals(TX, ScepRequest.parse(der, decryptor(), ra, der.length).transactionId());
    }

    // --- the client's side ---

    /** A client message as scepclient builds it: CSR enveloped to the CA certificates, signed by the device key. */
    private static final class ClientMessage {
        String messageType = "19";
        String transactionId = TX;
        byte[] senderNonce = NONCE;
        byte[] content = csr(new DERPrintableString("secret-1")).getEncoded();
        ASN1ObjectIdentifier encryption = CMSAlgorithm.AES128_CBC;
        List<X509Certificate> recipients = List.of(root, ra);
        X509Certificate signerCertificate = client;
        boolean includeSignerCertificate = true;

        ClientMessage() throws Exception {
        }

        byte[] encode() throws Exception {
            CMSEnvelopedDataGenerator envelope = new CMSEnvelopedDataGenerator();
            for (X509Certificate r : recipients) {
                envelope.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(r).setProvider(BC));
            }
            byte[] enveloped = envelope.generate(new CMSProcessableByteArray(content),
                    new JceCMSContentEncryptorBuilder(encryption).setProvider(BC).build()).getEncoded();

            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(TRANSACTION_ID, new DERSet(new DERPrintableString(transactionId))));
            attributes.add(new Attribute(MESSAGE_TYPE, new DERSet(new DERPrintableString(messageType))));
            if (senderNonce != null) {
                attributes.add(new Attribute(SENDER_NONCE, new DERSet(new DEROctetString(senderNonce))));
            }
            CMSSignedDataGenerator signed = new CMSSignedDataGenerator();
            AttributeTable scep = new AttributeTable(attributes);
            signed.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(scep))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(clientKey.getPrivate()),
                            signerCertificate));
            if (includeSignerCertificate) {
                signed.addCertificate(new JcaX509CertificateHolder(signerCertificate));
            }
            // definite lengths, as go's encoding/asn1 writes them
            return signed.generate(new CMSProcessableByteArray(enveloped), true).toASN1Structure()
                    .getEncoded(ASN1Encoding.DL);
        }
    }

    /** A CertRep read as the client reads it: one signer, the RA, whose signature verifies. */
    private static final class Answer {
        final CMSSignedData signed;
        final AttributeTable attributes;

        private Answer(CMSSignedData signed, AttributeTable attributes) {
            this.signed = signed;
            this.attributes = attributes;
        }

        static Answer read(byte[] der) throws Exception {
            assertDefiniteLength(der);
            CMSSignedData signed = new CMSSignedData(der);
            assertEquals(1, signed.getSignerInfos().size());
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            List<X509CertificateHolder> signerCerts =
                    new ArrayList<>(signed.getCertificates().getMatches(signer.getSID()));
            assertEquals(List.of(new JcaX509CertificateHolder(ra)), signerCerts, "the RA certificate is in the answer");
            assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(ra)));
            return new Answer(signed, signer.getSignedAttributes());
        }

        String printable(ASN1ObjectIdentifier oid) {
            return assertInstanceOf(ASN1PrintableString.class, value(oid)).getString();
        }

        byte[] octets(ASN1ObjectIdentifier oid) {
            return assertInstanceOf(ASN1OctetString.class, value(oid)).getOctets();
        }

        private ASN1Encodable value(ASN1ObjectIdentifier oid) {
            Attribute attribute = attributes.get(oid);
            assertNotNull(attribute, oid.getId());
            assertEquals(1, attribute.getAttrValues().size());
            return attribute.getAttrValues().getObjectAt(0);
        }
    }

    // --- helpers ---

    private static ScepRequest parse(byte[] der) throws Exception {
        return ScepRequest.parse(der, decryptor(), ra, MAX_BYTES);
    }

    private static Recipient decryptor() {
        return new JceKeyTransEnvelopedRecipient(raKey.getPrivate()).setProvider(BC).setContentProvider(BC)
                .setMustProduceEncodableUnwrappedKey(true);
    }

    private static ContentSigner raSigner() throws Exception {
        return new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(raKey.getPrivate());
    }

    private static CMSEnvelopedData envelopeOf(byte[] message) throws Exception {
        return new CMSEnvelopedData((byte[]) new CMSSignedData(message).getSignedContent().getContent());
    }

    /** A DER encoding has definite lengths only: re-encoding it so gives the same bytes. */
    private static void assertDefiniteLength(byte[] der) throws Exception {
        assertArrayEquals(der, ASN1Primitive.fromByteArray(der).getEncoded(ASN1Encoding.DL), "definite lengths");
    }

    private static SignedData signedData(byte[] der) throws Exception {
        return SignedData.getInstance(ContentInfo.getInstance(ASN1Primitive.fromByteArray(der)).getContent());
    }

    private static PKCS10CertificationRequest csr(ASN1Encodable challengePassword) {
        try {
            JcaPKCS10CertificationRequestBuilder b = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=dev-1"),
                    clientKey.getPublic());
            if (challengePassword != null) {
                b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_challengePassword, challengePassword);
            }
            return b.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(clientKey.getPrivate()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    /** Valid for a day from five minutes before notBefore. */
    private static X509Certificate certificate(String subject, PublicKey key, String issuer, PrivateKey issuerKey,
            boolean ca, int keyUsage, Instant notBefore) throws Exception {
        Instant from = notBefore.minus(Duration.ofMinutes(5));
        Date until = Date.from(from.plus(Duration.ofDays(1)));
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(from), until, new X500Name(subject), key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(issuerKey);
        return new JcaX509CertificateConverter().setProvider(BC).getCertificate(b.build(signer));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
