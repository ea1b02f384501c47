package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.certgate.domain.ca.IssueAuthority;
import org.junit.jupiter.api.Test;

class SignatureSchemeTest {

    @Test
    void theDefaultIsSha256() {
        assertEquals("SHA256withRSA", SignatureScheme.DEFAULT.algorithmFor(IssueAuthority.RSA));
        assertEquals("SHA256withECDSA", SignatureScheme.DEFAULT.algorithmFor(IssueAuthority.ECC));
    }

    @Test
    void hashesAndPss() {
        assertEquals("SHA384withRSA", new SignatureScheme("sha384", false).algorithmFor(IssueAuthority.RSA));
        assertEquals("SHA512withECDSA", new SignatureScheme("SHA-512", false).algorithmFor(IssueAuthority.ECC));
        assertEquals("SHA256withRSAandMGF1", new SignatureScheme("sha256", true).algorithmFor(IssueAuthority.RSA));
        assertThrows(InvalidSignatureSchemeException.class,
                () -> new SignatureScheme("sha256", true).algorithmFor(IssueAuthority.ECC));
        assertThrows(InvalidSignatureSchemeException.class, () -> new SignatureScheme("sha1", false));
    }

    @Test
    void customSignersSignWithTheRequestedScheme() throws Exception {
        var custody = io.certgate.ejb.ca.custody.Pkcs12Custody.open(null, "t".toCharArray(), java.time.Instant.now())
                .custody();
        var pss = custody.signer(IssueAuthority.RSA, "SHA256withRSAandMGF1");
        assertEquals(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_RSASSA_PSS,
                pss.getAlgorithmIdentifier().getAlgorithm());
        var sha384 = custody.signer(IssueAuthority.ECC, "SHA384withECDSA");
        assertEquals(org.bouncycastle.asn1.x9.X9ObjectIdentifiers.ecdsa_with_SHA384,
                sha384.getAlgorithmIdentifier().getAlgorithm());
    }
}
