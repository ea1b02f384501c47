package io.certgate.domain.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IssueAuthorityAndStatusTest {

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "rsa", "Rsa", " rsa "})
    void rsaIsCaseInsensitive(String v) {
        assertEquals(IssueAuthority.RSA, IssueAuthority.parse(v).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ECC", "ecc", "eCc"})
    void eccIsCaseInsensitive(String v) {
        assertEquals(IssueAuthority.ECC, IssueAuthority.parse(v).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EC", "DSA", "RSA2048", "ECDSA"})
    void anythingElseIsRejected(String v) {
        assertTrue(IssueAuthority.parse(v).isEmpty());
    }

    @Test
    void revocationReasonsAreTheDocumentedOnes() {
        for (int code : new int[] {0, 1, 3, 4, 5, 6, 9}) {
            assertEquals(code, RevocationReason.ofCode(code).orElseThrow().code());
        }
        for (int code : new int[] {-1, 2, 7, 8, 10, 99}) {
            assertTrue(RevocationReason.ofCode(code).isEmpty(), "code " + code);
        }
    }
}
