package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.KeyPair;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;

/**
 * The PKI hierarchy from outside: each organization's leaves come from its own issuing CA under the root; every
 * facade hands out that chain; names of the server itself and of other organizations are refused in each facade's
 * own error shape with nothing issued; a revoked issuing CA is on its root's CRL and its leaves fail path
 * validation; a rollover keeps old leaves valid while new ones chain to the new generation; the JDK validates with
 * revocation checking through the CRLs and the OCSP responder the certificates name.
 */
class HierarchyIT {

    // ---- chains ------------------------------------------------------------------------------------------

    @Test
    void eachOrganizationHasItsOwnIssuingCaAndEveryFacadeHandsOutTheChain() throws Exception {
        String a = Enos.newOrg();
        String b = Enos.newOrg();
        JsonObject deviceA = Enos.newDevice(a);
        X509Certificate leafA = Pki.cert(Enos.apply(Enos.byKeys(a, deviceA), Pki.rsaCsr("chain-a"), null, null)
                .getString("cert"));
        X509Certificate leafB = Pki.cert(Enos.apply(Enos.byKeys(b, Enos.newDevice(b)), Pki.rsaCsr("chain-b"), null,
                null).getString("cert"));
        X509Certificate root = Pki.root("RSA");
        Pki.verifyChain(leafA, root);
        Pki.verifyChain(leafB, root);
        X509Certificate issuingA = Pki.issuerOf(leafA);
        assertNotEquals(issuingA, Pki.issuerOf(leafB), "each organization's own issuing CA");
        assertTrue(issuingA.getSubjectX500Principal().getName().contains("OU=" + a));

        // EST: the product's cacerts are the organization's issuing CAs and the roots
        java.net.http.HttpClient https = java.net.http.HttpClient.newBuilder().sslContext(RaAccount.tls(null)).build();
        List<X509Certificate> cacerts = certsOnly(https.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                RaAccount.HTTPS + "/.well-known/est/" + deviceA.getString("productKey") + "/cacerts")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        assertTrue(cacerts.contains(issuingA), "EST cacerts names the organization's RSA issuing CA");
        assertTrue(cacerts.contains(root) && cacerts.contains(Pki.root("ECC")), "and the roots");
        assertFalse(cacerts.contains(Pki.issuerOf(leafB)), "and no other organization's CA");
        // SCEP: GetCACert under the product's path: the RA, the organization's RSA issuing CA, the root ...
        Http.Answer scep = Http.get("/scep/" + deviceA.getString("productKey") + "?operation=GetCACert");
        assertEquals(200, scep.status());
        List<X509Certificate> scepCerts = new ArrayList<>();
        for (var h : new CMSSignedData(scep.bytes()).getCertificates().getMatches(null)) {
            scepCerts.add(Pki.cert(Pki.pem("CERTIFICATE", h.getEncoded())));
        }
        assertTrue(scepCerts.contains(issuingA) && scepCerts.contains(root), scepCerts.toString());
        // ... and, last, the infrastructure (_server) RSA issuing CA that issued the RA: no root signs the RA
        X509Certificate scepRa = scepCerts.get(0);
        X509Certificate infrastructure = scepCerts.get(scepCerts.size() - 1);
        assertEquals(List.of(scepRa, issuingA, root, infrastructure), scepCerts);
        assertTrue(infrastructure.getSubjectX500Principal().getName().contains("OU=_server"),
                infrastructure.getSubjectX500Principal().toString());
        Pki.verifyChain(scepRa, root); // RA <- infrastructure CA (its AIA) <- root, also with openssl verify
        assertEquals(infrastructure, Pki.issuerOf(scepRa));

        // the public endpoints: the CA's certificate (DER, its leaves' AIA), its chain (PEM), its CRL
        String caPath = java.net.URI.create(Pki.extensionUri(leafA, "1.3.6.1.5.5.7.1.1")).getPath();
        assertTrue(caPath.matches("/enos/CA/ca/\\d+/cert"), caPath);
        String chainPem = Http.get(caPath.replace("/cert", "/chain")).body();
        assertEquals(List.of(issuingA, root), DigiCert.pemCertificates(chainPem));
        assertEquals(404, Http.get("/enos/CA/ca/999999999/cert").status());
        assertEquals(404, Http.get("/enos/CA/ca/x/crl").status());

        // DigiCert: pem_all is end entity, issuing CA, root; the chain answer the same
        String dcOrg = DigiCert.newOrg();
        DigiCertClient client = DigiCert.newKey(dcOrg);
        DigiCert.Issued issued = DigiCert.issuePrivate(client, "chain." + dcOrg + ".test", null, null, null);
        List<X509Certificate> pemAll = DigiCert.pemCertificates(client.download(issued.certificateId(), "pem_all")
                .text());
        assertEquals(3, pemAll.size(), "end entity, intermediate, root (as Lemur unpacks pem_all)");
        assertEquals(List.of(issued.cert(), Pki.issuerOf(issued.cert()), root), pemAll);
    }

    // ---- names -------------------------------------------------------------------------------------------

    @Test
    void theServersNamesAndOtherOrganizationsNamesAreRefusedInEveryFacadeWithNothingIssued() throws Exception {
        // EnOS: CN=localhost, O= another organization, CN= another organization's device
        String a = Enos.newOrg();
        String b = Enos.newOrg();
        JsonObject deviceOfA = Enos.newDevice(a);
        String idB = Enos.byKeys(b, Enos.newDevice(b));
        int before = certificates(idB);
        for (String subject : List.of("CN=localhost", "CN=meter-9,O=" + a, "CN=" + deviceOfA.getString("deviceKey"),
                "CN=127.0.0.1")) {
            JsonObject refused = Enos.error(Enos.cert("apply", idB, Json.createObjectBuilder().add("csr",
                    Pki.csr(Pki.rsa(2048), "SHA256withRSA", subject)).build()), 99400, null);
            assertFalse(refused.getString("msg").isBlank(), subject);
        }
        assertEquals(before, certificates(idB), "nothing issued");

        // EST and SCEP: the device of B, authenticated, asks for the server's name
        JsonObject deviceB = Enos.newDevice(b);
        String idDeviceB = Enos.byKeys(b, deviceB);
        String csr = Pki.csr(Pki.rsa(2048), "SHA256withRSA", "CN=localhost");
        java.net.http.HttpResponse<String> est = java.net.http.HttpClient.newBuilder().sslContext(RaAccount.tls(null))
                .build().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(RaAccount.HTTPS
                        + "/.well-known/est/" + deviceB.getString("productKey") + "/simpleenroll"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((deviceB.getString(
                                "deviceKey") + ":" + deviceB.getString("deviceSecret")).getBytes()))
                        .header("Content-Type", "application/pkcs10").POST(java.net.http.HttpRequest.BodyPublishers
                                .ofString(csr.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, est.statusCode(), "EST: " + est.body());
        ScepClient scep = new ScepClient(Http.BASE + "/scep/" + deviceB.getString("productKey"), Pki.rsa(2048));
        ScepClient.Reply scepReply = scep.pkcsReq("name-" + deviceB.getString("deviceKey"),
                new org.bouncycastle.asn1.x500.X500Name("CN=localhost"), deviceB.getString("deviceSecret"));
        assertEquals("2", scepReply.status(), "SCEP: FAILURE (" + scepReply.failInfo() + ")");
        assertNull(scepReply.certificate());
        assertEquals(0, certificates(idDeviceB), "nothing issued to the device");

        // CertManager: a server certificate for localhost, loopback, or the server's own host name
        for (String san : List.of("localhost", "127.0.0.1", "x.localhost")) {
            SymantecWire.Answer answer = SymantecWire.form(RaAccount.AUTO).call("enroll", SymantecParityIT.with(
                    SymantecParityIT.enroll("Server", Pki.rsaCsr(SymantecParityIT.host())), "subject_alt_names", san));
            assertNotEquals("0x00", answer.statusCode(), san + ": " + answer.message());
            assertNull(answer.certificate(), san);
        }

        // CertManager: an IP address among the SANs is an iPAddress name, never a dNSName
        String ipHost = SymantecParityIT.host();
        SymantecWire.Answer withIp = SymantecWire.form(RaAccount.AUTO).call("enroll", SymantecParityIT.with(
                SymantecParityIT.enroll("Server", Pki.rsaCsr(ipHost)), "subject_alt_names", ipHost + ",10.77.8.7"));
        assertEquals("0x00", withIp.statusCode(), withIp.message());
        X509Certificate ipCert = Pki.cert(withIp.certificate());
        assertTrue(ipCert.getSubjectAlternativeNames().contains(List.of(7, "10.77.8.7")),
                "iPAddress name: " + ipCert.getSubjectAlternativeNames());
        assertFalse(ipCert.getSubjectAlternativeNames().contains(List.of(2, "10.77.8.7")), "not dNSName");

        // DigiCert: localhost refused (400, DigiCert's error shape)
        String dcOrg = DigiCert.newOrg();
        DigiCertClient client = DigiCert.newKey(dcOrg);
        KeyPair key = Pki.rsa(2048);
        JsonObject localhost = DigiCert.order(DigiCert.certificate("localhost", List.of("localhost"),
                Pki.csr(key, "SHA256withRSA", "CN=localhost"), "sha256"), true).build();
        assertFalse(client.order("private_ssl_plus", localhost).expectError(400).isEmpty());

        // a name policy: only its names for its organization, and its names for no other organization
        String domain = dcOrg + ".policy.test";
        Http.Answer set = Admin.putJson("/admin/api/orgs/" + dcOrg + "/name-policy", Json.createObjectBuilder()
                .add("dnsSuffixes", Json.createArrayBuilder().add("*." + domain.toUpperCase()))
                .add("ipRanges", Json.createArrayBuilder().add("10.9.0.0/16")).build().toString());
        assertEquals(200, set.status(), set.body());
        assertEquals(List.of(domain), set.json().getJsonArray("dnsSuffixes").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList(), "kept lower case, without the wildcard");
        assertEquals(400, Admin.putJson("/admin/api/orgs/" + dcOrg + "/name-policy",
                "{\"ipRanges\":[\"10.0.0.0/99\"]}").status());
        DigiCert.issuePrivate(client, "www." + domain, List.of("www." + domain), null, null);
        JsonObject outside = DigiCert.order(DigiCert.certificate("elsewhere.example", List.of("elsewhere.example"),
                Pki.csr(Pki.rsa(2048), "SHA256withRSA", "CN=elsewhere.example"), "sha256"), true).build();
        assertTrue(client.order("private_ssl_plus", outside).expectError(400).get(0).message()
                .contains("name policy"));
        DigiCertClient other = DigiCert.newKey(DigiCert.newOrg());
        JsonObject theirs = DigiCert.order(DigiCert.certificate("x." + domain, List.of("x." + domain),
                Pki.csr(Pki.rsa(2048), "SHA256withRSA", "CN=x." + domain), "sha256"), true).build();
        assertTrue(other.order("private_ssl_plus", theirs).expectError(400).get(0).message()
                .contains("another organization"));
        JsonObject policy = Admin.get("/admin/api/orgs/" + dcOrg + "/name-policy").json();
        assertEquals(List.of("10.9.0.0/16"), policy.getJsonArray("ipRanges").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
    }

    // ---- revocation of an issuing CA, rollover -----------------------------------------------------------

    @Test
    void aRevokedIssuingCaIsOnItsRootsCrlItsLeavesFailAndTheNextLeafComesFromANewGeneration() throws Exception {
        String org = Enos.newOrg();
        String id = Enos.byKeys(org, Enos.newDevice(org));
        X509Certificate leaf = Pki.cert(Enos.apply(id, Pki.ecCsr("revoked-ca"), null, "ECC").getString("cert"));
        X509Certificate root = Pki.root("ECC");
        X509Certificate issuing = Pki.issuerOf(leaf);
        assertTrue(pkix(leaf, root), "valid before");
        JsonObject ca = issuingCa(org, "ECC", 1);

        Http.Answer revoked = Admin.postJson("/admin/api/issuing-cas/" + ca.getJsonNumber("id").longValue()
                + "/revoke", "{\"reason\":\"keyCompromise\"}");
        assertEquals(200, revoked.status(), revoked.body());
        assertTrue(revoked.json().getBoolean("revoked"));
        assertEquals(409, Admin.postJson("/admin/api/issuing-cas/" + ca.getJsonNumber("id").longValue() + "/revoke",
                "{}").status(), "not twice");

        X509CRL rootCrl = Pki.crlOf(issuing); // the root's, from the issuing CA's distribution point
        assertNotNull(rootCrl.getRevokedCertificate(issuing.getSerialNumber()), "on the root's CRL");
        assertTrue(Pki.ocspStatus(Http.BASE, root, issuing) instanceof RevokedStatus, "the root's OCSP answer");
        assertFalse(pkix(leaf, root), "its leaf fails path validation");

        X509Certificate next = Pki.cert(Enos.apply(id, Pki.ecCsr("after-revoked-ca"), null, "ECC").getString("cert"));
        X509Certificate generation2 = Pki.issuerOf(next);
        assertNotEquals(issuing, generation2);
        assertTrue(generation2.getSubjectX500Principal().getName().contains("G2"), generation2.getSubjectX500Principal()
                .getName());
        assertTrue(pkix(next, root), "a leaf of the new generation validates");
    }

    @Test
    void aRolloverKeepsOldLeavesValidWhileNewLeavesChainToTheNewGeneration() throws Exception {
        String org = Enos.newOrg();
        String id = Enos.byKeys(org, Enos.newDevice(org));
        X509Certificate old = Pki.cert(Enos.apply(id, Pki.rsaCsr("before-rollover"), null, null).getString("cert"));
        X509Certificate root = Pki.root("RSA");

        // a generation that starts later does not sign yet
        Http.Answer later = Admin.postJson("/admin/api/issuing-cas/rollover", Json.createObjectBuilder()
                .add("scope", org).add("authority", "RSA").add("activeFrom", "2099-01-01T00:00:00Z").build().toString());
        assertEquals(201, later.status(), later.body());
        assertFalse(later.json().getBoolean("signing"));
        assertEquals(Pki.issuerOf(old), Pki.issuerOf(Pki.cert(Enos.apply(id, Pki.rsaCsr("still-g1"), null, null)
                .getString("cert"))), "the current generation signs until the new one's time");

        Http.Answer now = Admin.postJson("/admin/api/issuing-cas/rollover", Json.createObjectBuilder()
                .add("scope", org).add("authority", "RSA").build().toString());
        assertEquals(201, now.status(), now.body());
        assertTrue(now.json().getBoolean("signing"), now.body());
        assertEquals(3, now.json().getInt("generation"));
        X509Certificate fresh = Pki.cert(Enos.apply(id, Pki.rsaCsr("after-rollover"), null, null).getString("cert"));
        assertNotEquals(Pki.issuerOf(old), Pki.issuerOf(fresh), "new leaves chain to the new generation");
        assertTrue(Pki.issuerOf(fresh).getSubjectX500Principal().getName().contains("G3"));
        Pki.verifyChain(fresh, root);

        // the old generation still publishes: its leaf validates, its CRL and OCSP answer for it
        Pki.verifyChain(old, root);
        assertTrue(pkix(old, root));
        assertNull(Pki.ocspStatus(Http.BASE, root, old), "good");
        String oldSn = leafSn(id, old);
        Enos.ok(Enos.cert("revoke", id, Json.createObjectBuilder().add("certSn", oldSn).add("reason", 4).build()));
        assertTrue(Pki.crlOf(old).isRevoked(old), "the retired generation's CRL lists its revoked leaf");
        assertFalse(pkix(old, root));

        // operators see the generations: the new one signs, the older ones do not
        JsonObject listed = issuingCa(org, "RSA", 3);
        assertTrue(listed.getBoolean("signing"));
        assertFalse(issuingCa(org, "RSA", 1).getBoolean("signing"));
        assertEquals(400, Admin.postJson("/admin/api/issuing-cas/rollover", "{\"scope\":\"" + org
                + "\",\"authority\":\"DSA\"}").status());
    }

    // ---- the JDK's PKIX with revocation ------------------------------------------------------------------

    /** PKIX from the root with the issuing CA in the path, checking both levels' CRLs from their distribution points. */
    static boolean pkix(X509Certificate leaf, X509Certificate root) throws Exception {
        X509Certificate issuing = Pki.issuerOf(leaf);
        List<X509CRL> crls = List.of(Pki.crlOf(leaf), Pki.crlOf(issuing));
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        params.setRevocationEnabled(true);
        CertPathValidator v = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker crlOnly = (PKIXRevocationChecker) v.getRevocationChecker();
        crlOnly.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                PKIXRevocationChecker.Option.NO_FALLBACK));
        params.addCertPathChecker(crlOnly);
        try {
            v.validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, issuing)), params);
            return true;
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                return false;
            }
            throw e;
        }
    }

    @Test
    void theJdkValidatesWithRevocationThroughTheServedCrlsAndOcsp() throws Exception {
        String org = Enos.newOrg();
        String id = Enos.byKeys(org, Enos.newDevice(org));
        X509Certificate leaf = Pki.cert(Enos.apply(id, Pki.rsaCsr("pkix"), null, null).getString("cert"));
        X509Certificate root = Pki.root("RSA");
        assertTrue(pkix(leaf, root), "CRLs of both levels");
        // OCSP at both levels: the issuing CA answers for its leaf, the root for the issuing CA
        assertNull(Pki.ocspStatus(Http.BASE, root, leaf));
        assertNull(Pki.ocspStatus(Http.BASE, root, Pki.issuerOf(leaf)));
        assertTrue(OcspAndMutualTlsIT.javaRevocationCheck(leaf, root), "the JDK's OCSP checker, good");
        // a relying party that trusts only the organization's issuing CA (the intermediate as anchor)
        PKIXParameters pinned = new PKIXParameters(Set.of(new TrustAnchor(Pki.issuerOf(leaf), null)));
        pinned.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
                .generateCertPath(List.of(leaf)), pinned);
        String other = Enos.newOrg();
        X509Certificate stranger = Pki.cert(Enos.apply(Enos.byKeys(other, Enos.newDevice(other)),
                Pki.rsaCsr("stranger"), null, null).getString("cert"));
        assertThrows(CertPathValidatorException.class, () -> CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(stranger)), pinned),
                "another organization's leaf does not validate against this organization's CA");
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    static JsonObject issuingCa(String scope, String authority, int generation) {
        for (JsonValue v : Admin.get("/admin/api/issuing-cas").json().getJsonArray("issuingCas")) {
            JsonObject ca = v.asJsonObject();
            if (ca.getString("scope").equals(scope) && ca.getString("authority").equals(authority)
                    && ca.getInt("generation") == generation) {
                return ca;
            }
        }
        throw new AssertionError("no " + authority + " issuing CA G" + generation + " for " + scope);
    }

    static int certificates(String identity) {
        return Enos.ok(Enos.cert("list", identity, Json.createObjectBuilder().build())).getJsonArray("data").size();
    }

    static String leafSn(String identity, X509Certificate cert) {
        for (JsonValue v : Enos.ok(Enos.cert("list", identity, Json.createObjectBuilder().build())).getJsonArray("data")) {
            if (Pki.cert(v.asJsonObject().getString("cert")).equals(cert)) {
                return v.asJsonObject().getString("certSN");
            }
        }
        throw new AssertionError("not listed");
    }

    static List<X509Certificate> certsOnly(String base64) throws Exception {
        List<X509Certificate> out = new ArrayList<>();
        for (var h : new CMSSignedData(Base64.getMimeDecoder().decode(base64)).getCertificates().getMatches(null)) {
            out.add(Pki.cert(Pki.pem("CERTIFICATE", h.getEncoded())));
        }
        return out;
    }
}
