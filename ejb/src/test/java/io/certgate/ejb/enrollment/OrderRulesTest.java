package io.certgate.ejb.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DigiCert order and reissue rules: names per product, plans, certificate validity, hashes. */
class OrderRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static CertificateSpec spec(String cn, List<String> dns, List<String> emails, CertificateSpec.CertValidity v) {
        return new CertificateSpec(cn, dns, emails, "csr", null, null, null, false, null, null, v);
    }

    private static CertificateSpec.CertValidity v(Integer years, Integer days, LocalDate custom) {
        return new CertificateSpec.CertValidity(years, days, custom);
    }

    @Test
    void tlsNamesPutTheCommonNameFirstAndRefuseBadNames() {
        OrderRules.Names n = OrderRules.names(DigiCertProduct.SSL_MULTI_DOMAIN,
                spec("WWW.Example.com", List.of("a.example.com", "www.example.com"), null, null));
        assertEquals("www.example.com", n.commonName());
        assertEquals(List.of("www.example.com", "a.example.com"), n.dnsNames());
        assertEquals("missing_field", assertThrows(InvalidOrderException.class, () -> OrderRules.names(
                DigiCertProduct.SSL_PLUS, spec(null, List.of(), null, null))).code());
        assertEquals("invalid_dns_name", assertThrows(InvalidOrderException.class, () -> OrderRules.names(
                DigiCertProduct.SSL_PLUS, spec("*.example.com", List.of(), null, null))).code());
        assertEquals("invalid_dns_name", assertThrows(InvalidOrderException.class, () -> OrderRules.names(
                DigiCertProduct.SSL_WILDCARD, spec("www.example.com", List.of(), null, null))).code());
        assertEquals("invalid_dns_name", assertThrows(InvalidOrderException.class, () -> OrderRules.names(
                DigiCertProduct.SSL_PLUS, spec("example.com", List.of("bad name.com"), null, null))).code());
        for (String ip : List.of("127.0.0.1", "169.254.169.254", "10.0.0.1")) { // issue 18, 5: no 500 on DCV
            assertEquals("invalid_dns_name", assertThrows(InvalidOrderException.class, () -> OrderRules.names(
                    DigiCertProduct.SSL_PLUS, spec(ip, List.of(), null, null))).code(), ip);
            assertEquals("invalid_dns_name", assertThrows(InvalidOrderException.class, () -> OrderRules.names(
                    DigiCertProduct.SSL_MULTI_DOMAIN, spec("www.example.com", List.of(ip), null, null))).code(), ip);
        }
        assertEquals("*.example.com", OrderRules.names(DigiCertProduct.PRIVATE_SSL_WILDCARD,
                spec("*.example.com", List.of(), null, null)).commonName());
    }

    @Test
    void clientCertificatesNeedEmailsAndCodeSigningTakesNoNames() {
        assertEquals("missing_field", assertThrows(InvalidOrderException.class, () -> OrderRules.names(
                DigiCertProduct.CLIENT_PREMIUM, spec(null, List.of(), List.of(), null))).code());
        OrderRules.Names n = OrderRules.names(DigiCertProduct.CLIENT_PREMIUM, spec(null, null,
                List.of("Jane@Example.com"), null));
        assertEquals("jane@example.com", n.commonName());
        assertEquals(List.of("jane@example.com"), n.emails());
        assertEquals("invalid_email", assertThrows(InvalidOrderException.class, () -> OrderRules.names(
                DigiCertProduct.CLIENT_PREMIUM, spec(null, null, List.of("not-an-address"), null))).code());
        assertNull(OrderRules.names(DigiCertProduct.CODE_SIGNING, spec("ignored.example.com", null, null, null))
                .commonName(), "common_name is omitted for code signing (spec 003)");
    }

    @Test
    void daysOverrideYearsAndACustomDateOverridesBoth() {
        Instant plan = NOW.plus(Duration.ofDays(1000));
        assertEquals(NOW.plus(Duration.ofDays(100)), OrderRules.certificateEnd(v(1, 100, null), plan, NOW));
        assertEquals(LocalDate.of(2027, 6, 9).atTime(23, 59, 59).toInstant(ZoneOffset.UTC),
                OrderRules.certificateEnd(v(1, 100, LocalDate.of(2027, 6, 9)), plan, NOW));
        assertEquals(NOW.atZone(ZoneOffset.UTC).plusYears(1).toInstant(), OrderRules.certificateEnd(v(1, null, null),
                plan, NOW));
        assertEquals(NOW.plus(Duration.ofDays(397)), OrderRules.certificateEnd(null, plan, NOW), "as long as allowed");
    }

    @Test
    void atMost397DaysAndNeverPastThePlan() {
        Instant plan = NOW.plus(Duration.ofDays(1000));
        assertThrows(InvalidOrderException.class, () -> OrderRules.certificateEnd(v(null, 398, null), plan, NOW));
        assertThrows(InvalidOrderException.class, () -> OrderRules.certificateEnd(v(2, null, null), plan, NOW));
        assertThrows(InvalidOrderException.class, () -> OrderRules.certificateEnd(v(null, 0, null), plan, NOW));
        Instant shortPlan = NOW.plus(Duration.ofDays(30));
        assertEquals(shortPlan, OrderRules.certificateEnd(v(null, 200, null), shortPlan, NOW), "cut to the plan");
        assertThrows(InvalidOrderException.class, () -> OrderRules.certificateEnd(v(null, null,
                LocalDate.of(2027, 3, 1)), shortPlan, NOW), "an explicit date past the plan is an error");
    }

    @Test
    void plansLastOneYearByDefaultAndAtMostThree() {
        assertEquals(NOW.atZone(ZoneOffset.UTC).plusYears(1).toInstant(), OrderRules.planEnd(null, NOW));
        assertEquals(NOW.atZone(ZoneOffset.UTC).plusYears(3).toInstant(), OrderRules.planEnd(v(3, null, null), NOW));
        assertThrows(InvalidOrderException.class, () -> OrderRules.planEnd(v(4, null, null), NOW));
        assertThrows(InvalidOrderException.class, () -> OrderRules.planEnd(v(null, null, LocalDate.of(2020, 1, 1)), NOW));
    }

    @Test
    void signatureHashes() {
        assertEquals("sha256", OrderRules.signatureHash(null));
        assertEquals("sha384", OrderRules.signatureHash("SHA384"));
        assertEquals("invalid_signature_hash", assertThrows(InvalidOrderException.class,
                () -> OrderRules.signatureHash("sha1")).code());
    }
}
