package io.certgate.ejb.enrollment.dcv;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * ACME tls-alpn-01 (RFC 8737) against a TLS server on loopback that negotiates acme-tls/1 and presents a
 * self-signed certificate: the right one proves control; another key authorization, a second name, a missing or
 * non-critical acmeIdentifier, or a server that does not speak acme-tls/1 do not.
 */
class TlsAlpnChallengeTest {

    private static final String NAME = "alpn.example.com";
    private static final String KEY_AUTHORIZATION = "token.thumbprint";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Test
    void theChallengeCertificateProvesControl() throws Exception {
        assertTrue(check(certificate(digest(KEY_AUTHORIZATION), true, NAME), true));
    }

    @Test
    void anythingElseDoesNot() throws Exception {
        assertFalse(check(certificate(digest("other.thumbprint"), true, NAME), true), "another key authorization");
        assertFalse(check(certificate(digest(KEY_AUTHORIZATION), true, NAME, "www.example.com"), true), "two names");
        assertFalse(check(certificate(digest(KEY_AUTHORIZATION), false, NAME), true), "not critical");
        assertFalse(check(certificate(null, false, NAME), true), "no acmeIdentifier");
        assertFalse(check(certificate(digest(KEY_AUTHORIZATION), true, NAME), false), "no acme-tls/1");
    }

    /** Runs one TLS server answering one handshake with this certificate, and checks it. */
    private static boolean check(Object[] served, boolean alpn) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("k", ((KeyPair) served[1]).getPrivate(), "p".toCharArray(),
                new X509Certificate[] {(X509Certificate) served[0]});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "p".toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        try (LoopbackDns dns = LoopbackDns.start();
             SSLServerSocket socket = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1,
                     InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) socket.accept()) {
                    s.setHandshakeApplicationProtocolSelector((engine, offered) ->
                            alpn && offered.contains("acme-tls/1") ? "acme-tls/1" : null);
                    s.startHandshake();
                } catch (Exception e) {
                    // the client may hang up
                }
            });
            t.setDaemon(true);
            t.start();
            DomainControlCheck check = new DomainControlCheck(new InetSocketAddress("127.0.0.1", dns.port()), 80,
                    TIMEOUT, true, socket.getLocalPort());
            return check.tlsAlpnChallenge(NAME, KEY_AUTHORIZATION);
        }
    }

    private static byte[] digest(String keyAuthorization) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(keyAuthorization.getBytes(StandardCharsets.UTF_8));
    }

    private static Object[] certificate(byte[] acmeIdentifier, boolean critical, String... names) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = g.generateKeyPair();
        X500Name subject = new X500Name("CN=acme-tls-alpn");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                new Date(System.currentTimeMillis() - 60_000), new Date(System.currentTimeMillis() + 3_600_000),
                subject, key.getPublic());
        GeneralName[] san = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            san[i] = new GeneralName(GeneralName.dNSName, names[i]);
        }
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
        if (acmeIdentifier != null) {
            b.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.31"), critical,
                    new DEROctetString(acmeIdentifier));
        }
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
        return new Object[] {cert, key};
    }
}
