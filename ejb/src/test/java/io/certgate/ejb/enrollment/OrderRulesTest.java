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

    /** Issue 17: CertCentral's order statuses (needs_approval, reissue_pending) from what certgate stores. */
    @Test
    void orderStatusesAreCertCentrals() {
        assertEquals("needs_approval", OrderRules.orderStatus("pending", false, true, false));
        assertEquals("pending", OrderRules.orderStatus("pending", false, false, false));
        assertEquals("issued", OrderRules.orderStatus("issued", false, false, false));
        assertEquals("reissue_pending", OrderRules.orderStatus("issued", false, false, true));
        assertEquals("expired", OrderRules.orderStatus("issued", true, false, true));
        assertEquals("revoked", OrderRules.orderStatus("revoked", false, false, false));
        assertEquals("canceled", OrderRules.orderStatus("canceled", false, false, false));
    }

    /** Issue 17, item 3: reissue and duplicate lists say pending, approved, issued or rejected. */
    @Test
    void reissueStatusesArePendingApprovedIssuedOrRejected() {
        assertEquals("issued", OrderRules.reissueStatus("approved", true));
        assertEquals("approved", OrderRules.reissueStatus("approved", false));
        assertEquals("pending", OrderRules.reissueStatus("pending", false));
        assertEquals("rejected", OrderRules.reissueStatus("rejected", false));
        assertEquals("rejected", OrderRules.reissueStatus("canceled", false));
    }

    /** Issue 17, item 7: filters[status_last_updated] as Keyfactor's gateway and others send it. */
    @Test
    void statusWindowReadsKeyfactorsAndIsoForms() {
        Instant[] w = OrderRules.statusWindow("2026-11-5+9:3:0...2026-11-26+10:0:0", NOW);
        assertEquals(Instant.parse("2026-11-05T09:03:00Z"), w[0]);
        assertEquals(Instant.parse("2026-11-26T10:00:00Z"), w[1]);
        // '+' decoded to a space by the query string
        assertEquals(Instant.parse("2026-11-05T09:03:00Z"), OrderRules.statusWindow("2026-11-5 9:3:0...", NOW)[0]);
        assertEquals(NOW, OrderRules.statusWindow("2026-11-5 9:3:0...", NOW)[1]);
        Instant[] days = OrderRules.statusWindow("2026-11-01...2026-11-02", NOW);
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), days[0]);
        assertEquals(Instant.parse("2026-11-02T23:59:59.999999999Z"), days[1]);
        assertEquals(Instant.parse("2026-11-05T07:03:00Z"),
                OrderRules.statusWindow("2026-11-05T09:03:00+02:00...", NOW)[0]);
        assertEquals("missing_field", assertThrows(InvalidOrderException.class,
                () -> OrderRules.statusWindow(null, NOW)).code());
        assertEquals("invalid_date", assertThrows(InvalidOrderException.class,
                () -> OrderRules.statusWindow("yesterday...today", NOW)).code());
        assertEquals("invalid_date", assertThrows(InvalidOrderException.class,
                () -> OrderRules.statusWindow("2026-11-26...2026-11-01", NOW)).code());
    }

    /** Issue 17: an IP literal is no DNS name (check-dcv on such an order answered 500). */
    @Test
    void ipLiteralsAreNoDnsNames() {
        assertEquals("invalid_dns_name", assertThrows(InvalidOrderException.class,
                () -> OrderRules.dnsName("192.168.1.10", false)).code());
        assertEquals("invalid_dns_name", assertThrows(InvalidOrderException.class,
                () -> OrderRules.names(DigiCertProduct.SSL_PLUS, spec("10.0.0.1", List.of(), null, null))).code());
        assertEquals("host1.example.com", OrderRules.dnsName("host1.example.com", false));
    }

    /** Issue 17: is_rsassa_pss is ignored with the ECC CA (spec 003), honoured with the RSA CA. */
    @Test
    void rsassaPssOnlyWithTheRsaCa() {
        assertEquals(true, OrderRules.rsassaPss(true, io.certgate.domain.ca.IssueAuthority.RSA));
        assertEquals(false, OrderRules.rsassaPss(true, io.certgate.domain.ca.IssueAuthority.ECC));
        assertEquals(false, OrderRules.rsassaPss(false, io.certgate.domain.ca.IssueAuthority.RSA));
    }

    /** Issue 17: a duplicate names what its order names. */
    @Test
    void aDuplicateNamesTheOrdersNames() {
        OrderRules.requireSameNames(new OrderRules.Names("a.example.com", List.of("a.example.com"), List.of()),
                "a.example.com", List.of("a.example.com", "b.example.com"));
        assertEquals("invalid_value", assertThrows(InvalidOrderException.class, () -> OrderRules.requireSameNames(
                new OrderRules.Names("other.example.com", List.of("other.example.com"), List.of()), "a.example.com",
                List.of("a.example.com"))).code());
        assertEquals("invalid_value", assertThrows(InvalidOrderException.class, () -> OrderRules.requireSameNames(
                new OrderRules.Names("a.example.com", List.of("a.example.com", "c.example.com"), List.of()),
                "a.example.com", List.of("a.example.com"))).code());
    }

    /** Issue 17: filters[valid_till] and sort of the order list. */
    @Test
    void listFiltersAndSort() {
        LocalDate d = LocalDate.parse("2027-01-10");
        assertEquals(true, OrderRules.dateFilter("f", ">2027-01-01").test(d));
        assertEquals(false, OrderRules.dateFilter("f", ">2027-01-10").test(d));
        assertEquals(true, OrderRules.dateFilter("f", ">=2027-01-10").test(d));
        assertEquals(true, OrderRules.dateFilter("f", "<2027-02-01").test(d));
        assertEquals(false, OrderRules.dateFilter("f", "<=2027-01-09").test(d));
        assertEquals(true, OrderRules.dateFilter("f", "2027-01-01...2027-01-10").test(d));
        assertEquals(true, OrderRules.dateFilter("f", "2027-01-10").test(d));
        assertEquals("invalid_date", assertThrows(InvalidOrderException.class,
                () -> OrderRules.dateFilter("f", ">soon")).code());
        assertEquals(new OrderRules.Sort("id", true), OrderRules.sort(null));
        assertEquals(new OrderRules.Sort("valid_till", true), OrderRules.sort("-valid_till"));
        assertEquals(new OrderRules.Sort("date_created", false), OrderRules.sort("date_created"));
        assertEquals("invalid_value", assertThrows(InvalidOrderException.class,
                () -> OrderRules.sort("price")).code());
    }
}
