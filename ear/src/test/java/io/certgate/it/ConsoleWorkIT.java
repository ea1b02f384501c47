package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console as operators work from it (issue 19, part B), in headless Chromium against the running server: a
 * certificate's page with what the certificate says of itself, the OCSP answer, its renewals both ways and its
 * files (opened with openssl and BouncyCastle, the chain verified); a revocation that asks first; the certificate
 * list sorted, paged without repeats and exported as CSV that matches the admin API row for row; bulk revocation
 * that reaches the CRL and reports a refused item; bulk approval with a comment in the audit, reachable at 390 px;
 * the CAs page with fingerprints of the certificates it serves, OCSP health and "publish CRL now". Screenshots
 * under target/screenshots (work-*.png).
 */
class ConsoleWorkIT {

    private static final HttpClient TLS = HttpClient.newBuilder().sslContext(RaAccount.tls((String) null))
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private static ConsoleBrowser browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = ConsoleBrowser.startAsAdmin();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private static void diagnosed(String name, Step step) throws Exception {
        try {
            step.run();
        } catch (AssertionError | RuntimeException e) {
            browser.keepForDiagnosis("failure-" + name);
            throw e;
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    @Test
    void aCertificatesPageShowsWhatItSaysAndServesItsFiles() throws Exception {
        diagnosed("work-certificate", this::certificatePage);
    }

    private void certificatePage() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String identity = Enos.byAsset(org, device);
        String tag = "work" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject applied = Enos.apply(identity, Pki.rsaCsr(tag), 365, "RSA");
        long sn = Long.parseLong(applied.getString("certSN"));
        X509Certificate cert = Pki.cert(applied.getString("cert"));
        JsonObject renewed = Enos.ok(Enos.cert("renew", identity, Json.createObjectBuilder().add("certSn", sn)
                .add("validDay", 200).build())).getJsonObject("data");
        long renewedSn = Long.parseLong(renewed.getString("certSN"));

        // 1. the facts, decoded from the certificate, as openssl would print them
        browser.open("/admin/console/certificate.xhtml?org=" + org + "&sn=" + sn);
        assertEquals(String.valueOf(sn), browser.text(By.id("certSn")));
        assertEquals(Pki.opensslSerial(cert.getSerialNumber()), browser.text(By.id("serialNumber")), "whole bytes, upper case");
        assertEquals("RSA 2048", browser.text(By.id("key")));
        assertEquals("SHA256withRSA", browser.text(By.id("signatureAlgorithm")));
        assertTrue(browser.text(By.id("keyUsage")).contains("digitalSignature"), browser.text(By.id("keyUsage")));
        assertTrue(browser.text(By.id("extendedKeyUsage")).contains("clientAuth"));
        assertEquals(fingerprint(cert, "SHA-256"), browser.text(By.id("sha256")));
        assertEquals(fingerprint(cert, "SHA-1"), browser.text(By.id("sha1")));
        assertTrue(browser.text(By.id("ocspStatus")).startsWith("good"), browser.text(By.id("ocspStatus")));
        assertEquals(String.valueOf(renewedSn), browser.text(By.cssSelector("#renewedBy a.renewed-by")));
        assertEquals(device.getString("assetId"), browser.text(By.id("deviceLink")));
        assertEquals(device.getString("productKey"), browser.text(By.id("productLink")));
        assertEquals(org, browser.text(By.id("organizationLink")));
        browser.checkPage("work-1-certificate");
        browser.click(By.cssSelector("#renewedBy a.renewed-by"));
        assertEquals(String.valueOf(renewedSn), browser.text(By.id("certSn")));
        assertEquals(String.valueOf(sn), browser.text(By.id("renewsLink")), "and back along the renewal");
        browser.click(By.id("renewsLink"));
        assertEquals(String.valueOf(sn), browser.text(By.id("certSn")));

        // 2. the files: content types, file names, and what openssl and BouncyCastle read in them
        Path dir = Files.createTempDirectory("certgate-work");
        Download pem = download(By.id("downloadPem"));
        pem.expect("application/x-pem-file", "certificate-" + sn + ".pem");
        assertEquals(cert, Pki.cert(pem.text()));
        Download der = download(By.id("downloadDer"));
        der.expect("application/pkix-cert", "certificate-" + sn + ".cer");
        Path derFile = Files.write(dir.resolve("c.cer"), der.body());
        assertEquals("sha256 Fingerprint=" + fingerprint(cert, "SHA-256"),
                openssl("x509", "-inform", "DER", "-in", derFile.toString(), "-noout", "-fingerprint", "-sha256").trim());
        assertEquals("serial=" + Pki.opensslSerial(cert.getSerialNumber()),
                openssl("x509", "-inform", "DER", "-in", derFile.toString(), "-noout", "-serial").trim());
        Download chain = download(By.id("downloadChain"));
        chain.expect("application/x-pem-file", "certificate-" + sn + "-chain.pem");
        List<X509Certificate> chained = certificates(chain.body());
        assertEquals(3, chained.size(), "the certificate, its issuing CA, the root");
        assertEquals(cert, chained.get(0));
        assertEquals(Pki.root("RSA"), chained.get(2));
        Pki.verifyChain(chained.get(0), chained.get(2));
        Path chainFile = Files.write(dir.resolve("chain.pem"), chain.body());
        Path rootFile = Files.writeString(dir.resolve("root.pem"), Pki.pem("CERTIFICATE", chained.get(2).getEncoded()));
        assertTrue(openssl("verify", "-CAfile", rootFile.toString(), "-untrusted", chainFile.toString(),
                chainFile.toString()).contains(": OK"));
        Download p7 = download(By.id("downloadPkcs7"));
        p7.expect("application/pkcs7-mime; smime-type=certs-only", "certificate-" + sn + ".p7b");
        List<X509Certificate> inP7 = new ArrayList<>();
        for (X509CertificateHolder h : new CMSSignedData(p7.body()).getCertificates().getMatches(null)) {
            inP7.add(new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(h));
        }
        assertTrue(inP7.containsAll(chained) && chained.containsAll(inP7), "the same chain in PKCS#7");
        String printed = openssl("pkcs7", "-inform", "DER", "-in", Files.write(dir.resolve("c.p7b"), p7.body())
                .toString(), "-print_certs", "-noout");
        assertEquals(3, printed.split("subject=", -1).length - 1, printed);
        // another organization's certificate is not there for this one, and a file is only a GET of the console
        Download foreign = fetch("/admin/console/download/certificate?org=" + Enos.newOrg() + "&sn=" + sn + "&format=pem");
        assertEquals(404, foreign.status(), foreign.text());
        assertFalse(foreign.text().contains("Exception"), foreign.text());
        List<String> logged = browser.severeLog(); // the browser logs the refused fetch: that one and nothing else
        assertTrue(logged.size() == 1 && logged.get(0).contains("status of 404"), logged.toString());

        // 3. revoking asks first and names the certificate
        WebElement confirm = browser.find(By.id("revoke:confirm"));
        assertFalse(confirm.isDisplayed(), "no revoke button before the second step");
        browser.find(By.id("revokeOpen")).click();
        assertTrue(confirm.isDisplayed());
        assertTrue(browser.text(By.id("revokeWarning")).contains("certificate " + sn + " (serial "
                + Pki.opensslSerial(cert.getSerialNumber())), browser.text(By.id("revokeWarning")));
        browser.checkPage("work-2-revoke-confirmation");
        new Select(browser.find(By.id("revoke:reason"))).selectByVisibleText("superseded");
        browser.click(By.id("revoke:confirm"));
        browser.assertOnlyMessage("Certificate " + sn + " revoked (superseded).");
        assertTrue(browser.text(By.id("ocspStatus")).startsWith("revoked"), "what OCSP answers now");
        assertTrue(Pki.crlOf(cert).isRevoked(cert));
    }

    @Test
    void theListIsSortedPagedExportedAndRevokedInBulk() throws Exception {
        diagnosed("work-list", this::listSortExportBulk);
    }

    private void listSortExportBulk() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String identity = Enos.byAsset(org, device);
        List<Long> sns = new ArrayList<>();
        List<X509Certificate> certs = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // several are signed within the same second
            JsonObject a = Enos.apply(identity, Pki.rsaCsr("list" + i + "-" + org), 100 + i, "RSA");
            sns.add(Long.parseLong(a.getString("certSN")));
            certs.add(Pki.cert(a.getString("cert")));
        }
        List<String> ascending = sns.stream().sorted().map(String::valueOf).toList();
        List<String> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);

        // 1. two pages of ten: every certificate once, none twice, newest first (certSn breaking ties)
        assertPagesOfTen("/admin/console/certificates.xhtml?org=" + org, descending, ConsoleWorkIT::certSns,
                "Searching certificates");

        // 2. a header sorts, a second click turns it round
        browser.open("/admin/console/certificates.xhtml?org=" + org + "&size=25");
        browser.click(By.cssSelector("th a[id$='sortCertSn']"));
        assertEquals(ascending, certSns());
        assertTrue(browser.driver().getCurrentUrl().contains("sort=certSn"), browser.driver().getCurrentUrl());
        browser.click(By.cssSelector("th a[id$='sortCertSn']"));
        assertEquals(descending, certSns());
        browser.checkPage("work-3-certificates-sorted");

        // 3. the CSV of this filter is the admin API's answer for it, row for row
        Download csv = download(By.id("exportCsv"));
        csv.expect("text/csv; charset=UTF-8", "certificates-" + org + ".csv");
        List<List<String>> rows = parseCsv(csv.text());
        JsonObject api = Admin.get("/admin/api/orgs/" + org + "/certificates?sort=-certSn&limit=500").json();
        assertRowsAreTheApis(rows, api.getJsonArray("certificates").getValuesAs(JsonObject.class), csv.text());
        assertEquals(descending, rows.stream().skip(1).map(r -> r.get(0)).toList());

        // 4. bulk revoke: one already revoked is refused for itself, the others go on the CRL
        Admin.postJson("/admin/api/orgs/" + org + "/certificates/" + sns.get(0) + "/revoke", "{\"reason\":\"superseded\"}");
        browser.open("/admin/console/certificates.xhtml?org=" + org + "&size=25&sort=certSn");
        for (long sn : List.of(sns.get(0), sns.get(1), sns.get(2))) {
            browser.find(By.cssSelector("input.pick[value='" + sn + "']")).click();
        }
        browser.click(By.id("revokeTicked"));
        assertEquals("Revoke 3 certificate(s)?", browser.text(By.id("confirmRevokeHeading")));
        assertTrue(browser.text(By.id("chosenCertificates")).startsWith("Certificates " + sns.get(0) + ", "
                + sns.get(1) + ", " + sns.get(2) + " "), browser.text(By.id("chosenCertificates")));
        browser.checkPage("work-4-bulk-revoke-confirmation");
        new Select(browser.find(By.id("confirmBulk:reason"))).selectByVisibleText("keyCompromise");
        browser.click(By.id("confirmBulk:confirm"));
        assertEquals(List.of("2 of 3 certificate(s) revoked (keyCompromise).", "Certificate " + sns.get(0)
                + " not revoked: The certificate has already been revoked."), browser.messages());
        for (int i = 1; i <= 2; i++) {
            assertTrue(Pki.crlOf(certs.get(i)).isRevoked(certs.get(i)), "on the CRL: " + sns.get(i));
        }
        assertFalse(Pki.crlOf(certs.get(3)).isRevoked(certs.get(3)), "not ticked, not revoked");
        JsonObject audited = Admin.get("/admin/api/orgs/" + org + "/audit?action=certificate.revoke").json();
        assertEquals(3, audited.getInt("total"), "one audit record per revocation: " + audited);

        // 5. ids are links: the audit's certSns, the home page's counts; an unknown organization is said to be one
        browser.open("/admin/console/audit.xhtml?org=" + org + "&action=certificate.revoke");
        List<String> linked = browser.all(By.cssSelector("#records .target a.certsn")).stream().map(WebElement::getText).toList();
        assertEquals(List.of(String.valueOf(sns.get(2)), String.valueOf(sns.get(1)), String.valueOf(sns.get(0))), linked);
        String serialLink = browser.all(By.cssSelector("#records .target a.serial")).get(0).getText();
        browser.click(By.linkText(String.valueOf(sns.get(1))));
        assertEquals("revoked", browser.text(By.id("status")));
        // a serial in a target links to the search by serial, which finds that one certificate
        browser.open("/admin/console/audit.xhtml?org=" + org + "&action=certificate.revoke");
        browser.click(By.linkText(serialLink));
        assertEquals("1 certificate(s)", browser.text(By.id("resultsHeading")));
        assertEquals(List.of(String.valueOf(sns.get(2))), certSns());
        browser.open("/admin/console/home.xhtml?org=" + org);
        browser.click(By.xpath("//table[@id='organizationCounts']//tr[th='Revoked certificates']/td/a"));
        assertEquals("3 certificate(s)", browser.text(By.id("resultsHeading")), "the count's link lists them");
        browser.open("/admin/console/home.xhtml?org=" + org);
        assertFalse(browser.all(By.cssSelector("#organizations option[value='" + org + "']")).isEmpty(), "listed");
        String unknown = "nosuch" + UUID.randomUUID().toString().substring(0, 8);
        browser.open("/admin/console/home.xhtml?org=" + unknown);
        browser.assertOnlyMessage("There is no organization " + unknown + " on this server (no credential, RA account "
                + "or product names it): choose one of the list.");
        assertTrue(browser.all(By.id("organizationCounts")).isEmpty(), "no silent zeros");
        browser.checkPage("work-9-unknown-organization");
    }

    @Test
    void theAuditTrailIsSortedPagedAndExportedAsTheApiAnswers() throws Exception {
        diagnosed("work-audit", this::auditList);
    }

    private void auditList() throws Exception {
        String org = Enos.newOrg();
        String identity = Enos.byAsset(org, Enos.newDevice(org));
        for (int i = 0; i < 12; i++) { // records of the same second, told apart by their ids
            Enos.apply(identity, Pki.rsaCsr("audit" + i + "-" + org), 100, "RSA");
        }
        List<String> newest = auditRows("/admin/api/orgs/" + org + "/audit?limit=500");
        assertTrue(newest.size() > 10, "more than a page of ten: " + newest);

        // 1. pages of ten: every record once, newest first, as the API lists them
        assertPagesOfTen("/admin/console/audit.xhtml?org=" + org, newest, ConsoleWorkIT::shownAuditRows,
                "Reading the audit trail");

        // 2. a header sorts, a second click turns it round: the API's order for the same sort
        browser.open("/admin/console/audit.xhtml?org=" + org + "&size=200");
        browser.click(By.cssSelector("th a[id$='sortAction']"));
        assertTrue(browser.driver().getCurrentUrl().contains("sort=action"), browser.driver().getCurrentUrl());
        assertEquals(auditRows("/admin/api/orgs/" + org + "/audit?sort=action&limit=500"), shownAuditRows());
        browser.click(By.cssSelector("th a[id$='sortAction']"));
        List<String> byActionDescending = auditRows("/admin/api/orgs/" + org + "/audit?sort=-action&limit=500");
        assertEquals(byActionDescending, shownAuditRows());
        assertNotEquals(newest, byActionDescending, "another order than the default");
        browser.checkPage("work-10-audit-sorted");

        // 3. the CSV of a filter in that order is the admin API's answer for it, row for row
        browser.open("/admin/console/audit.xhtml?org=" + org + "&action=certificate&sort=-action&size=10");
        Download csv = download(By.id("exportCsv"));
        csv.expect("text/csv; charset=UTF-8", "audit-" + org + ".csv");
        JsonObject api = Admin.get("/admin/api/orgs/" + org + "/audit?action=certificate&sort=-action&limit=500").json();
        List<JsonObject> listed = api.getJsonArray("records").getValuesAs(JsonObject.class);
        assertTrue(listed.size() >= 12 && listed.size() < newest.size(), "the filter holds: " + listed.size());
        assertRowsAreTheApis(parseCsv(csv.text()), listed, csv.text());
        assertEquals(List.of("at", "orgId", "actor", "action", "target", "outcome", "requestId"), parseCsv(csv.text()).get(0));
    }

    /**
     * A list of more than ten rows in pages of ten: every row once, in the expected order, page after page; the jump
     * goes back to page 1; a page size not offered is refused with a word, not a silent default.
     */
    private static void assertPagesOfTen(String list, List<String> expected, java.util.function.Supplier<List<String>> shown,
                                         String what) {
        assertPagesOfTen(list, "", expected, shown, what);
    }

    /** The same for one of several lists on a page, whose parameters and pager ids start with {@code prefix}. */
    private static void assertPagesOfTen(String list, String prefix, List<String> expected,
                                         java.util.function.Supplier<List<String>> shown, String what) {
        browser.open(list + "&" + prefix + "size=10");
        if (!prefix.isEmpty()) { // the lists of the pending page choose their page size in the jump form
            assertEquals("10", new Select(browser.find(By.id(prefix + "size"))).getFirstSelectedOption().getText(),
                    "the size shown is the size in use, so a jump keeps it");
        }
        long pages = (expected.size() + 9) / 10;
        assertEquals("Page 1 of " + pages, browser.text(By.id(prefix + "pageOf")));
        List<String> seen = new ArrayList<>(shown.get());
        for (int p = 2; p <= pages; p++) {
            browser.click(By.id(prefix + "nextPage"));
            seen.addAll(shown.get());
        }
        assertEquals(expected, seen);
        browser.find(By.id(prefix + "page")).clear();
        browser.find(By.id(prefix + "page")).sendKeys("1");
        browser.click(By.id(prefix + "go"));
        assertEquals(expected.subList(0, 10), shown.get());
        browser.open(list + "&" + prefix + "size=7");
        browser.assertOnlyMessage(what + ": Rows per page must be one of [10, 25, 50, 100, 200].");
    }

    /**
     * Ticks these rows of one of the pending page's forms, types the comment into its (empty) comment field and
     * presses its bulk button; the page's messages.
     */
    private static List<String> decideTicked(String form, List<?> ids, String comment, String button) {
        for (Object id : ids) {
            browser.find(By.cssSelector("form[id='" + form + "'] input.pick[value='" + id + "']")).click();
        }
        assertEquals("", browser.find(By.id(form + ":comment")).getAttribute("value"), "no comment of before");
        browser.find(By.id(form + ":comment")).sendKeys(comment);
        browser.click(By.id(form + ":" + button));
        return browser.messages();
    }

    /** The API's records as "action target" lines. */
    private static List<String> auditRows(String path) {
        return Admin.get(path).json().getJsonArray("records").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("action") + " " + r.getString("target")).toList();
    }

    /** The pending page's DigiCert request ids, as shown. */
    private static List<String> shownDigiCertRows() {
        return browser.all(By.cssSelector("#digicertRequests\\:rows tbody tr .request-id")).stream()
                .map(e -> e.getText().trim()).toList();
    }

    /** The audit page's rows as "action target" lines. */
    private static List<String> shownAuditRows() {
        return browser.all(By.cssSelector("#records tbody tr")).stream().map(tr -> tr.findElement(By.className("action"))
                .getText().trim() + " " + tr.findElement(By.className("target")).getText().trim()).toList();
    }

    @Test
    void anApproverDecidesInBulkWithACommentAndReachesApproveAt390Pixels() throws Exception {
        diagnosed("work-pending", this::pending);
    }

    private void pending() throws Exception {
        String org = Enos.newOrg();
        String productKey = Enos.createProduct(org, true, null);
        assertEquals(200, Admin.putJson("/admin/api/orgs/" + org + "/products/" + productKey + "/enrollment-approval",
                "{\"required\":true}").status());
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonObject device = Enos.createDevice(org, productKey, null);
            KeyPair key = Pki.rsa(2048);
            String csr = Pki.csr(key, "SHA256withRSA", "CN=" + device.getString("deviceKey") + ",O=certgate it");
            assertEquals(202, simpleenroll(productKey, device.getString("deviceKey"), device.getString("deviceSecret"),
                    csr).status());
        }
        browser.open("/admin/console/pending.xhtml?org=" + org);
        for (WebElement row : browser.all(By.cssSelector("#deviceRequests\\:rows tbody tr"))) {
            requests.add(row.findElement(By.className("request-id")).getText().trim());
            assertEquals("RSA 2048, SHA256WITHRSA", row.findElement(By.className("key")).getText().trim()
                    .toUpperCase(Locale.ROOT));
            String until = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(730).toString();
            String validity = row.findElement(By.className("validity")).getText().trim();
            assertEquals("valid 730 days, until " + until + " (the product's default)", validity,
                    "what an approval issues now (a new organization's CA ends long after)");
        }
        assertEquals(2, requests.size());

        // 390 px: the page does not run off, and the first Approve is inside the viewport's width
        try {
            browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390,
                    "height", 844, "deviceScaleFactor", 1, "mobile", true));
            browser.open("/admin/console/pending.xhtml?org=" + org);
            long viewport = ((Number) browser.driver().executeScript("return document.documentElement.clientWidth;")).longValue();
            assertEquals(390, viewport, "a phone's width");
            long page = ((Number) browser.driver().executeScript("return document.documentElement.scrollWidth;")).longValue();
            assertTrue(page <= viewport, "nothing runs off the page: " + page + " > " + viewport);
            WebElement approve = browser.find(By.cssSelector("[aria-label='Approve self-enrollment request "
                    + requests.get(0) + "']"));
            Map<?, ?> rect = (Map<?, ?>) browser.driver().executeScript(
                    "const r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right};", approve);
            assertTrue(((Number) rect.get("left")).doubleValue() >= 0
                    && ((Number) rect.get("right")).doubleValue() <= viewport, "Approve within 390 px: " + rect);
            browser.checkPage("work-5-pending-390px");
            browser.open("/admin/console/certificates.xhtml?org=" + org);
            assertTrue(((Number) browser.driver().executeScript("return document.documentElement.scrollWidth;"))
                    .longValue() <= viewport, "the certificate list neither");
            browser.checkPage("work-6-certificates-390px");
        } finally {
            browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }

        // both approved at once with one comment; each decision is audited with it, the issued ones are links
        browser.open("/admin/console/pending.xhtml?org=" + org);
        String comment = "checked against the delivery note " + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(List.of("2 of 2 self-enrollment request(s) approved."), decideTicked("deviceRequests", requests,
                comment, "approveTicked"));
        browser.checkPage("work-7-pending-approved");
        JsonObject audited = Admin.get("/admin/api/orgs/" + org + "/audit?action=enrollment.approve").json();
        List<JsonObject> records = audited.getJsonArray("records").getValuesAs(JsonObject.class);
        assertEquals(2, records.size(), audited.toString());
        for (JsonObject r : records) {
            assertEquals("success; comment: " + comment, r.getString("outcome"));
        }
        browser.open("/admin/console/audit.xhtml?org=" + org + "&action=enrollment.approve");
        assertTrue(browser.text(By.id("records")).contains(comment), "the comment in the console's audit too");
        // kept with the requests themselves, shown where the API shows decided requests
        List<JsonObject> decided = Admin.get("/admin/api/orgs/" + org + "/self-enrollments?status=issued").json()
                .getJsonArray("pending").getValuesAs(JsonObject.class);
        assertEquals(requests, decided.stream().map(r -> String.valueOf(r.getJsonNumber("requestId").longValue())).toList());
        for (JsonObject r : decided) {
            assertEquals(comment, r.getString("decisionComment"), r.toString());
            assertEquals("admin:admin", r.getString("decidedBy"), r.toString());
        }

        // every kind of pending request has the bulk decision: CertManager transactions and DigiCert requests
        List<String> transactions = List.of(AdminReadsIT.PendingEnrollment.submit(org).transactionId(),
                AdminReadsIT.PendingEnrollment.submit(org).transactionId());
        DigiCertClient digiCert = DigiCert.newKey(org);
        List<Long> digiCertRequests = new ArrayList<>();
        for (int i = 0; i < 11; i++) { // more than a page of ten
            String cn = "bulk" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + ".internal.test";
            JsonObject order = digiCert.order("private_ssl_plus", DigiCert.order(DigiCert.certificate(cn, null,
                    Pki.rsaCsr(cn), "sha256"), false).build()).expect(201);
            digiCertRequests.add(DigiCert.intId(order.getJsonArray("requests").getJsonObject(0), "id"));
        }
        // the pending lists page, sort and export as the others: the DigiCert requests in pages of ten, oldest first
        List<String> oldestFirst = digiCertRequests.stream().map(String::valueOf).toList();
        assertPagesOfTen("/admin/console/pending.xhtml?org=" + org, "r", oldestFirst, ConsoleWorkIT::shownDigiCertRows,
                "Listing pending DigiCert requests");
        browser.open("/admin/console/pending.xhtml?org=" + org + "&rsize=25");
        browser.click(By.cssSelector("th a[id$='sortDigiCertId']"));
        assertTrue(browser.driver().getCurrentUrl().contains("rsort=-id"), browser.driver().getCurrentUrl());
        List<String> newestFirst = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, shownDigiCertRows());
        browser.click(By.cssSelector("th a[id$='sortTransactionId']")); // another list's order; this one's stays
        assertEquals(transactions.stream().sorted().toList(), browser.all(By.cssSelector(
                "#transactions\\:rows tbody tr .transaction-id")).stream().map(e -> e.getText().trim()).toList());
        assertEquals(newestFirst, shownDigiCertRows());
        browser.checkPage("work-8-pending-sorted");
        // each list's CSV in its order is the admin API's list, row for row
        Download dcCsv = download(By.id("exportDigiCertCsv"));
        dcCsv.expect("text/csv; charset=UTF-8", "pending-digicert-requests-" + org + ".csv");
        List<JsonObject> apiRequests = new ArrayList<>(Admin.get("/admin/api/orgs/" + org + "/digicert-requests").json()
                .getJsonArray("requests").getValuesAs(JsonObject.class));
        java.util.Collections.reverse(apiRequests); // the API lists oldest first; the page is newest first now
        assertRowsAreTheApis(parseCsv(dcCsv.text()), apiRequests, dcCsv.text());
        Download txCsv = download(By.id("exportTransactionsCsv"));
        List<JsonObject> apiTransactions = Admin.get("/admin/api/orgs/" + org + "/transactions").json()
                .getJsonArray("transactions").getValuesAs(JsonObject.class).stream()
                .sorted(java.util.Comparator.comparing(t -> t.getString("transactionId"))).toList();
        assertRowsAreTheApis(parseCsv(txCsv.text()), apiTransactions, txCsv.text());

        browser.open("/admin/console/pending.xhtml?org=" + org);
        String txComment = "no purchase order " + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(List.of("2 of 2 CertManager transaction(s) rejected."), decideTicked("transactions", transactions,
                txComment, "rejectTicked"));
        JsonObject txAudit = Admin.get("/admin/api/orgs/" + org + "/audit?action=transaction.reject").json();
        assertEquals(2, txAudit.getInt("total"), txAudit.toString());
        for (JsonObject r : txAudit.getJsonArray("records").getValuesAs(JsonObject.class)) {
            assertTrue(r.getString("outcome").startsWith("rejected by admin:admin; requested by ra:")
                    && r.getString("outcome").endsWith("; comment: " + txComment), r.toString());
        }
        assertEquals(0, Admin.get("/admin/api/orgs/" + org + "/transactions").json().getInt("total"), "none waits");

        String dcComment = "duplicate of an existing order " + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(List.of("2 of 2 DigiCert request(s) rejected."), decideTicked("digicertRequests",
                digiCertRequests.subList(0, 2), dcComment, "rejectTicked"));
        browser.checkPage("work-8-pending-bulk-kinds");
        for (long id : digiCertRequests.subList(0, 2)) {
            JsonObject request = digiCert.request(id).expect(200);
            assertEquals("rejected", request.getString("status"), request.toString());
            assertEquals(dcComment, request.getString("processor_comment"), "kept with the request: " + request);
        }
    }

    @Test
    void theCasPageShowsFingerprintsAndPublishesCrlsNow() throws Exception {
        diagnosed("work-cas", this::authorities);
    }

    private void authorities() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        X509Certificate leaf = Pki.cert(Enos.apply(Enos.byAsset(org, device), Pki.rsaCsr("cas-" + org), 30, "RSA")
                .getString("cert"));
        X509Certificate issuing = Pki.issuerOf(leaf);
        browser.open("/admin/console/authorities.xhtml");
        for (String authority : List.of("RSA", "ECC")) {
            WebElement panel = browser.find(By.id("authority-" + authority));
            assertEquals(fingerprint(Pki.root(authority), "SHA-256"),
                    panel.findElement(By.className("fingerprint")).getText().trim());
            assertTrue(panel.findElement(By.className("download-certificate")).getAttribute("href")
                    .startsWith(RaAccount.HTTPS + "/"), "links on the address the operator came in on");
        }
        WebElement row = issuingRow(org, "RSA");
        assertEquals(fingerprint(issuing, "SHA-256"), row.findElement(By.className("fingerprint")).getText().trim());
        assertEquals("answering", row.findElement(By.className("ocsp")).getText().trim());
        long before = Long.parseLong(row.findElement(By.className("crl-number")).getText().trim());
        browser.checkPage("work-8-authorities");

        browser.click(By.id("publish:publishCrls"));
        List<String> said = browser.messages();
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).matches("\\d+ CRL\\(s\\) published now.*\\."), said.get(0));
        long after = Long.parseLong(issuingRow(org, "RSA").findElement(By.className("crl-number")).getText().trim());
        assertTrue(after > before, before + " -> " + after);
        assertEquals(BigInteger.valueOf(after), crlNumber(Pki.crlOf(leaf)), "the CRL served is the one published");
        browser.checkPage(null);
    }

    // ---- helpers

    private static WebElement issuingRow(String org, String root) {
        return browser.all(By.cssSelector("tr.issuing-ca")).stream().filter(r -> r.findElement(By.className("scope"))
                .getText().trim().equals(org) && r.findElement(By.className("root")).getText().trim().equals(root))
                .findFirst().orElseThrow(() -> new AssertionError("no " + root + " issuing CA of " + org));
    }

    private static BigInteger crlNumber(java.security.cert.X509CRL crl) throws Exception {
        byte[] ext = crl.getExtensionValue(org.bouncycastle.asn1.x509.Extension.cRLNumber.getId());
        return org.bouncycastle.asn1.ASN1Integer.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(ext)
                .getOctets()).getValue();
    }

    /** The CSV's rows are the API's objects, row for row, each header's cell the object's member of that name. */
    private static void assertRowsAreTheApis(List<List<String>> rows, List<JsonObject> listed, String csv) {
        List<String> header = rows.get(0);
        assertEquals(listed.size() + 1, rows.size(), csv);
        for (int i = 0; i < listed.size(); i++) {
            for (int c = 0; c < header.size(); c++) {
                assertEquals(text(listed.get(i).get(header.get(c))), rows.get(i + 1).get(c),
                        "row " + i + ", " + header.get(c));
            }
        }
    }

    private static List<String> certSns() {
        return browser.all(By.cssSelector("#results tbody tr td:first-child")).stream().map(e -> e.getText().trim())
                .toList();
    }

    private static String fingerprint(X509Certificate cert, String digest) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance(digest)
                .digest(cert.getEncoded()));
    }

    private static List<X509Certificate> certificates(byte[] pem) throws Exception {
        List<X509Certificate> out = new ArrayList<>();
        for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    private static String openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    /** A JSON value as the CSV writes it: strings and numbers as they are, null empty. */
    private static String text(JsonValue v) {
        if (v == null || v == JsonValue.NULL) {
            return "";
        }
        return v instanceof JsonString s ? s.getString() : v instanceof JsonNumber n ? n.toString() : v.toString();
    }

    /** RFC 4180: quoted fields, doubled quotes, CRLF lines. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(ch);
            }
        }
        assertEquals(0, cell.length() + row.size(), "the last line ends with CRLF");
        return rows;
    }

    /** A file as the browser fetches it, in the operator's session (whatever the console's sign-in is). */
    private record Download(int status, String contentType, String disposition, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        void expect(String type, String fileName) {
            assertEquals(200, status, text());
            assertEquals(type, contentType);
            assertEquals("attachment; filename=\"" + fileName + "\"", disposition);
        }
    }

    private static Download download(By link) {
        return fetch(browser.find(link).getAttribute("href"));
    }

    @SuppressWarnings("unchecked")
    private static Download fetch(String url) {
        Map<String, Object> r = (Map<String, Object>) browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => {"
                        + "  let s = ''; const u = new Uint8Array(b); for (let i = 0; i < u.length; i++) s += String.fromCharCode(u[i]);"
                        + "  done({status: r.status, type: r.headers.get('content-type'),"
                        + "        disposition: r.headers.get('content-disposition'), body: btoa(s)});"
                        + "})).catch(e => done({status: -1, type: null, disposition: String(e), body: ''}));", url);
        return new Download(((Number) r.get("status")).intValue(), (String) r.get("type"), (String) r.get("disposition"),
                Base64.getDecoder().decode((String) r.get("body")));
    }

    /** EST simpleenroll (RFC 7030 4.2.1) with the device's secret. */
    private static Http.Answer simpleenroll(String productKey, String deviceKey, String secret, String csrPem) {
        String b64 = csrPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Http.send(TLS, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + "/.well-known/est/" + productKey
                + "/simpleenroll")).header("Authorization", Admin.basic(deviceKey, secret))
                .header("Content-Type", "application/pkcs10").POST(HttpRequest.BodyPublishers.ofString(b64)));
    }
}
