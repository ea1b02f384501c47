package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.est.CACertsResponse;
import org.bouncycastle.est.ESTException;
import org.bouncycastle.est.ESTService;
import org.bouncycastle.est.EnrollmentResponse;
import org.bouncycastle.est.jcajce.JcaHttpAuthBuilder;
import org.bouncycastle.est.jcajce.JsseESTServiceBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.Store;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, interop: BouncyCastle's own EST client ({@code org.bouncycastle.est}, as Java devices and gateways use it),
 * unmodified, against the running server: cacerts, simpleenroll with the device's HTTP Basic credentials (the client
 * answers the 401 challenge itself, which it could not while certgate's 401 carried a body), simplereenroll with the
 * device's certificate as TLS client certificate, and a wrong secret refused. The earlier interop tests built these
 * requests by hand.
 */
class EstBouncyCastleClientIT {

    private static final String SERVER = URI.create(RaAccount.HTTPS).getHost() + ":" + URI.create(RaAccount.HTTPS)
            .getPort();

    @BeforeAll
    static void clientCertificatesAreTrusted() {
        RaAccount.awaitClientCertificateTrust();
    }

    private static X509TrustManager trust() {
        for (TrustManager t : RaAccount.serverTrust()) {
            if (t instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new AssertionError("no X509TrustManager for the server's root");
    }

    /** BouncyCastle's EST service for a label, optionally with a TLS client certificate. */
    private static ESTService est(String label, KeyManager[] clientCertificate) {
        JsseESTServiceBuilder b = new JsseESTServiceBuilder(SERVER, trust());
        b.withTimeout(60_000);
        b.withLabel(label);
        if (clientCertificate != null) {
            b.withKeyManagers(clientCertificate);
        }
        return b.build();
    }

    /**
     * The device's key with its certificate and the chain above it, as cacerts gave it: JSSE presents a client
     * certificate only when its chain reaches a CA the server names in its TLS certificate request.
     */
    private static KeyManager[] keyManagers(KeyPair key, X509Certificate cert, Set<X509Certificate> cas)
            throws Exception {
        List<java.security.cert.Certificate> chain = new ArrayList<>(List.of(cert));
        for (X509Certificate c = cert; !c.getIssuerX500Principal().equals(c.getSubjectX500Principal()); ) {
            X509Certificate issuer = null;
            for (X509Certificate ca : cas) {
                if (ca.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                    issuer = ca;
                }
            }
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            c = issuer;
        }
        assertEquals(3, chain.size(), "certificate, issuing CA, root: " + chain);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "device".toCharArray();
        ks.setKeyEntry("device", key.getPrivate(), pw, chain.toArray(new java.security.cert.Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        return kmf.getKeyManagers();
    }

    private static PKCS10CertificationRequest csr(KeyPair key, String subject) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new org.bouncycastle.asn1.x500.X500Name(subject),
                key.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()));
    }

    private static List<X509Certificate> certificates(Store<X509CertificateHolder> store) throws Exception {
        List<X509Certificate> out = new ArrayList<>();
        Collection<X509CertificateHolder> all = store.getMatches(null);
        for (X509CertificateHolder h : all) {
            out.add(new JcaX509CertificateConverter().getCertificate(h));
        }
        return out;
    }

    /** The one end-entity certificate of an enrollment's answer (the others, if any, are its CA certificates). */
    private static X509Certificate enrolled(EnrollmentResponse r) throws Exception {
        assertTrue(r.isCompleted(), "issued at once, not pending (retry after " + r.getNotBefore() + ")");
        List<X509Certificate> certs = certificates(r.getStore());
        List<X509Certificate> leaves = certs.stream().filter(c -> c.getBasicConstraints() < 0).toList();
        assertEquals(1, leaves.size(), "one end-entity certificate: " + certs);
        return leaves.get(0);
    }

    @Test
    void cacertsSimpleenrollAndSimplereenrollWithBouncyCastlesClient() throws Exception {
        EstIT.EnrollingDevice device = EstIT.EnrollingDevice.create();
        String label = device.label();
        String deviceKey = device.deviceKey();
        String secret = device.secret();
        X509Certificate rsaRoot = Pki.root("RSA");

        // cacerts (RFC 7030 4.1): the organization's issuing CAs and the roots
        CACertsResponse cacerts = est(label, null).getCACerts();
        assertTrue(cacerts.hasCertificates());
        Set<X509Certificate> cas = new HashSet<>(certificates(cacerts.getCertificateStore()));
        assertTrue(cas.containsAll(Set.of(rsaRoot, Pki.root("ECC"))), cas.toString());
        assertEquals(4, cas.size(), "both roots and the organization's two issuing CAs: " + cas);

        // simpleenroll (4.2.1) with HTTP Basic: the client gets the 401 challenge and answers it
        KeyPair key = Pki.rsa(2048);
        String subject = "CN=" + deviceKey + ",O=Example Devices";
        X509Certificate first = enrolled(est(label, null).simpleEnroll(false, csr(key, subject),
                new JcaHttpAuthBuilder(deviceKey, secret.toCharArray()).build()));
        Pki.verifyChain(first, rsaRoot);
        assertTrue(cas.stream().anyMatch(ca -> ca.getSubjectX500Principal().equals(first.getIssuerX500Principal())),
                "signed by an issuing CA that cacerts listed");
        assertArrayEquals(key.getPublic().getEncoded(), first.getPublicKey().getEncoded());
        assertEquals(new javax.security.auth.x500.X500Principal(new org.bouncycastle.asn1.x500.X500Name(subject)
                .getEncoded()), first.getSubjectX500Principal(), "the CSR's subject, as encoded");

        // simplereenroll (4.2.2): the current certificate as TLS client certificate, a new key, the same subject
        KeyPair key2 = Pki.rsa(2048);
        X509Certificate second = enrolled(est(label, keyManagers(key, first, cas)).simpleEnroll(true, csr(key2, subject),
                null));
        Pki.verifyChain(second, rsaRoot);
        assertEquals(first.getSubjectX500Principal(), second.getSubjectX500Principal());
        assertNotEquals(first.getSerialNumber(), second.getSerialNumber());
        assertArrayEquals(key2.getPublic().getEncoded(), second.getPublicKey().getEncoded());
        assertEquals(2, Enos.ok(Enos.cert("list", device.id(), jakarta.json.Json.createObjectBuilder().build()))
                .getJsonArray("data").size(), "both bound to the device");

        // a wrong secret: the client answers the challenge, and is refused (401, no certificate)
        ESTException refused = assertThrows(ESTException.class, () -> est(label, null).simpleEnroll(false,
                csr(Pki.rsa(2048), subject), new JcaHttpAuthBuilder(deviceKey, "not-the-secret".toCharArray())
                        .build()));
        assertEquals(401, refused.getStatusCode(), refused.toString());
    }
}
