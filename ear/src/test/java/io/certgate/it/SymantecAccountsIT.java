package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Account-dependent behaviour of the CertManager facade on both wires: approval, specific end dates,
 * authentication by client certificate, the WSDL, and hostile input.
 */
class SymantecAccountsIT {

    static List<SymantecWire> wires(String account) {
        return List.of(SymantecWire.form(account), SymantecWire.soap(account));
    }

    @Test
    void approvalAccountsWaitForAnApproverWhoIsNeverTheRequester() {
        List<SymantecWire> approvers = wires(RaAccount.APPROVER);
        List<SymantecWire> bystanders = wires(RaAccount.AUTO);
        List<SymantecWire> requesters = wires(RaAccount.APPROVE);
        for (int i = 0; i < requesters.size(); i++) {
            SymantecWire w = requesters.get(i);
            SymantecWire approver = approvers.get(i);
            SymantecWire.Answer pending = w.call("enroll", SymantecParityIT.server());
            assertEquals("0x00", pending.statusCode(), w.name());
            assertEquals("pending", pending.message(), w.name());
            assertNull(pending.certificate(), "no certificate before approval");
            String tx = pending.transactionId();
            assertEquals("pending", w.call("pickup", Map.of("transaction_id", tx)).message());
            // separation of duties: the requester cannot decide its own request, nor can an account that is no approver
            assertEquals("0x12", w.call("approve", Map.of("transaction_id", tx)).statusCode(), "self-approval");
            assertEquals("0x12", w.call("reject", Map.of("transaction_id", tx)).statusCode(), "self-rejection");
            assertEquals("0x12", bystanders.get(i).call("approve", Map.of("transaction_id", tx)).statusCode(),
                    "not an approver");
            assertEquals("pending", w.call("pickup", Map.of("transaction_id", tx)).message(), "still pending");
            SymantecWire.Answer approved = approver.call("approve", Map.of("transaction_id", tx.toUpperCase()));
            assertEquals("success", approved.message(), w.name());
            Pki.verifyChain(Pki.cert(approved.certificate()), Pki.root("RSA"));
            SymantecWire.Answer picked = w.call("pickup", Map.of("transaction_id", tx));
            assertEquals(approved.certificate(), picked.certificate());
            assertEquals("0x08", approver.call("approve", Map.of("transaction_id", tx)).statusCode(), "decided once");

            SymantecWire.Answer second = w.call("enroll", SymantecParityIT.server());
            SymantecWire.Answer rejected = approver.call("reject", Map.of("transaction_id", second.transactionId()));
            assertEquals("0x00", rejected.statusCode());
            assertEquals("rejected", rejected.message());
            SymantecWire.Answer pickedRejected = w.call("pickup", Map.of("transaction_id", second.transactionId()));
            assertEquals("0x09", pickedRejected.statusCode());
            assertEquals("there is no certificate: the request was rejected", pickedRejected.message(),
                    "no leading space (issue 18)");
            assertEquals("0x08", approver.call("approve", Map.of("transaction_id", second.transactionId())).statusCode());
            // a bad CSR is refused at once, not left waiting for an approver
            assertEquals("0x04", w.call("enroll", SymantecParityIT.with(SymantecParityIT.server(), "csr", "x"))
                    .statusCode());
        }
        // both identities are in the audit record of the decision
        String audit = Admin.get("/admin/api/orgs/acme/audit?max=1000").body();
        assertTrue(audit.contains("approved by ra:" + RaAccount.APPROVER + "; requested by ra:" + RaAccount.APPROVE),
                audit);
        assertTrue(audit.contains("rejected by ra:" + RaAccount.APPROVER + "; requested by ra:" + RaAccount.APPROVE));
    }

    @Test
    void anOperatorApprovesThroughTheAdminApi() {
        SymantecWire w = SymantecWire.form(RaAccount.APPROVE);
        String tx = w.call("enroll", SymantecParityIT.server()).transactionId();
        Http.Answer approved = Admin.post("/admin/api/orgs/acme/transactions/" + tx + "/approve");
        assertEquals(200, approved.status(), approved.body());
        assertTrue(approved.body().contains("\"status\":\"issued\""), approved.body());
        Pki.verifyChain(Pki.cert(w.call("pickup", Map.of("transaction_id", tx)).certificate()), Pki.root("RSA"));
        assertEquals(409, Admin.post("/admin/api/orgs/acme/transactions/" + tx + "/approve").status(), "decided once");
        // the operator names the organization: another one does not have this transaction
        assertEquals(404, Admin.post("/admin/api/orgs/globex/transactions/" + tx + "/reject").status());
        String audit = Admin.get("/admin/api/orgs/acme/audit?max=1000").body();
        assertTrue(audit.contains("requested by ra:" + RaAccount.APPROVE) && audit.contains("approved by admin:"), audit);
    }

    @Test
    void specificEndDateOnlyWhereTheAccountAllowsIt() {
        LocalDate end = LocalDate.now(ZoneOffset.UTC).plusMonths(6);
        String date = end.format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy"));
        for (String account : List.of(RaAccount.END_DATE, RaAccount.AUTO)) {
            for (SymantecWire w : wires(account)) {
                SymantecWire.Answer a = w.call("enroll", SymantecParityIT.with(SymantecParityIT.server(),
                        "specificEndDate", date));
                assertEquals("0x00", a.statusCode(), a.message());
                X509Certificate cert = Pki.cert(a.certificate());
                if (account.equals(RaAccount.END_DATE)) {
                    assertEquals(end.atTime(23, 59, 59).toInstant(ZoneOffset.UTC), cert.getNotAfter().toInstant());
                } else {
                    SymantecChecks.assertYears(1, cert); // ignored: the account does not enable it
                }
                assertEquals("0x03", w.call("enroll", SymantecParityIT.with(SymantecParityIT.server(),
                        "specificEndDate", LocalDate.now(ZoneOffset.UTC).plusMonths(14)
                                .format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")))).statusCode(),
                        "beyond the 1Y validity period");
            }
        }
    }

    @Test
    void organizationsSeeOnlyTheirOwnTransactions() {
        // all bootstrap accounts are in one organization: each sees the others' transactions ...
        SymantecWire.Answer a = SymantecWire.form(RaAccount.AUTO).call("enroll", SymantecParityIT.server());
        assertEquals("success", SymantecWire.form(RaAccount.END_DATE).call("pickup",
                Map.of("transaction_id", a.transactionId())).message());
        // ... and a device certificate of the same org is not a CertManager certificate
        String org = Enos.bootstrapOrg();
        assertEquals("acme", org);
        var device = Enos.newDevice(org);
        var deviceCert = Enos.apply(Enos.byKeys(org, device), Pki.rsaCsr("device-x"), null, null);
        String serial = Pki.cert(deviceCert.getString("cert")).getSerialNumber().toString(16);
        assertEquals("0x0A", SymantecWire.form(RaAccount.AUTO).call("revoke", Map.of("certSerial", serial,
                "challenge", "x")).statusCode());
    }

    @Test
    void callersWithoutAnAccountCertificateAreRefused() {
        SymantecWire.Answer form = SymantecWire.form(null).call("enroll", SymantecParityIT.server());
        assertEquals("0x10", form.statusCode());
        assertEquals(403, form.httpStatus());
        SymantecWire.Answer soap = SymantecWire.soap(null).call("pickup", Map.of("transaction_id",
                "0123456789abcdef0123456789abcdef"));
        assertEquals("0x10", soap.statusCode());
        // plain HTTP never authenticates an RA account
        SymantecWire.Answer plain = SymantecWire.post(HttpClient.newHttpClient(),
                Http.BASE + "/vswebservices/rest/services/enroll", "firstName=x");
        assertEquals("0x10", plain.statusCode());
        assertEquals(403, plain.httpStatus());
    }

    @Test
    void wsdlIsPublishedAndMalformedRequestsAreRefused() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(RaAccount.tls(RaAccount.AUTO))
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> wsdl = client.send(HttpRequest.newBuilder(URI.create(RaAccount.HTTPS
                + "/vswebservices/soap/certmanager?wsdl")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("CertManagerService") && wsdl.body().contains("urn:symantec:api"));

        SymantecWire form = SymantecWire.form(RaAccount.AUTO);
        assertEquals("0x03", form.call("explode", Map.of()).statusCode());
        String url = RaAccount.HTTPS + "/vswebservices/rest/services/enroll";
        assertEquals("0x03", SymantecWire.post(client, url, "firstName=a&firstName=b").statusCode(), "repeated field");
        assertEquals("0x03", SymantecWire.post(client, url, "firstName=%zz").statusCode(), "broken encoding");
        SymantecWire.Answer big = SymantecWire.post(client, url, "csr=" + "A".repeat(70 * 1024));
        assertEquals("0x11", big.statusCode());
        assertEquals(413, big.httpStatus());
        // older subject_alt_name# fields are understood
        SymantecWire.Answer old = form.call("enroll", SymantecParityIT.with(SymantecParityIT.server(),
                "subject_alt_name1", "one.example.com", "subject_alt_name2", "two.example.com"));
        assertEquals("0x00", old.statusCode(), old.message());
        assertTrue(SymantecChecks.dnsNames(Pki.cert(old.certificate())).containsAll(List.of("one.example.com",
                "two.example.com")));
    }

    @Test
    void soapRefusesDtdsAndExternalEntities() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(RaAccount.tls(RaAccount.AUTO)).build();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:api=\"urn:symantec:api\"><soapenv:Body><api:PickupRequest><api:transaction_id>&xxe;"
                + "</api:transaction_id></api:PickupRequest></soapenv:Body></soapenv:Envelope>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;"
                + "&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"
                + "&lol2;&lol2;&lol2;\">]><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:api=\"urn:symantec:api\"><soapenv:Body><api:PickupRequest><api:transaction_id>&lol3;"
                + "</api:transaction_id></api:PickupRequest></soapenv:Body></soapenv:Envelope>";
        for (String body : List.of(xxe, laughs)) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(RaAccount.HTTPS
                            + "/vswebservices/soap/certmanager")).header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "urn:symantec:api:soap:pickup")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.body().contains("Fault"), r.body());
            assertFalse(r.body().contains("root:"), "no file content leaks");
            assertFalse(r.body().contains("lollollol"), "no entity expansion");
            assertFalse(r.body().contains("at org."), "no stack trace");
        }
    }

    @Test
    void aRenewalLeavesTheOriginalValid() throws Exception {
        SymantecWire w = SymantecWire.form(RaAccount.AUTO);
        SymantecWire.Answer original = w.call("enroll", SymantecParityIT.server());
        SymantecWire.Answer renewed = w.call("renew", SymantecParityIT.with(SymantecParityIT.server(),
                "original_transaction_id", original.transactionId(), "original_challenge", "first-challenge",
                "challenge", "second-challenge"));
        assertEquals("0x00", renewed.statusCode(), renewed.message());
        X509Certificate before = Pki.cert(original.certificate());
        assertNull(OcspAndMutualTlsIT.ask(Pki.issuerOf(before), before.getSerialNumber(), false).getCertStatus(),
                "the original is still good");
        assertEquals("success", w.call("pickup", Map.of("transaction_id", original.transactionId())).message());
        // the new transaction answers to the new challenge, the original to its own
        assertEquals("0x06", w.call("renew", SymantecParityIT.with(SymantecParityIT.server(),
                "original_transaction_id", renewed.transactionId(), "original_challenge", "first-challenge")).statusCode());
        assertEquals("0x00", w.call("renew", SymantecParityIT.with(SymantecParityIT.server(),
                "original_transaction_id", renewed.transactionId(), "original_challenge", "second-challenge")).statusCode());
    }

    @Test
    void codeSigningAnswersAPkcs7WithTheChain() {
        SymantecWire.Answer a = SymantecWire.form(RaAccount.AUTO).call("enroll", SymantecParityIT.with(
                SymantecParityIT.enroll("JavaCodeSigning", Pki.rsaCsr("Acme Java")), "validityPeriod", "2Y"));
        List<X509Certificate> chain = SymantecChecks.pkcs7(a.certificate());
        assertNotNull(chain.get(0));
        assertEquals(List.of(chain.get(0), Pki.issuerOf(chain.get(0)), Pki.root("RSA")), chain,
                "leaf, issuing CA, root");
        Pki.verifyChain(chain.get(0), chain.get(2));
        assertFalse(a.certificate().contains("BEGIN"), "base64 PKCS#7, not PEM");
    }
}
