package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.ejb.ca.custody.KeyCustody;
import io.certgate.ejb.ca.custody.Pkcs12Custody;
import java.io.ByteArrayInputStream;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScepRaRenewalTest {

    static KeyCustody custody;
    static KeyCustody other;
    static X509Certificate infrastructureCa; // stands for the infrastructure CA: any RSA CA certificate will do
    static PublicKey raKey;

    @BeforeAll
    static void custody() throws Exception {
        custody = Pkcs12Custody.open(null, "test".toCharArray(), Instant.now()).custody();
        other = Pkcs12Custody.open(null, "test".toCharArray(), Instant.now()).custody();
        infrastructureCa = custody.certificate(IssueAuthority.RSA);
        raKey = custody.scepRaCertificate().getPublicKey();
    }

    static X509Certificate ra(KeyCustody by, PublicKey key, Duration left) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var holder = new CertificateSigner().sign(by.certificate(IssueAuthority.RSA), by.signer(IssueAuthority.RSA),
                new X500Name("CN=" + RaCertificates.SCEP_RA_NAME + ",OU=SCEP,O=certgate"),
                SubjectPublicKeyInfo.getInstance(key.getEncoded()), SerialNumbers.next(), now.minusSeconds(60),
                now.plus(left), new CertificateProfile(CertificateProfile.Usage.SCEP_RA, List.of(), "http://c",
                        "http://o", "http://i"));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
    }

    static Optional<String> reason(X509Certificate ra) {
        return ScepRaRenewal.reason(ra, infrastructureCa, raKey, Instant.now());
    }

    @Test
    void anRaCertificateOfTheInfrastructureCaForTheCustodyKeyWithTimeLeftServes() throws Exception {
        X509Certificate good = ra(custody, raKey, Duration.ofDays(397));
        assertEquals(Optional.empty(), reason(good));
        assertTrue(good.getKeyUsage()[0] && good.getKeyUsage()[2], "digitalSignature and keyEncipherment");
        assertNull(good.getExtendedKeyUsage(), "an RA certificate names no extended key usage");
        assertEquals(-1, good.getBasicConstraints(), "no CA");
        assertEquals(Optional.empty(), reason(ra(custody, raKey, ScepRaRenewal.RENEW_BEFORE.plusDays(1))));
    }

    @Test
    void noneSelfSignedOtherIssuerOtherKeyOrNearItsEndIsIssuedAnew() throws Exception {
        assertTrue(reason(null).orElseThrow().contains("no RA certificate"));
        X509Certificate custodys = custody.scepRaCertificate();
        assertEquals(custodys.getSubjectX500Principal(), custodys.getIssuerX500Principal(),
                "custody keeps a self-signed RA certificate beside the key: no root signs it");
        custodys.verify(raKey);
        assertTrue(reason(custodys).orElseThrow().contains("not issued by the current infrastructure CA"));
        assertTrue(reason(ra(other, raKey, Duration.ofDays(300))).orElseThrow()
                .contains("not issued by the current infrastructure CA"), "another CA (an earlier generation)");
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        assertTrue(reason(ra(custody, g.generateKeyPair().getPublic(), Duration.ofDays(300))).orElseThrow()
                .contains("another key"));
        assertTrue(reason(ra(custody, raKey, ScepRaRenewal.RENEW_BEFORE.minusDays(1))).orElseThrow()
                .contains("within 30 days"));
    }
}
