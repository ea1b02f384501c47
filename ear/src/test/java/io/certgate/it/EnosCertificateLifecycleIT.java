package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

/** The whole EnOS certificate lifecycle over HTTP, with every returned certificate checked for real. */
class EnosCertificateLifecycleIT {

    @Test
    void applyRsaAndEccListRenewRevokeAndRefuseRenewal() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        X509Certificate rsaRoot = Pki.root("RSA");
        X509Certificate eccRoot = Pki.root("ECC");

        // apply RSA, 250 days
        KeyPair rsaKey = Pki.rsa(2048);
        JsonObject rsa = Enos.apply(id, Pki.csr(rsaKey, "SHA256withRSA", "CN=meter-1,O=Example Devices,C=CN"), 250, null);
        assertEquals("RSA", rsa.getString("issueAuthority"));
        assertEquals(rsa.getString("certSN"), rsa.getString("certSn"));
        X509Certificate rsaCert = Pki.cert(rsa.getString("cert"));
        // caCert and certChainURL: the chain above the certificate, its organization's issuing CA then the root
        X509Certificate issuing = Pki.issuerOf(rsaCert);
        assertEquals(List.of(issuing, rsaRoot), DigiCert.pemCertificates(rsa.getString("caCert")));
        assertTrue(rsa.getString("certChainURL").startsWith(Http.BASE + "/enos/CA/ca/"), rsa.getString("certChainURL"));
        assertEquals(List.of(issuing, rsaRoot), DigiCert.pemCertificates(new String(
                Pki.fetchPublic(rsa.getString("certChainURL")), java.nio.charset.StandardCharsets.US_ASCII)));
        assertTrue(issuing.getSubjectX500Principal().getName().contains("OU=" + org), "the organization's own CA: "
                + issuing.getSubjectX500Principal());
        Pki.verifyChain(rsaCert, rsaRoot);
        assertEquals("SHA256withRSA", rsaCert.getSigAlgName());
        assertEquals(new X500Name("CN=meter-1,O=Example Devices,C=CN"),
                X500Name.getInstance(rsaCert.getSubjectX500Principal().getEncoded()), "subject exactly as in the CSR");
        assertArrayEquals(rsaKey.getPublic().getEncoded(), rsaCert.getPublicKey().getEncoded());
        assertDays(250, rsaCert);
        assertTrue(rsaCert.getSerialNumber().bitLength() >= 64, "random serial of at least 64 bits");
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), rsaCert.getExtendedKeyUsage());

        // apply ECC (case-insensitive authority), default validity 730 days
        JsonObject ecc = Enos.apply(id, Pki.ecCsr("meter-1-ec"), null, "ecc");
        assertEquals("ECC", ecc.getString("issueAuthority"));
        X509Certificate eccCert = Pki.cert(ecc.getString("cert"));
        Pki.verifyChain(eccCert, eccRoot);
        assertEquals("SHA256withECDSA", eccCert.getSigAlgName());
        assertDays(730, eccCert);
        long rsaSn = Long.parseLong(rsa.getString("certSN"));
        long eccSn = Long.parseLong(ecc.getString("certSN"));
        assertTrue(eccSn > rsaSn, "certSn is sequential");

        // list: both valid
        JsonArray list = Enos.ok(Enos.get(org, "/connect-service/v2.0/certificates?action=list&" + id)).getJsonArray("data");
        assertEquals(2, list.size());
        JsonObject first = list.getJsonObject(0);
        assertEquals(String.valueOf(rsaSn), first.getString("certSN"));
        assertEquals(0, first.getInt("certStatus"));
        assertEquals(rsaCert, Pki.cert(first.getString("cert")));
        assertEquals(rsaCert.getNotAfter().toInstant().toEpochMilli(), first.getJsonNumber("expireDate").longValue());
        assertTrue(first.getString("issuer").contains("certgate RSA Issuing CA"), first.getString("issuer"));
        assertTrue(first.isNull("revokeReason"));

        // renew without CSR: same subject and key, new serial, new certSn
        JsonObject renewed = Enos.ok(Enos.cert("renew", id, Json.createObjectBuilder().add("certSn", rsaSn)
                .add("validDay", 220).build())).getJsonObject("data");
        X509Certificate renewedCert = Pki.cert(renewed.getString("cert"));
        Pki.verifyChain(renewedCert, rsaRoot);
        assertEquals(rsaCert.getSubjectX500Principal(), renewedCert.getSubjectX500Principal());
        assertArrayEquals(rsaCert.getPublicKey().getEncoded(), renewedCert.getPublicKey().getEncoded());
        assertNotEquals(rsaCert.getSerialNumber(), renewedCert.getSerialNumber());
        assertTrue(Long.parseLong(renewed.getString("certSN")) > eccSn);
        assertDays(220, renewedCert);

        // renew with a new CSR (the SDK's certSN spelling, as a string)
        KeyPair newKey = Pki.rsa(2048);
        JsonObject rekeyed = Enos.ok(Enos.cert("renew", id, Json.createObjectBuilder()
                .add("certSN", renewed.getString("certSN"))
                .add("csr", Pki.csr(newKey, "SHA256withRSA", "CN=meter-1-rekeyed,O=Example Devices")).build())).getJsonObject("data");
        X509Certificate rekeyedCert = Pki.cert(rekeyed.getString("cert"));
        Pki.verifyChain(rekeyedCert, rsaRoot);
        assertArrayEquals(newKey.getPublic().getEncoded(), rekeyedCert.getPublicKey().getEncoded());

        // revoke the first certificate (keyCompromise)
        JsonObject revoked = Enos.ok(Enos.cert("revoke", id, Json.createObjectBuilder().add("certSn", rsaSn)
                .add("reason", 1).build()));
        assertEquals(String.valueOf(rsaSn), revoked.getString("data"));
        JsonArray after = Enos.ok(Enos.cert("list", id, Json.createObjectBuilder().build())).getJsonArray("data");
        assertEquals(4, after.size());
        JsonObject revokedEntry = after.getJsonObject(0);
        assertEquals(1, revokedEntry.getInt("certStatus"));
        assertEquals(1, revokedEntry.getInt("revokeReason"));
        for (int i = 1; i < 4; i++) {
            assertEquals(0, after.getJsonObject(i).getInt("certStatus"), "the others stay valid");
        }

        // a revoked certificate cannot be renewed, nor revoked twice
        Enos.error(Enos.cert("renew", id, Json.createObjectBuilder().add("certSn", rsaSn).build()), 99400,
                "The original certificate has been revoked and cannot be updated.");
        Enos.error(Enos.cert("revoke", id, Json.createObjectBuilder().add("certSn", rsaSn).build()), 99400, null);

        // the CRL of its issuing CA (its distribution point), signed by that CA, lists it with the reason
        X509CRL crl = Pki.crlOf(rsaCert);
        assertFalse(Pki.crl(Http.get("/enos/CA/crl/RSA").bytes()).isRevoked(rsaCert), "not on the root's CRL");
        X509CRLEntry entry = crl.getRevokedCertificate(rsaCert.getSerialNumber());
        assertNotNull(entry, "revoked serial is on the CRL");
        assertEquals(java.security.cert.CRLReason.KEY_COMPROMISE, entry.getRevocationReason());
        assertNull(crl.getRevokedCertificate(renewedCert.getSerialNumber()));
    }

    @Test
    void sdkFormWithIdentityInTheBodyAndAssetId() {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        JsonObject identity = Json.createObjectBuilder().add("assetId", device.getString("assetId")).build();
        JsonObject applied = Enos.ok(Enos.post(org, "/connect-service/v2.0/certificates/apply?action=apply",
                Json.createObjectBuilder().add("csr", Pki.rsaCsr("sdk-form")).add("device", identity)
                        .add("orgId", org).build().toString())).getJsonObject("data");
        Pki.verifyChain(Pki.cert(applied.getString("cert")), Pki.root("RSA"));
        JsonArray got = Enos.ok(Enos.post(org, "/connect-service/v2.0/certificates/get?action=get",
                Json.createObjectBuilder().add("device", identity).add("orgId", org).build().toString()))
                .getJsonArray("data");
        assertEquals(1, got.size());
        assertEquals(applied.getString("certSN"), got.getJsonObject(0).getString("certSN"));
        // the v2.1 SDK classes produce //connect-service/... when the base URL ends with '/'
        Enos.ok(Enos.post(org, "//connect-service/v2.0/certificates/revoke?action=revoke",
                Json.createObjectBuilder().add("certSN", applied.getString("certSN")).add("device", identity)
                        .add("orgId", org).build().toString()));
        JsonArray afterRevoke = Enos.ok(Enos.get(org, "/connect-service/v2.0/certificates?action=list&"
                + Enos.byAsset(org, device))).getJsonArray("data");
        assertEquals(1, afterRevoke.getJsonObject(0).getInt("certStatus"));
    }

    @Test
    void productAndDeviceCanBeReadBack() {
        String org = Enos.newOrg();
        String pk = Enos.createProduct(org, true, 400);
        JsonObject product = Enos.ok(Enos.get(org, "/connect-service/v2.1/products?action=get&orgId=" + org
                + "&productKey=" + pk)).getJsonObject("data");
        assertEquals(400, product.getInt("maxValidDay"));
        assertTrue(product.getBoolean("biDirectionalAuth"));
        assertEquals("it product", product.getJsonObject("productName").getString("defaultValue"));
        JsonObject created = Enos.createDevice(org, pk, "dev-key-1");
        assertEquals("dev-key-1", created.getString("deviceKey"));
        assertEquals(20, created.getString("deviceSecret").length());
        JsonObject byAsset = Enos.ok(Enos.get(org, "/connect-service/v2.1/devices?action=get&" + Enos.byAsset(org, created)))
                .getJsonObject("data");
        JsonObject byKeys = Enos.ok(Enos.get(org, "/connect-service/v2.1/devices?action=get&" + Enos.byKeys(org, created)))
                .getJsonObject("data");
        assertEquals(byAsset, byKeys);
        assertEquals("+08:00", byAsset.getString("timezone"));
        assertTrue(!byAsset.containsKey("deviceSecret"), "the secret is shown only on create");
        // generated deviceKey when absent
        JsonObject generated = Enos.createDevice(org, pk, null);
        assertEquals(10, generated.getString("deviceKey").length());
    }

    @Test
    void publicEndpointsServeBothRoots() {
        X509Certificate rsa = Pki.root("RSA");
        X509Certificate ecc = Pki.root("ECC");
        assertEquals("RSA", rsa.getPublicKey().getAlgorithm());
        assertEquals("EC", ecc.getPublicKey().getAlgorithm());
        assertEquals(rsa, Pki.root("rsa"));
        for (X509Certificate root : List.of(rsa, ecc)) {
            assertTrue(root.getBasicConstraints() >= 0, "CA certificate");
            long years = Duration.between(root.getNotBefore().toInstant(), root.getNotAfter().toInstant()).toDays() / 365;
            assertEquals(10, years);
        }
        assertEquals(404, Http.get("/enos/CA/cacert/DSA").status());
        X509CRL eccCrl = Pki.crl(Http.get("/enos/CA/crl/ECC").bytes());
        try {
            eccCrl.verify(ecc.getPublicKey());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertDays(long days, X509Certificate cert) {
        Instant notAfter = cert.getNotAfter().toInstant();
        Instant expected = Instant.now().plus(Duration.ofDays(days));
        long diff = Math.abs(Duration.between(expected, notAfter).toMinutes());
        assertTrue(diff < 10, "notAfter " + notAfter + " is " + days + " days from now (off by " + diff + " min)");
        assertTrue(cert.getNotBefore().toInstant().isBefore(Instant.now().plusSeconds(5)));
    }
}
