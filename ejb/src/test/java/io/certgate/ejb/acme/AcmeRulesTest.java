package io.certgate.ejb.acme;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.acme.AcmeStatus;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order state machine, identifiers, key authorizations, CSR names and renewal windows of ACME. */
class AcmeRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(1));

    @Test
    void anOrderIsPendingUntilEveryAuthorizationIsValidThenReady() {
        assertEquals(AcmeStatus.PENDING, AcmeRules.orderStatus(AcmeStatus.PENDING, LATER,
                List.of(AcmeStatus.VALID, AcmeStatus.PENDING), NOW));
        assertEquals(AcmeStatus.READY, AcmeRules.orderStatus(AcmeStatus.PENDING, LATER,
                List.of(AcmeStatus.VALID, AcmeStatus.VALID), NOW));
        assertEquals(AcmeStatus.INVALID, AcmeRules.orderStatus(AcmeStatus.PENDING, LATER,
                List.of(AcmeStatus.VALID, AcmeStatus.INVALID), NOW), "a failed challenge ends the order");
        assertEquals(AcmeStatus.INVALID, AcmeRules.orderStatus(AcmeStatus.PENDING, LATER,
                List.of(AcmeStatus.EXPIRED), NOW));
        assertEquals(AcmeStatus.INVALID, AcmeRules.orderStatus(AcmeStatus.PENDING, NOW,
                List.of(AcmeStatus.VALID), NOW), "an expired order");
        assertEquals(AcmeStatus.VALID, AcmeRules.orderStatus(AcmeStatus.VALID, NOW, List.of(AcmeStatus.EXPIRED), NOW),
                "issued stays valid");
        assertEquals(AcmeStatus.PROCESSING, AcmeRules.orderStatus(AcmeStatus.PROCESSING, LATER,
                List.of(AcmeStatus.VALID), NOW));
    }

    @Test
    void identifiersAreDnsNamesLowerCaseWithoutDuplicates() {
        assertEquals(List.of("www.example.com", "*.example.com"), AcmeRules.dnsNames(List.of(
                new AcmeRules.Identifier("dns", "WWW.Example.com."), new AcmeRules.Identifier("dns", "*.example.com"),
                new AcmeRules.Identifier("dns", "www.example.com"))));
        assertEquals(AcmeError.UNSUPPORTED_IDENTIFIER, assertThrows(AcmeException.class, () -> AcmeRules.dnsNames(
                List.of(new AcmeRules.Identifier("ip", "10.0.0.1")))).error());
        for (String bad : new String[] {"a.*.example.com", "*", "example", "-a.example.com", "a b.example.com",
                "1.2.3.4", ""}) {
            assertEquals(AcmeError.REJECTED_IDENTIFIER, assertThrows(AcmeException.class, () -> AcmeRules.dnsNames(
                    List.of(new AcmeRules.Identifier("dns", bad)))).error(), bad);
        }
        assertEquals(AcmeError.MALFORMED, assertThrows(AcmeException.class, () -> AcmeRules.dnsNames(List.of()))
                .error());
        List<AcmeRules.Identifier> many = java.util.stream.IntStream.range(0, AcmeRules.MAX_IDENTIFIERS + 1)
                .mapToObj(i -> new AcmeRules.Identifier("dns", "n" + i + ".example.com")).toList();
        assertEquals(AcmeError.REJECTED_IDENTIFIER, assertThrows(AcmeException.class, () -> AcmeRules.dnsNames(many))
                .error());
    }

    @Test
    void keyAuthorizationAndItsDnsDigest() {
        // RFC 8555 8.1 / 8.4: token "." thumbprint; the TXT value is base64url(SHA-256(key authorization))
        String ka = AcmeRules.keyAuthorization("evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA",
                "nP1qzpXGymHBrUEepNY9HCsQk7K8KhOypzEt62jcerQ");
        assertEquals("evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA.nP1qzpXGymHBrUEepNY9HCsQk7K8KhOypzEt62jcerQ", ka);
        assertEquals(43, AcmeRules.dnsDigest(ka).length());
        assertTrue(AcmeRules.dnsDigest(ka).matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void aCsrNamesExactlyTheOrdersIdentifiers() {
        List<String> order = List.of("a.example.com", "b.example.com");
        assertDoesNotThrow(() -> AcmeRules.requireCsrNames(order, List.of("B.example.com", "a.example.com"), null));
        assertDoesNotThrow(() -> AcmeRules.requireCsrNames(order, List.of("b.example.com"), "a.example.com"));
        assertEquals(AcmeError.BAD_CSR, assertThrows(AcmeException.class, () -> AcmeRules.requireCsrNames(order,
                List.of("a.example.com"), null)).error(), "one missing");
        assertEquals(AcmeError.BAD_CSR, assertThrows(AcmeException.class, () -> AcmeRules.requireCsrNames(order,
                List.of("a.example.com", "b.example.com", "c.example.com"), null)).error(), "one more");
        assertEquals(AcmeError.BAD_CSR, assertThrows(AcmeException.class, () -> AcmeRules.requireCsrNames(order,
                order, "c.example.com")).error(), "a commonName outside");
    }

    @Test
    void renewalWindowsAndAriIdentifiers() {
        Instant nb = NOW;
        Instant na = NOW.plus(Duration.ofDays(90));
        AcmeRules.RenewalWindow w = AcmeRules.renewalWindow(nb, na, false, NOW);
        assertEquals(NOW.plus(Duration.ofDays(60)), w.start());
        assertEquals(NOW.plus(Duration.ofDays(75)), w.end());
        AcmeRules.RenewalWindow revoked = AcmeRules.renewalWindow(nb, na, true, NOW);
        assertTrue(!revoked.end().isAfter(NOW), "a revoked certificate: renew now");

        // RFC 9773 appendix A: aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE
        AcmeRules.CertId id = AcmeRules.certId("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE");
        assertEquals(new BigInteger("87654321", 16), id.serial());
        assertEquals("aYhba4dGQEHhs3uEe6CuLN4ByNQ", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(id.authorityKeyId()));
        assertEquals("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE", id.wire());
        for (String bad : new String[] {"", "abc", ".AIdlQyE", "aYhb.", "a.b.c", "aYhb.gA"}) {
            assertThrows(AcmeException.class, () -> AcmeRules.certId(bad), bad);
        }
    }

    @Test
    void anAccountsNewOrdersWaitOnceTheHourHoldsTheLimit() {
        Duration hour = Duration.ofHours(1);
        List<Instant> two = List.of(NOW.minusSeconds(100), NOW.minusSeconds(1000));
        assertTrue(AcmeRules.orderWait(two, 3, hour, NOW).isEmpty(), "below the limit");
        assertTrue(AcmeRules.orderWait(two, 0, hour, NOW).isEmpty(), "0: no limit");
        // at the limit: until the limit-th newest (1000 s old) leaves the hour
        assertEquals(Duration.ofSeconds(2600), AcmeRules.orderWait(two, 2, hour, NOW).orElseThrow());
        assertEquals(Duration.ofSeconds(3500), AcmeRules.orderWait(two, 1, hour, NOW).orElseThrow());
        // never less than a second
        assertEquals(Duration.ofSeconds(1), AcmeRules.orderWait(List.of(NOW.minus(hour)), 1, hour, NOW)
                .orElseThrow());
    }
}
