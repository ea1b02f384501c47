package io.certgate.it;

import static io.certgate.it.DigiCert.intId;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every parameter of DigiCert's "Reissue certificate" (spec 003) with its documented handling:
 * {@code POST /services/v2/order/certificate/{order_id}/reissue}.
 */
class DigiCertReissueIT {

    private static final String PSS = "1.2.840.113549.1.1.10";
    private static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    private static final String SHA384 = "2.16.840.1.101.3.4.2.2";

    private static String org;
    private static DigiCertClient requester;
    private static DigiCertClient approver;
    /** "RSA" / "ECC" to ca_cert_id. */
    private static Map<String, String> cas;

    @BeforeAll
    static void keys() {
        org = DigiCert.newOrg();
        requester = DigiCert.newKey(org);
        approver = DigiCert.newKey(org);
        cas = DigiCert.caIds(requester);
    }

    // ---- common_name -----------------------------------------------------------------------------------------

    @Test
    void commonNameIsRequiredForTls() {
        DigiCert.Issued o = base(null, null);
        String cn = cn();
        JsonObjectBuilder cert = Json.createObjectBuilder().add("dns_names", Json.createArrayBuilder().add(cn))
                .add("csr", Pki.rsaCsr(cn)).add("signature_hash", "sha256");
        requester.reissue(o.orderId(), body(cert, true)).expectError(400);
        assertEquals(o.cert(), DigiCert.current(requester, o.orderId()), "nothing reissued");
    }

    @Test
    void codeSigningReissueOmitsTheCommonName() {
        DigiCert.Issued o = DigiCert.issue(requester, approver, "code_signing", "certgate it Code Signing", null,
                Pki.rsa(3072), null, null);
        assertTrue(DigiCert.eku(o.cert()).contains("1.3.6.1.5.5.7.3.3"), "a code signing certificate");

        // as 003 says: no common_name for code signing
        KeyPair k = Pki.rsa(3072);
        JsonObjectBuilder cert = Json.createObjectBuilder()
                .add("csr", Pki.csr(k, "SHA256withRSA", "CN=certgate it Code Signing,O=certgate it,C=CN"))
                .add("signature_hash", "sha256").add("server_platform", Json.createObjectBuilder().add("id", -1));
        X509Certificate reissued = reissued(requester.reissue(o.orderId(), Json.createObjectBuilder()
                .add("certificate", cert).add("cs_provisioning_method", "email").add("skip_approval", true).build())
                .expect(201), o.orderId(), o.cert());
        assertArrayEquals(k.getPublic().getEncoded(), reissued.getPublicKey().getEncoded());
        assertTrue(DigiCert.eku(reissued).contains("1.3.6.1.5.5.7.3.3"));
        Pki.verifyChain(reissued, DigiCert.rootOf(reissued));

        // a common_name is not for code signing: refused, or ignored (never put in the certificate)
        String intruder = "intruder-" + DigiCert.hex(4) + ".example.test";
        KeyPair k2 = Pki.rsa(3072);
        DigiCertClient.Reply withCn = requester.reissue(o.orderId(), Json.createObjectBuilder()
                .add("certificate", Json.createObjectBuilder().add("common_name", intruder)
                        .add("csr", Pki.csr(k2, "SHA256withRSA", "CN=certgate it Code Signing,O=certgate it,C=CN"))
                        .add("signature_hash", "sha256"))
                .add("skip_approval", true).build());
        if (withCn.status() == 400) {
            withCn.expectError(400);
        } else {
            X509Certificate c = reissued(withCn.expect(201), o.orderId(), reissued);
            assertNotEquals(intruder, DigiCert.cn(c), "common_name ignored for code signing");
            assertFalse(DigiCert.dnsNames(c).contains(intruder));
        }
    }

    // ---- csr ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"lf", "crlf", "one-line"})
    void csrWithHeadersOnSeveralLinesOrOnOne(String layout) {
        DigiCert.Issued o = base(null, null);
        String cn = cn();
        KeyPair k = Pki.rsa(2048);
        String pem = Pki.csr(k, "SHA256withRSA", "CN=" + cn + ",O=certgate it,C=CN");
        String csr = switch (layout) {
            case "lf" -> pem;
            case "crlf" -> pem.replace("\n", "\r\n");
            default -> pem.replace("\n", ""); // 003: "without line breaks", headers included
        };
        X509Certificate c = reissueNow(o.orderId(), DigiCert.certificate(cn, null, csr, "sha256"));
        assertArrayEquals(k.getPublic().getEncoded(), c.getPublicKey().getEncoded());
        assertEquals(cn, DigiCert.cn(c));
    }

    @Test
    void invalidCsrAndDnsNamesAreRefused() {
        DigiCert.Issued o = base(null, null);
        String cn = cn();
        String garbage = "-----BEGIN CERTIFICATE REQUEST-----\nTm90IGEgQ1NS\n-----END CERTIFICATE REQUEST-----\n";
        String code = requester.reissue(o.orderId(), body(DigiCert.certificate(cn, null, garbage, "sha256"), true))
                .errorCode(400);
        assertEquals("csr_invalid_cannot_parse", code, "DigiCert's code for a CSR it cannot read");
        for (String bad : List.of("bad..name.example.test", "-dash-.example.test", "spa ce.example.test")) {
            requester.reissue(o.orderId(), body(DigiCert.certificate(cn, List.of(bad), Pki.rsaCsr(cn), "sha256"),
                    true)).expectError(400);
        }
        assertEquals(o.cert(), DigiCert.current(requester, o.orderId()));
    }

    // ---- cert_validity -----------------------------------------------------------------------------------------

    @Test
    void daysOverrideYearsAndCustomDateOverridesBoth() {
        DigiCert.Issued o = base(null, twoYearPlan());
        String cn = cn();

        X509Certificate year = reissueNow(o.orderId(), DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256")
                .add("cert_validity", Json.createObjectBuilder().add("years", 1)));
        long yearDays = DigiCert.daysBetweenNowAnd(year);
        assertTrue(yearDays >= 363 && yearDays <= 366, "one year: " + yearDays + " days");

        X509Certificate days = reissueNow(o.orderId(), DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256")
                .add("cert_validity", Json.createObjectBuilder().add("years", 1).add("days", 100)));
        DigiCert.assertValidDays(100, days);

        LocalDate date = DigiCert.todayUtc().plusDays(60);
        X509Certificate custom = reissueNow(o.orderId(), DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256")
                .add("cert_validity", Json.createObjectBuilder().add("years", 1).add("days", 100)
                        .add("custom_expiration_date", DigiCert.customDate(date))));
        DigiCert.assertExpiresOn(date, custom);
    }

    @Test
    void withoutCertValidityTheShorterOfThePlanAnd397Days() {
        DigiCert.Issued o = base(null, twoYearPlan());
        String cn = cn();
        X509Certificate c = reissueNow(o.orderId(), DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256"));
        DigiCert.assertValidDays(397, c);
    }

    @Test
    void atMost397Days() {
        DigiCert.Issued o = base(null, twoYearPlan());
        String cn = cn();
        X509Certificate max = reissueNow(o.orderId(), DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256")
                .add("cert_validity", Json.createObjectBuilder().add("days", 397)));
        DigiCert.assertValidDays(397, max);

        requester.reissue(o.orderId(), body(DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256")
                .add("cert_validity", Json.createObjectBuilder().add("days", 398)), true)).expectError(400);
        requester.reissue(o.orderId(), body(DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256")
                .add("cert_validity", Json.createObjectBuilder().add("custom_expiration_date",
                        DigiCert.customDate(DigiCert.todayUtc().plusDays(400)))), true)).expectError(400);
        assertEquals(max, DigiCert.current(requester, o.orderId()), "the refused reissues changed nothing");
    }

    @Test
    void neverPastTheOrdersValidity() {
        DigiCert.Issued o = base(null, b -> b.add("order_validity", Json.createObjectBuilder().add("days", 120)));
        DigiCert.assertValidDays(120, o.cert()); // the first certificate covers the whole (short) plan
        java.time.Instant planEnd = o.cert().getNotAfter().toInstant();
        String cn = cn();

        // asking for more than the plan has left: CertCentral's cert_validity_exceeds_order_validity, or capped
        for (JsonObjectBuilder validity : List.of(Json.createObjectBuilder().add("days", 200),
                Json.createObjectBuilder().add("custom_expiration_date",
                        DigiCert.customDate(DigiCert.todayUtc().plusDays(150))))) {
            DigiCertClient.Reply r = requester.reissue(o.orderId(), body(DigiCert.certificate(cn, null,
                    Pki.rsaCsr(cn), "sha256").add("cert_validity", validity), true));
            if (r.status() == 400) {
                String code = r.errorCode(400);
                assertEquals("cert_validity_exceeds_order_validity", code.split("\\|")[0], code);
            } else {
                X509Certificate c = reissued(r.expect(201), o.orderId(), DigiCert.current(requester, o.orderId()));
                assertFalse(c.getNotAfter().toInstant().isAfter(planEnd.plus(Duration.ofDays(1))),
                        "capped at the plan's end " + planEnd + ": " + c.getNotAfter().toInstant());
            }
        }

        // no cert_validity: the time remaining in the plan
        X509Certificate rest = reissueNow(o.orderId(), DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256"));
        long hoursOff = Math.abs(Duration.between(planEnd, rest.getNotAfter().toInstant()).toHours());
        assertTrue(hoursOff <= 26, "ends with the plan (" + planEnd + "): " + rest.getNotAfter().toInstant());
    }

    // ---- is_rsassa_pss, ca_cert_id, signature_hash ----------------------------------------------------------

    @Test
    void rsassaPssWithTheRsaCa() {
        DigiCert.Issued o = base(c -> c.add("ca_cert_id", cas.get("RSA")), null);
        String cn = cn();

        X509Certificate pss = reissueNow(o.orderId(), DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256")
                .add("ca_cert_id", cas.get("RSA")).add("is_rsassa_pss", true));
        assertEquals(PSS, pss.getSigAlgOID(), "RSASSA-PSS signature");
        assertEquals(SHA256, pssHash(pss));
        Pki.verifyChain(pss, DigiCert.roots().get("RSA"));

        X509Certificate pss384 = reissueNow(o.orderId(), DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha384")
                .add("ca_cert_id", cas.get("RSA")).add("is_rsassa_pss", true));
        assertEquals(PSS, pss384.getSigAlgOID());
        assertEquals(SHA384, pssHash(pss384), "PSS with the requested hash");
        Pki.verifyChain(pss384, DigiCert.roots().get("RSA"));

        X509Certificate plain = reissueNow(o.orderId(), DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256")
                .add("ca_cert_id", cas.get("RSA")).add("is_rsassa_pss", false));
        assertEquals("1.2.840.113549.1.1.11", plain.getSigAlgOID(), "false (the default): PKCS#1 v1.5");
    }

    @Test
    void rsassaPssIsNotHonouredWithTheEccCa() {
        DigiCert.Issued o = base(c -> c.add("ca_cert_id", cas.get("ECC")), null);
        String cn = cn();
        DigiCertClient.Reply r = requester.reissue(o.orderId(), body(DigiCert.certificate(cn, null, Pki.rsaCsr(cn),
                "sha256").add("ca_cert_id", cas.get("ECC")).add("is_rsassa_pss", true), true));
        // 003: "only honored when the issuing ICA certificate has an RSA key": ignored, an ECDSA signature (issue 17)
        X509Certificate c = reissued(r.expect(201), o.orderId(), o.cert());
        assertEquals("1.2.840.10045.4.3.2", c.getSigAlgOID());
        Pki.verifyChain(c, DigiCert.roots().get("ECC"));
    }

    @Test
    void caCertIdMustBeOneOfTheProductsCas() {
        DigiCert.Issued o = base(c -> c.add("ca_cert_id", cas.get("RSA")), null);
        assertEquals("RSA", DigiCert.authority(o.cert()));
        String cn = cn();

        requester.reissue(o.orderId(), body(DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256")
                .add("ca_cert_id", "no-such-ca-" + DigiCert.hex(3)), true)).expectError(400);
        requester.order("private_ssl_plus", DigiCert.order(DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256")
                .add("ca_cert_id", "no-such-ca-" + DigiCert.hex(3)), true).build()).expectError(400);

        X509Certificate ecc = reissueNow(o.orderId(), DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256")
                .add("ca_cert_id", cas.get("ECC")));
        assertEquals("ECC", DigiCert.authority(ecc));
        Pki.verifyChain(ecc, DigiCert.roots().get("ECC"));
        JsonObject caCert = requester.orderInfo(o.orderId()).expect(200).getJsonObject("certificate")
                .getJsonObject("ca_cert");
        assertEquals(cas.get("ECC"), DigiCert.text(caCert.get("id")), "order info names the issuing CA");

        X509Certificate rsa = reissueNow(o.orderId(), DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256")
                .add("ca_cert_id", cas.get("RSA")));
        assertEquals("RSA", DigiCert.authority(rsa));
    }

    @ParameterizedTest
    @CsvSource({"RSA,sha256,1.2.840.113549.1.1.11", "RSA,sha384,1.2.840.113549.1.1.12",
            "RSA,sha512,1.2.840.113549.1.1.13", "ECC,sha256,1.2.840.10045.4.3.2", "ECC,sha384,1.2.840.10045.4.3.3",
            "ECC,sha512,1.2.840.10045.4.3.4"})
    void signatureHashIsHonoured(String authority, String hash, String sigAlgOid) {
        DigiCert.Issued o = base(c -> c.add("ca_cert_id", cas.get(authority)), null);
        String cn = cn();
        X509Certificate c = reissueNow(o.orderId(), DigiCert.certificate(cn, null, Pki.rsaCsr(cn), hash)
                .add("ca_cert_id", cas.get(authority)));
        assertEquals(sigAlgOid, c.getSigAlgOID(), hash + " with the " + authority + " CA");
        Pki.verifyChain(c, DigiCert.roots().get(authority));
        assertEquals(hash, requester.orderInfo(o.orderId()).expect(200).getJsonObject("certificate")
                .getString("signature_hash"));
    }

    @Test
    void signatureHashIsRequiredAndChecked() {
        DigiCert.Issued o = base(null, null);
        String cn = cn();
        JsonObjectBuilder noHash = Json.createObjectBuilder().add("common_name", cn).add("csr", Pki.rsaCsr(cn));
        requester.reissue(o.orderId(), body(noHash, true)).expectError(400); // 003: signature_hash required
        requester.reissue(o.orderId(), body(DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "md5"), true))
                .expectError(400);
        assertEquals(o.cert(), DigiCert.current(requester, o.orderId()));
    }

    // ---- skip_approval, comments ------------------------------------------------------------------------------

    @Test
    void skipApprovalDefaultsToFalse() {
        DigiCert.Issued o = base(null, null);
        String cn = cn();
        KeyPair k = Pki.rsa(2048);
        // a manager key of the organization asks: it decides other people's requests, never its own
        DigiCertClient colleague = DigiCert.newKey(org, "manager", null);
        JsonObject answer = colleague.reissue(o.orderId(), Json.createObjectBuilder()
                .add("certificate", DigiCert.certificate(cn, List.of("alt." + cn),
                        Pki.csr(k, "SHA256withRSA", "CN=" + cn + ",O=certgate it,C=CN"), "sha256"))
                .add("comments", "rotate please").build()).expect(201);
        assertEquals(o.orderId(), intId(answer, "id"));
        assertFalse(answer.containsKey("certificate_id"), "003: certificate_id only with skip_approval: " + answer);
        long requestId = intId(answer.getJsonArray("requests").getJsonObject(0), "id");
        assertEquals(o.cert(), DigiCert.current(requester, o.orderId()), "nothing replaced before approval");

        JsonObject request = requester.request(requestId).expect(200);
        assertEquals("pending", request.getString("status"));
        assertEquals("rotate please", request.getString("comments"), "comments are stored on the request");

        assertTrue(colleague.updateRequestStatus(requestId, "approved", "self").errorCode(403)
                .startsWith("access_denied"), "the requester cannot approve its own reissue");
        approver.updateRequestStatus(requestId, "approved", "ok").expect(200, 204);

        X509Certificate now = awaitCurrentChange(o.orderId(), o.cert());
        assertArrayEquals(k.getPublic().getEncoded(), now.getPublicKey().getEncoded());
        assertEquals(cn, DigiCert.cn(now));
        assertEquals(DigiCert.set(cn, "alt." + cn), DigiCert.dnsNames(now));
        long currentId = intId(requester.orderInfo(o.orderId()).expect(200).getJsonObject("certificate"), "id");
        assertNotEquals(o.certificateId(), currentId);
        Set<Long> listed = new HashSet<>();
        for (JsonValue v : requester.listReissues(o.orderId()).expect(200).getJsonArray("certificates")) {
            assertEquals("issued", v.asJsonObject().getString("status"), "CertCentral's reissue status: " + v);
            listed.add(intId(v.asJsonObject(), "id"));
        }
        assertTrue(listed.contains(currentId), "GET .../reissue lists the reissued certificate: " + listed);
        assertEquals("good", DigiCert.ocsp(o.cert()), "the previous certificate stays valid until revoked");
    }

    @Test
    void skipApprovalIssuesAtOnce() {
        DigiCert.Issued o = base(null, null);
        String cn = cn();
        KeyPair k = Pki.ec("secp384r1");
        JsonObject answer = requester.reissue(o.orderId(), body(DigiCert.certificate(cn, null,
                Pki.csr(k, "SHA384withECDSA", "CN=" + cn + ",O=certgate it,C=CN"), "sha256"), true)).expect(201);
        assertEquals(o.orderId(), intId(answer, "id"));
        long certId = intId(answer, "certificate_id");
        assertNotEquals(o.certificateId(), certId);
        X509Certificate c = DigiCert.certificate(requester, certId);
        assertArrayEquals(k.getPublic().getEncoded(), c.getPublicKey().getEncoded());
        assertEquals(c, DigiCert.current(requester, o.orderId()));
    }

    // ---- dcv_method, store_reissue_as_duplicate (public TLS) ----------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"http-token", "dns-txt-token", "dns-cname-token"})
    void tokenDcvMethodsAnswerARandomValue(String method) {
        String base = DigiCert.domain("reissue-base");
        DigiCert.validateDomain(org, base);
        DigiCert.Issued o = DigiCert.issue(requester, approver, "ssl_plus", base, null, Pki.rsa(2048), null, null);
        String fresh = DigiCert.domain("never-validated");

        JsonObject answer = requester.reissue(o.orderId(), Json.createObjectBuilder()
                .add("certificate", DigiCert.certificate(base, List.of(fresh), Pki.rsaCsr(base), "sha256"))
                .add("dcv_method", method).add("skip_approval", true).build()).expect(201);
        assertEquals(o.orderId(), intId(answer, "id"));
        assertFalse(answer.getString("dcv_random_value", "").isBlank(), method + " answers dcv_random_value: " + answer);
        if (answer.containsKey("certificate_id")) {
            DigiCertClient.Reply pending = requester.download(intId(answer, "certificate_id"), "pem_all");
            if (pending.status() == 200) {
                assertFalse(DigiCert.dnsNames(DigiCert.pemCertificates(pending.text()).get(0)).contains(fresh),
                        "no certificate for a domain whose control is not shown");
            }
        }
        assertFalse(DigiCert.dnsNames(DigiCert.current(requester, o.orderId())).contains(fresh));
    }

    @Test
    void storeReissueAsDuplicateKeepsThePublicOrdersCertificate() {
        String d = DigiCert.domain("dup-public");
        DigiCert.validateDomain(org, d);
        DigiCert.Issued o = DigiCert.issue(requester, approver, "ssl_plus", d, null, Pki.rsa(2048), null, null);
        KeyPair k = Pki.rsa(2048);
        requester.reissue(o.orderId(), Json.createObjectBuilder()
                .add("certificate", DigiCert.certificate(d, null, Pki.csr(k, "SHA256withRSA", "CN=" + d), "sha256"))
                .add("store_reissue_as_duplicate", true).add("skip_approval", true).build()).expect(201);

        assertTrue(duplicateWithKey(o.orderId(), k) != null, "stored as a duplicate of the order");
        assertEquals(o.cert(), DigiCert.current(requester, o.orderId()), "the order's certificate is unchanged");
        assertEquals(o.certificateId(),
                intId(requester.orderInfo(o.orderId()).expect(200).getJsonObject("certificate"), "id"));
    }

    @Test
    void storeReissueAsDuplicateIsIgnoredForPrivateTls() {
        DigiCert.Issued o = base(null, null);
        String cn = cn();
        KeyPair k = Pki.rsa(2048);
        JsonObject answer = requester.reissue(o.orderId(), Json.createObjectBuilder()
                .add("certificate", DigiCert.certificate(cn, null, Pki.csr(k, "SHA256withRSA", "CN=" + cn), "sha256"))
                .add("store_reissue_as_duplicate", true).add("skip_approval", true).build()).expect(201);
        X509Certificate c = DigiCert.certificate(requester, intId(answer, "certificate_id"));
        assertArrayEquals(k.getPublic().getEncoded(), c.getPublicKey().getEncoded());
        assertEquals(c, DigiCert.current(requester, o.orderId()), "an ordinary reissue: it replaced the certificate");
        assertEquals(null, duplicateWithKey(o.orderId(), k), "not stored as a duplicate");
    }

    // ---- the rest of 003's parameters ---------------------------------------------------------------------------

    @Test
    void unknownFieldsAreIgnored() {
        // what .NET and Go clients serialize from their default-valued models
        DigiCert.Issued o = base(c -> c.add("id", 0).add("date_created", "0001-01-01T00:00:00Z"),
                b -> b.add("id", 0).add("date_created", "0001-01-01T00:00:00Z").add("renewal_of_order_id", 0));
        String cn = cn();
        KeyPair k = Pki.rsa(2048);
        JsonObject answer = requester.reissue(o.orderId(), Json.createObjectBuilder()
                .add("id", 0).add("order_id", o.orderId()).add("date_created", "0001-01-01T00:00:00Z")
                .add("some_future_member", Json.createObjectBuilder().add("x", Json.createArrayBuilder().add(1)))
                .add("certificate", DigiCert.certificate(cn, null, Pki.csr(k, "SHA256withRSA", "CN=" + cn), "sha256")
                        .add("id", 0).add("date_created", "0001-01-01T00:00:00Z").add("thumbprint", ""))
                .add("skip_approval", true).build()).expect(201);
        X509Certificate c = DigiCert.certificate(requester, intId(answer, "certificate_id"));
        assertArrayEquals(k.getPublic().getEncoded(), c.getPublicKey().getEncoded());
    }

    @Test
    void parametersOfOtherProductsAreAcceptedAndIgnored() {
        DigiCert.Issued o = base(null, null);
        String cn = cn();
        KeyPair k = Pki.rsa(2048);
        JsonObjectBuilder cert = DigiCert.certificate(cn, List.of("svc." + cn),
                        Pki.csr(k, "SHA256withRSA", "CN=" + cn + ",O=certgate it,C=CN"), "sha256")
                .add("server_platform", Json.createObjectBuilder().add("id", 45))
                .add("profile_option", "server_client_auth_eku")
                .add("user_principle_name", Json.createArrayBuilder().add("upn@example.test"))
                .add("common_name_indicator", "email_address")
                .add("individual", Json.createObjectBuilder().add("first_name", "Jane").add("last_name", "Tester"))
                .add("usage_designation", Json.createObjectBuilder().add("primary_usage", "signing"));
        JsonObject answer = requester.reissue(o.orderId(), Json.createObjectBuilder().add("certificate", cert)
                .add("certificate_dcv_scope", "fqdn").add("use_auth_key", false)
                .add("cs_provisioning_method", "ship_token")
                .add("ship_info", Json.createObjectBuilder().add("name", "Jane Tester").add("addr1", "1 Main St")
                        .add("city", "Lindon").add("state", "Utah").add("zip", "84042").add("country", "US")
                        .add("method", "STANDARD"))
                .add("subject", Json.createObjectBuilder().add("job_title", "Chief Tester").add("include_email", true))
                .add("comments", "ignored with skip_approval").add("skip_approval", true).build()).expect(201);

        X509Certificate c = DigiCert.certificate(requester, intId(answer, "certificate_id"));
        assertArrayEquals(k.getPublic().getEncoded(), c.getPublicKey().getEncoded());
        assertEquals(cn, DigiCert.cn(c));
        assertEquals(DigiCert.set(cn, "svc." + cn), DigiCert.dnsNames(c));
        assertEquals(0, DigiCert.subject(c).getRDNs(BCStyle.T).length, "subject{} is for Secure Email only");
        assertTrue(DigiCert.emails(c).isEmpty());
        assertEquals(45, requester.orderInfo(o.orderId()).expect(200).getJsonObject("certificate")
                .getJsonObject("server_platform").getInt("id"), "server_platform.id is kept");
    }

    @Test
    void clientPremiumNeedsEmails() {
        String email = "jane-" + DigiCert.hex(4) + "@example.test";
        requester.order("client_premium", DigiCert.order(DigiCert.certificate("Jane Tester", null,
                Pki.rsaCsr("Jane Tester"), "sha256"), true).build()).expectError(400);

        DigiCert.Issued o = DigiCert.issue(requester, approver, "client_premium", "Jane Tester", null, Pki.rsa(2048),
                c -> c.add("emails", Json.createArrayBuilder().add(email)), null);
        assertEquals(Set.of(email), DigiCert.emails(o.cert()));
        assertTrue(DigiCert.eku(o.cert()).contains("1.3.6.1.5.5.7.3.2"), "a client certificate");

        requester.reissue(o.orderId(), body(DigiCert.certificate("Jane Tester", null, Pki.rsaCsr("Jane Tester"),
                "sha256"), true)).expectError(400);
        String email2 = "jane2-" + DigiCert.hex(4) + "@example.test";
        KeyPair k = Pki.rsa(2048);
        X509Certificate c = reissued(requester.reissue(o.orderId(), body(DigiCert.certificate("Jane Tester", null,
                        Pki.csr(k, "SHA256withRSA", "CN=Jane Tester"), "sha256")
                .add("emails", Json.createArrayBuilder().add(email2)), true)).expect(201), o.orderId(), o.cert());
        assertEquals(Set.of(email2), DigiCert.emails(c));
        assertArrayEquals(k.getPublic().getEncoded(), c.getPublicKey().getEncoded());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static String cn() {
        return "re-" + DigiCert.hex(5) + ".internal.test";
    }

    private static Consumer<JsonObjectBuilder> twoYearPlan() {
        return b -> b.add("order_validity", Json.createObjectBuilder().add("years", 2));
    }

    /** An issued private_ssl_plus order to reissue. */
    private static DigiCert.Issued base(Consumer<JsonObjectBuilder> certTweak, Consumer<JsonObjectBuilder> orderTweak) {
        return DigiCert.issuePrivate(requester, cn(), null, certTweak, orderTweak);
    }

    private static JsonObject body(JsonObjectBuilder certificate, boolean skipApproval) {
        return Json.createObjectBuilder().add("certificate", certificate).add("skip_approval", skipApproval).build();
    }

    /** Reissue with skip_approval and return the new certificate (003: {id, certificate_id}). */
    private static X509Certificate reissueNow(long orderId, JsonObjectBuilder certificate) {
        JsonObject answer = requester.reissue(orderId, body(certificate, true)).expect(201);
        assertEquals(orderId, intId(answer, "id"));
        X509Certificate c = DigiCert.certificate(requester, intId(answer, "certificate_id"));
        Pki.verifyChain(c, DigiCert.rootOf(c));
        return c;
    }

    /** The certificate a 201 reissue answer leads to: certificate_id, or its requests approved by the approver. */
    private static X509Certificate reissued(JsonObject answer, long orderId, X509Certificate previous) {
        if (answer.containsKey("certificate_id")) {
            return DigiCert.certificate(requester, intId(answer, "certificate_id"));
        }
        for (JsonValue v : answer.getJsonArray("requests")) {
            approver.updateRequestStatus(intId(v.asJsonObject(), "id"), "approved", "ok").expect(200, 204);
        }
        return awaitCurrentChange(orderId, previous);
    }

    private static X509Certificate awaitCurrentChange(long orderId, X509Certificate previous) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        X509Certificate now;
        do {
            now = DigiCert.current(requester, orderId);
            if (!now.equals(previous)) {
                return now;
            }
            DigiCert.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("order " + orderId + " still serves its previous certificate");
    }

    /** The duplicate of the order certifying {@code key}, or null. */
    private static X509Certificate duplicateWithKey(long orderId, KeyPair key) {
        for (JsonValue v : requester.listDuplicates(orderId).expect(200).getJsonArray("certificates")) {
            if (!v.asJsonObject().containsKey("id")) {
                continue; // still waiting: no certificate yet
            }
            X509Certificate c = DigiCert.certificate(requester, intId(v.asJsonObject(), "id"));
            if (Arrays.equals(key.getPublic().getEncoded(), c.getPublicKey().getEncoded())) {
                return c;
            }
        }
        return null;
    }

    private static String pssHash(X509Certificate c) {
        ASN1ObjectIdentifier oid = RSASSAPSSparams.getInstance(c.getSigAlgParams()).getHashAlgorithm().getAlgorithm();
        return oid.getId();
    }
}
