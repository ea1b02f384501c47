package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.Test;

/**
 * The operators' certificate API against the running server: certificates issued through the EnOS API (real
 * CSRs) and an RA account's client certificate (no device) are searched by status, device, serial and subject,
 * paged and counted; details carry a PEM that parses and verifies; a revocation with an RFC 5280 reason goes
 * through the ledger (audit trail, CRL, OCSP, the EnOS list), a second one is 409; an operator acting for another
 * organization gets 404; expiring within N days lists the short-lived certificates only, soonest first.
 */
class CertificateAdminIT {

    /**
     * A fresh organization with two devices of one product and four certificates: alpha (device one, RSA, 365
     * days), beta (device one, ECC, 5 days), gamma (device two, RSA, 700 days), in that order, then an RA account's
     * client certificate (no device, 730 days). Subjects carry {@code tag}.
     */
    record Fleet(String org, String tag, JsonObject one, JsonObject two, JsonObject alpha, JsonObject beta,
                 JsonObject gamma, long raSn) {

        static Fleet make() {
            String org = Enos.newOrg();
            String tag = "adm" + UUID.randomUUID().toString().substring(0, 8);
            JsonObject one = Enos.newDevice(org);
            JsonObject two = Enos.createDevice(org, one.getString("productKey"), null);
            JsonObject alpha = Enos.apply(Enos.byAsset(org, one), Pki.rsaCsr(tag + "-Alpha"), 365, "RSA");
            JsonObject beta = Enos.apply(Enos.byAsset(org, one), Pki.ecCsr(tag + "-beta"), 5, "ECC");
            JsonObject gamma = Enos.apply(Enos.byKeys(org, two), Pki.rsaCsr(tag + "-gamma"), 700, null);
            Http.Answer ra = Admin.postJson("/admin/api/orgs/" + org + "/ra-accounts", "{\"name\":\"" + tag + "-ra\"}");
            assertEquals(201, ra.status(), ra.body());
            // the RA account's certificate is the organization's newest: find its certSn by its subject
            JsonArray found = search(org, "subject=" + tag + "-ra").getJsonArray("certificates");
            assertEquals(1, found.size(), found.toString());
            assertEquals(JsonValue.NULL, found.getJsonObject(0).get("assetId"), "no device");
            return new Fleet(org, tag, one, two, alpha, beta, gamma, found.getJsonObject(0).getJsonNumber("certSn")
                    .longValue());
        }
    }

    static long sn(JsonObject applied) {
        return Long.parseLong(applied.getString("certSN"));
    }

    static X509Certificate x509(JsonObject applied) {
        return Pki.cert(applied.getString("cert"));
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonObject search(String org, String query) {
        Http.Answer a = Admin.get("/admin/api/orgs/" + org + "/certificates" + (query.isEmpty() ? "" : "?" + query));
        assertEquals(200, a.status(), query + ": " + a.body());
        return a.json();
    }

    static JsonObject expiring(String org, String query) {
        Http.Answer a = Admin.get("/admin/api/orgs/" + org + "/expiring" + (query.isEmpty() ? "" : "?" + query));
        assertEquals(200, a.status(), query + ": " + a.body());
        return a.json();
    }

    static List<Long> certSns(JsonObject page) {
        return page.getJsonArray("certificates").stream()
                .map(v -> v.asJsonObject().getJsonNumber("certSn").longValue()).toList();
    }

    static JsonObject refused(Http.Answer a, int status, String error) {
        assertEquals(status, a.status(), a.body());
        JsonObject j = a.json();
        assertEquals(error, j.getString("error"), a.body());
        assertFalse(j.getString("message").isBlank(), a.body());
        assertFalse(a.body().contains("Exception"), "no exception names: " + a.body());
        return j;
    }

    static JsonObject only(JsonObject page) {
        assertEquals(1, page.getInt("total"), page.toString());
        return page.getJsonArray("certificates").getJsonObject(0);
    }

    @Test
    void searchByStatusDeviceSerialAndSubjectPagedAndCounted() {
        Fleet f = Fleet.make();
        long alpha = sn(f.alpha());
        long beta = sn(f.beta());
        long gamma = sn(f.gamma());

        JsonObject all = search(f.org(), "");
        assertEquals(4, all.getInt("total"));
        assertEquals(0, all.getInt("offset"));
        assertEquals(100, all.getInt("limit"));
        assertEquals(List.of(f.raSn(), gamma, beta, alpha), certSns(all), "newest first");
        Instant at = Instant.parse(all.getString("at"));
        assertTrue(Duration.between(at, Instant.now()).abs().toMinutes() < 5, "the query's instant: " + at);
        JsonObject b = all.getJsonArray("certificates").getJsonObject(2);
        X509Certificate betaCert = x509(f.beta());
        assertEquals("valid", b.getString("status"));
        assertEquals("ECC", b.getString("authority"));
        assertEquals(betaCert.getSerialNumber().toString(16), b.getString("serial"));
        assertTrue(b.getString("subject").contains("CN=" + f.tag() + "-beta"), b.toString());
        assertEquals(betaCert.getNotAfter().toInstant(), Instant.parse(b.getString("notAfter")));
        assertEquals(betaCert.getNotBefore().toInstant(), Instant.parse(b.getString("notBefore")));
        assertEquals(f.one().getString("assetId"), b.getString("assetId"));
        assertEquals(JsonValue.NULL, b.get("revokedAt"));
        assertEquals(JsonValue.NULL, b.get("revocationReason"));
        assertFalse(b.containsKey("pem"), "the list carries no PEM");

        // by device: assetId, or productKey + deviceKey
        JsonObject one = search(f.org(), "device=" + f.one().getString("assetId"));
        assertEquals(2, one.getInt("total"));
        assertEquals(List.of(beta, alpha), certSns(one));
        assertEquals(List.of(gamma), certSns(search(f.org(), "productKey=" + f.two().getString("productKey")
                + "&deviceKey=" + f.two().getString("deviceKey"))));
        refused(Admin.get("/admin/api/orgs/" + f.org() + "/certificates?device=nosuchdevice"), 404, "not_found");

        // by serial: as the ledger keeps it, or upper case with colons as a browser shows it
        String hex = betaCert.getSerialNumber().toString(16);
        assertEquals(beta, only(search(f.org(), "serial=" + hex)).getJsonNumber("certSn").longValue());
        String colons = HexFormat.ofDelimiter(":").withUpperCase().formatHex(betaCert.getSerialNumber().toByteArray());
        assertEquals(beta, only(search(f.org(), "serial=" + q(colons))).getJsonNumber("certSn").longValue(), colons);
        assertEquals(0, search(f.org(), "serial=" + hex + "0").getInt("total"));

        // by subject: a substring, any case; LIKE wildcards are literal
        assertEquals(alpha, only(search(f.org(), "subject=" + q(f.tag().toUpperCase() + "-ALPHA")))
                .getJsonNumber("certSn").longValue());
        assertEquals(List.of(f.raSn(), gamma, beta, alpha), certSns(search(f.org(), "subject=" + f.tag())));
        assertEquals(0, search(f.org(), "subject=" + q("%")).getInt("total"), "% is no wildcard");
        assertEquals(0, search(f.org(), "subject=" + q(f.tag() + "_alpha")).getInt("total"), "_ is no wildcard");

        // by status, computed when asked; a revocation through the EnOS API shows at once
        assertEquals(4, search(f.org(), "status=valid").getInt("total"));
        assertEquals(0, search(f.org(), "status=expired").getInt("total"));
        assertEquals(0, search(f.org(), "status=revoked").getInt("total"));
        Enos.ok(Enos.cert("revoke", Enos.byKeys(f.org(), f.two()), Json.createObjectBuilder()
                .add("certSn", String.valueOf(gamma)).add("reason", 1).build()));
        JsonObject revoked = only(search(f.org(), "status=REVOKED"));
        assertEquals(gamma, revoked.getJsonNumber("certSn").longValue());
        assertEquals("revoked", revoked.getString("status"));
        assertEquals("keyCompromise", revoked.getString("revocationReason"));
        assertNotNull(Instant.parse(revoked.getString("revokedAt")));
        assertEquals(List.of(f.raSn(), beta, alpha), certSns(search(f.org(), "status=valid")));
        assertEquals(0, search(f.org(), "status=valid&device=" + f.two().getString("assetId")).getInt("total"));

        // pages: offset and limit, the total of all
        JsonObject first = search(f.org(), "limit=2");
        assertEquals(4, first.getInt("total"));
        assertEquals(2, first.getInt("limit"));
        assertEquals(List.of(f.raSn(), gamma), certSns(first));
        JsonObject second = search(f.org(), "offset=2&limit=2");
        assertEquals(List.of(beta, alpha), certSns(second));
        JsonObject past = search(f.org(), "offset=4&limit=2");
        assertEquals(4, past.getInt("total"));
        assertEquals(List.of(), certSns(past));
        assertEquals(4, search(f.org(), "limit=500").getInt("total"));

        // malformed parameters: 400 naming what is wrong
        String base = "/admin/api/orgs/" + f.org() + "/certificates?";
        assertTrue(refused(Admin.get(base + "limit=501"), 400, "invalid_request").getString("message")
                .contains("500"));
        assertTrue(refused(Admin.get(base + "limit=ten"), 400, "invalid_request").getString("message")
                .startsWith("limit"));
        refused(Admin.get(base + "offset=-1"), 400, "invalid_request");
        assertTrue(refused(Admin.get(base + "status=active"), 400, "invalid_request").getString("message")
                .contains("valid, expired or revoked"));
        refused(Admin.get(base + "serial=xyz"), 400, "invalid_request");
        refused(Admin.get(base + "status=revoked&expiringWithinDays=30"), 400, "invalid_request");

        // another organization sees none of them
        String other = Enos.newOrg();
        assertEquals(0, search(other, "serial=" + hex).getInt("total"));
        assertEquals(0, search(other, "subject=" + f.tag()).getInt("total"));
        refused(Admin.get("/admin/api/orgs/" + other + "/certificates?device=" + f.one().getString("assetId")), 404,
                "not_found");
    }

    @Test
    void detailsCarryThePemOfTheIssuedCertificate() throws Exception {
        Fleet f = Fleet.make();
        X509Certificate issued = x509(f.alpha());
        Http.Answer a = Admin.get("/admin/api/orgs/" + f.org() + "/certificates/" + sn(f.alpha()));
        assertEquals(200, a.status(), a.body());
        JsonObject d = a.json();
        X509Certificate fromPem = Pki.cert(d.getString("pem"));
        assertEquals(issued, fromPem, "the same certificate the EnOS apply answered");
        Pki.verifyChain(fromPem, Pki.root("RSA"));
        assertEquals(sn(f.alpha()), d.getJsonNumber("certSn").longValue());
        assertEquals(fromPem.getSerialNumber(), new BigInteger(d.getString("serial"), 16));
        assertTrue(d.getString("subject").contains("CN=" + f.tag() + "-Alpha"), d.toString());
        assertFalse(d.getString("issuer").isBlank());
        assertEquals("RSA", d.getString("authority"));
        assertEquals("valid", d.getString("status"));
        assertEquals(f.one().getString("assetId"), d.getString("assetId"));
        assertEquals(fromPem.getNotAfter().toInstant(), Instant.parse(d.getString("notAfter")));
        assertEquals(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(fromPem.getPublicKey().getEncoded())), d.getString("publicKeySha256"));
        // the RA account's certificate: no device
        JsonObject ra = Admin.get("/admin/api/orgs/" + f.org() + "/certificates/" + f.raSn()).json();
        assertEquals(JsonValue.NULL, ra.get("assetId"));
        assertTrue(Pki.cert(ra.getString("pem")).getSubjectX500Principal().getName().contains("OU=RA"));

        // unknown, not a number, or another organization's: 404 alike
        String other = Enos.newOrg();
        refused(Admin.get("/admin/api/orgs/" + f.org() + "/certificates/999999999"), 404, "not_found");
        refused(Admin.get("/admin/api/orgs/" + f.org() + "/certificates/abc"), 404, "not_found");
        JsonObject foreign = refused(Admin.get("/admin/api/orgs/" + other + "/certificates/" + sn(f.alpha())), 404,
                "not_found");
        assertEquals(Admin.get("/admin/api/orgs/" + other + "/certificates/999999999").json(), foreign,
                "another organization's certificate answers as one that does not exist");
        assertEquals(401, Admin.getAs(null, "/admin/api/orgs/" + f.org() + "/certificates/" + sn(f.alpha())).status());
    }

    @Test
    void revokeWithAReasonThroughTheLedgerOnceOnly() {
        Fleet f = Fleet.make();
        long alpha = sn(f.alpha());
        long beta = sn(f.beta());
        X509Certificate alphaCert = x509(f.alpha());
        X509Certificate betaCert = x509(f.beta());
        X509Certificate rsaRoot = Pki.root("RSA");
        X509Certificate eccRoot = Pki.root("ECC");
        String path = "/admin/api/orgs/" + f.org() + "/certificates/";
        String other = Enos.newOrg();

        // an operator acting for another organization cannot, a bad reason is refused: both change nothing
        refused(Admin.postJson("/admin/api/orgs/" + other + "/certificates/" + alpha + "/revoke",
                "{\"reason\":\"keyCompromise\"}"), 404, "not_found");
        refused(Admin.postJson(path + alpha + "/revoke", "{\"reason\":\"cACompromise\"}"), 400, "invalid_request");
        refused(Admin.postJson(path + alpha + "/revoke", "{\"reason\":"), 400, "invalid_request");
        refused(Admin.postJson(path + "999999999/revoke", "{\"reason\":\"keyCompromise\"}"), 404, "not_found");
        assertEquals("valid", Admin.get(path + alpha).json().getString("status"));
        assertNull(Pki.ocspStatus(Http.BASE, rsaRoot, alphaCert), "OCSP: good");

        Http.Answer revoked = Admin.postJson(path + alpha + "/revoke", "{\"reason\":\"keyCompromise\"}");
        assertEquals(200, revoked.status(), revoked.body());
        JsonObject r = revoked.json();
        assertEquals(alpha, r.getJsonNumber("certSn").longValue());
        assertEquals("revoked", r.getString("status"));
        assertEquals("keyCompromise", r.getString("revocationReason"));
        Instant revokedAt = Instant.parse(r.getString("revokedAt"));
        assertTrue(Duration.between(revokedAt, Instant.now()).abs().toMinutes() < 5, revokedAt.toString());
        assertEquals(f.one().getString("assetId"), r.getString("assetId"));
        assertEquals("revoked", Admin.get(path + alpha).json().getString("status"));

        // a second revocation: 409 with a clear message, and the first reason stays
        JsonObject twice = refused(Admin.postJson(path + alpha + "/revoke", "{\"reason\":\"superseded\"}"), 409,
                "conflict");
        assertEquals("The certificate has already been revoked.", twice.getString("message"));
        assertEquals("keyCompromise", Admin.get(path + alpha).json().getString("revocationReason"));

        // the CRL and OCSP say so, with the reason
        X509CRL crl = Pki.crlOf(alphaCert); // its issuing CA's, signature checked
        X509CRLEntry entry = crl.getRevokedCertificate(alphaCert.getSerialNumber());
        assertNotNull(entry, "on the CRL");
        assertEquals(CRLReason.KEY_COMPROMISE, entry.getRevocationReason());
        RevokedStatus ocsp = assertInstanceOf(RevokedStatus.class, Pki.ocspStatus(Http.BASE, rsaRoot, alphaCert));
        assertEquals(1, ocsp.getRevocationReason());
        assertNull(Pki.ocspStatus(Http.BASE, eccRoot, betaCert), "the device's other certificate stays good");

        // the EnOS API sees the same ledger
        JsonArray listed = Enos.ok(Enos.cert("list", Enos.byAsset(f.org(), f.one()), Json.createObjectBuilder()
                .build())).getJsonArray("data");
        for (JsonValue v : listed) {
            JsonObject c = v.asJsonObject();
            assertEquals(Long.parseLong(c.getString("certSn")) == alpha ? 1 : 0, c.getInt("certStatus"), c.toString());
        }

        // the audit trail names the operator and the reason
        String audit = Admin.get("/admin/api/orgs/" + f.org() + "/audit?max=50").body();
        boolean found = false;
        for (JsonValue v : Json.createReader(new java.io.StringReader(audit)).readArray()) {
            JsonObject rec = v.asJsonObject();
            if (rec.getString("action").equals("certificate.revoke") && rec.getString("target").startsWith("certSn="
                    + alpha + " ")) {
                assertEquals("admin:admin", rec.getString("actor"));
                assertEquals("revoked (KEY_COMPROMISE)", rec.getString("outcome"));
                found = true;
            }
        }
        assertTrue(found, audit);

        // no body: unspecified; an ECC certificate goes on the ECC CRL
        Http.Answer plain = Admin.post(path + beta + "/revoke");
        assertEquals(200, plain.status(), plain.body());
        assertEquals("unspecified", plain.json().getString("revocationReason"));
        assertNotNull(Pki.crlOf(betaCert).getRevokedCertificate(betaCert.getSerialNumber()));
        assertInstanceOf(RevokedStatus.class, Pki.ocspStatus(Http.BASE, eccRoot, betaCert));
        assertEquals(List.of(beta, alpha), certSns(search(f.org(), "status=revoked")));
    }

    @Test
    void expiringWithinNDaysListsTheShortLivedSoonestFirst() {
        Fleet f = Fleet.make();
        long alpha = sn(f.alpha());
        long beta = sn(f.beta());
        JsonObject delta = Enos.apply(Enos.byAsset(f.org(), f.two()), Pki.rsaCsr(f.tag() + "-delta"), 3, null);
        long deltaSn = sn(delta);

        JsonObject month = expiring(f.org(), "days=30");
        assertEquals(2, month.getInt("total"));
        assertEquals(List.of(deltaSn, beta), certSns(month), "soonest end first; 365, 700 and 730 days are not listed");
        for (JsonValue v : month.getJsonArray("certificates")) {
            assertEquals("valid", v.asJsonObject().getString("status"));
        }
        assertEquals(certSns(month), certSns(expiring(f.org(), "")), "30 days unless it says");
        assertEquals(certSns(month), certSns(search(f.org(), "expiringWithinDays=30")));
        assertEquals(certSns(month), certSns(search(f.org(), "expiringWithinDays=30&status=valid")));
        assertEquals(List.of(deltaSn), certSns(expiring(f.org(), "days=4")), "3 days in, 5 days out");
        assertEquals(List.of(beta), certSns(search(f.org(), "expiringWithinDays=30&device="
                + f.one().getString("assetId"))));
        assertEquals(List.of(deltaSn, beta, alpha), certSns(expiring(f.org(), "days=400")));
        assertEquals(List.of(deltaSn), certSns(expiring(f.org(), "days=400&limit=1")));
        assertEquals(3, expiring(f.org(), "days=400&limit=1").getInt("total"));
        assertEquals(List.of(beta, alpha), certSns(expiring(f.org(), "days=400&offset=1")));

        // a revoked certificate is not about to expire
        assertEquals(200, Admin.postJson("/admin/api/orgs/" + f.org() + "/certificates/" + deltaSn + "/revoke",
                "{\"reason\":\"cessationOfOperation\"}").status());
        assertEquals(List.of(beta), certSns(expiring(f.org(), "days=30")));
        assertEquals(0, expiring(f.org(), "days=4").getInt("total"));

        // another organization has nothing expiring; malformed days are refused
        assertEquals(0, expiring(Enos.newOrg(), "days=400").getInt("total"));
        String base = "/admin/api/orgs/" + f.org() + "/expiring?days=";
        refused(Admin.get(base + "-1"), 400, "invalid_request");
        refused(Admin.get(base + "soon"), 400, "invalid_request");
        refused(Admin.get(base + "36501"), 400, "invalid_request");
    }
}
