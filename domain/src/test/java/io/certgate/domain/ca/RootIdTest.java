package io.certgate.domain.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RootIdTest {

    @Test
    void theFirstGenerationKeepsTheAlgorithmsName() {
        assertEquals("RSA", RootId.first(IssueAuthority.RSA).toString());
        assertEquals(Optional.of(RootId.first(IssueAuthority.ECC)), RootId.parse("ecc"));
        assertEquals(Optional.of(RootId.first(IssueAuthority.RSA)), RootId.parse("RSA-G1"));
    }

    @Test
    void laterGenerationsAreNamedWithTheirNumber() {
        RootId g2 = new RootId(IssueAuthority.ECC, 2);
        assertEquals("ECC-G2", g2.toString());
        assertEquals(Optional.of(g2), RootId.parse(" ecc-g2 "));
        assertEquals(Optional.of(new RootId(IssueAuthority.RSA, 999)), RootId.parse("RSA-G999"));
    }

    @Test
    void anythingElseIsNoRoot() {
        for (String bad : java.util.Arrays.asList(null, "", "DSA", "RSA-G0", "RSA-G1000", "RSA-2", "RSA-G02", "RSAG2",
                "RSA-G2/../x")) {
            assertTrue(RootId.parse(bad).isEmpty(), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> new RootId(IssueAuthority.RSA, 0));
    }

    @Test
    void generationsOrderByAlgorithmThenNumber() {
        List<RootId> sorted = new java.util.ArrayList<>(List.of(new RootId(IssueAuthority.ECC, 2),
                new RootId(IssueAuthority.RSA, 10), RootId.first(IssueAuthority.ECC), new RootId(IssueAuthority.RSA, 2)));
        java.util.Collections.sort(sorted);
        assertEquals("[RSA-G2, RSA-G10, ECC, ECC-G2]", sorted.toString());
    }
}
