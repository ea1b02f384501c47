package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The operators' console in a real browser (headless Chromium through Selenium), against the running server: an
 * operator signs in with the admin API's login, picks an organization with the keyboard, creates a product (after a
 * refusal) and a device (whose secret is shown once), finds a certificate the device got through EnOS by device,
 * serial and subject, opens it, revokes it with a reason and sees the revocation in the audit trail and on the CAs
 * page's CRL; makes the product's self-enrollments wait, lets a device enroll over EST (202) and approves the
 * request in the console, after which EST issues. Every page loads without console errors, labels every field, and
 * leaves a screenshot under target/screenshots. Each change is checked once more through the admin API or the
 * protocol, not only on the page.
 */
class AdminConsoleIT {

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

    /**
     * Issue 19: the console signs in with its own form (a token against login CSRF, a new session at each sign-in) and
     * never with HTTP Basic, which stays the admin API's; without a session every page leads to the sign-in page.
     */
    @Test
    void theConsoleSignsInWithItsFormOverHttpsAndTheApiKeepsBasic() {
        String page = "/admin/console/home.xhtml";
        ConsoleClient stranger = new ConsoleClient();
        for (String authorization : List.of(Admin.basic("admin", Admin.password()), Admin.basic("admin", "wrong"))) {
            HttpResponse<String> basic = stranger.send(HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + page))
                    .header("Authorization", authorization).GET());
            assertEquals(302, basic.statusCode(), "Basic is no console sign-in: " + basic.body());
            assertEquals(ConsoleClient.SIGN_IN + "?next=%2Fadmin%2Fconsole%2Fhome.xhtml", ConsoleClient.location(basic));
            assertTrue(basic.headers().firstValue("WWW-Authenticate").isEmpty(), "no Basic challenge");
        }
        HttpResponse<String> signInPage = stranger.get(ConsoleClient.SIGN_IN);
        assertEquals(200, signInPage.statusCode());
        assertTrue(signInPage.body().contains("<h1>Sign in</h1>"), signInPage.body());
        assertEquals(CSP, signInPage.headers().firstValue("Content-Security-Policy").orElse(null));
        String tokenCookie = signInPage.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("certgate_signin=")).findFirst().orElseThrow();
        assertTrue(tokenCookie.toLowerCase(Locale.ROOT).contains("; secure") && tokenCookie.toLowerCase(Locale.ROOT)
                .contains("; httponly") && tokenCookie.toLowerCase(Locale.ROOT).contains("samesite=strict"), tokenCookie);
        assertEquals(null, stranger.sessionId(), "no session before the sign-in");

        HttpResponse<String> withoutToken = stranger.post(ConsoleClient.SIGN_IN, java.util.Map.of("username", "admin",
                "password", Admin.password()));
        assertEquals(400, withoutToken.statusCode(), "a sign-in form from elsewhere (login CSRF)");
        HttpResponse<String> wrong = stranger.signIn("admin", "wrong-" + UUID.randomUUID());
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("Wrong operator name or password"), wrong.body());
        assertEquals(null, stranger.sessionId(), "no session for a wrong password");

        HttpResponse<String> right = stranger.signIn("admin", Admin.password(), java.util.Map.of("next",
                "/admin/console/operators.xhtml"));
        assertEquals(302, right.statusCode(), right.body());
        assertEquals("/admin/console/operators.xhtml", ConsoleClient.location(right), "back to the page asked for");
        String first = stranger.sessionId();
        assertTrue(first != null, "a session from the sign-in on");
        HttpResponse<String> signedIn = stranger.get(page);
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.body().contains("Signed in as admin"), signedIn.body());
        HttpResponse<String> again = stranger.signIn("admin", Admin.password(), java.util.Map.of("next",
                "https://evil.example/admin/console/home.xhtml"));
        assertEquals(page, ConsoleClient.location(again), "never to another site");
        assertFalse(first.equals(stranger.sessionId()), "a new session id at every sign-in (no fixation)");

        Http.Answer plain = Http.get(ConsoleClient.SIGN_IN);
        assertTrue(plain.status() / 100 == 3, "plain HTTP is redirected to HTTPS: " + plain.status());
        assertEquals(200, Admin.get("/admin/api/stats").status(), "the admin API keeps HTTP Basic");
        assertEquals(401, Admin.getAs(null, "/admin/api/stats").status());
        for (String entry : List.of("/admin", "/admin/", "/admin/console/")) {
            assertEquals(302, stranger.get(entry).statusCode(), entry);
        }
        HttpResponse<String> source = stranger.get("/admin/console/WEB-INF/console/layout.xhtml");
        assertEquals(404, source.statusCode(), "no page sources");
        assertTrue(source.body().contains("<h1>No such page</h1>"), "the console's own 404 page: " + source.body());
        HttpResponse<String> unknown = stranger.get("/admin/console/nothing-here.xhtml");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("<h1>No such page</h1>"), unknown.body());
        assertEquals(404, Admin.get("/home.xhtml").status(), "views only through the console's path");
    }

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /**
     * A console form post counts only with the view state of a page the console rendered in the operator's session
     * (Faces' own), also for a signed-in operator.
     */
    @Test
    void aFormPostWithoutTheConsolesViewStateChangesNothing() throws Exception {
        String org = Enos.newOrg();
        long products = Admin.stats().getJsonNumber("products").longValue();
        ConsoleClient admin = ConsoleClient.signedIn("admin", Admin.password());
        String unknownViewState = Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(48));
        HttpResponse<String> forged = admin.post("/admin/console/products.xhtml?org=" + org, java.util.Map.of(
                "newProduct", "newProduct", "newProduct:name", "forged", "newProduct:biDirectionalAuth", "on",
                "newProduct:create", "Create product", "jakarta.faces.ViewState", unknownViewState));
        assertEquals(302, forged.statusCode(), forged.body());
        assertEquals("/admin/console/expired.xhtml", ConsoleClient.location(forged));
        HttpResponse<String> expired = admin.get("/admin/console/expired.xhtml");
        assertEquals(200, expired.statusCode());
        assertTrue(expired.body().contains("Nothing was changed"), expired.body());
        assertEquals(products, Admin.stats().getJsonNumber("products").longValue(), "no product made");
    }

    /**
     * Issue 19: sign-in and sign-out in the browser, a refused password on the styled sign-in page, another operator
     * signing in over a live session (before: HTTP 500 with SESN0008E and a stack trace), a page asked for without a
     * session that opens after the sign-in, and the idle timeout (a short one set for this test through a Liberty
     * variable in configDropins, which the server reads at each request).
     */
    @Test
    void operatorsSignInSignOutSwitchAndAreSignedOutWhenIdle() throws Exception {
        try {
            signInAndOut();
        } catch (AssertionError | RuntimeException e) {
            browser.keepForDiagnosis("failure-sign-in");
            throw e;
        } finally {
            browser.signIn("admin", Admin.password());
        }
    }

    private void signInAndOut() throws Exception {
        browser.signOut();
        browser.assertOnlyMessage("You signed out.");
        browser.checkPage("0-sign-in");
        browser.open("/admin/console/operators.xhtml");
        assertTrue(browser.driver().getCurrentUrl().startsWith(RaAccount.HTTPS + ConsoleClient.SIGN_IN),
                "without a session: the sign-in page, " + browser.driver().getCurrentUrl());
        browser.submitSignIn("admin", "wrong-" + UUID.randomUUID());
        browser.assertOnlyMessage("Wrong operator name or password, or the operator is disabled.");
        assertTrue(browser.find(By.id("username")).isDisplayed(), "the form again");
        browserLogOfTheRefusal();
        browser.checkPage("0-sign-in-refused");

        // the page asked for opens after the sign-in
        browser.open("/admin/console/operators.xhtml");
        browser.find(By.id("username")).sendKeys("admin");
        browser.find(By.id("password")).sendKeys(Admin.password());
        browser.click(By.id("signIn"));
        assertEquals(RaAccount.HTTPS + "/admin/console/operators.xhtml", browser.driver().getCurrentUrl());
        String adminSession = browser.sessionId();

        // another operator over the live session: a new session, its own name and role, no error
        OperatorRolesIT.Operator approver = OperatorRolesIT.createOperator("approver");
        browser.signIn(approver.name(), approver.password());
        assertFalse(adminSession.equals(browser.sessionId()), "a new session id");
        browser.open("/admin/console/operators.xhtml");
        assertEquals("Signed in as " + approver.name(), browser.text(By.cssSelector(".user")));
        assertEquals(List.of(), browser.all(By.cssSelector("main input[type=submit]")), "an approver changes no operator");
        browser.checkPage("0-switched-operator");
        browser.open("/admin/console/nothing-here.xhtml");
        assertEquals("No such page", browser.text(By.tagName("h1")));
        browserLogOfTheRefusal();
        browser.checkPage("0-not-found");

        // disabled through the API: the session ends at its next request
        assertEquals(200, Admin.post("/admin/api/operators/" + approver.name() + "/disable").status());
        browser.open("/admin/console/home.xhtml");
        browser.assertOnlyMessage("Your operator can no longer sign in (disabled): the session ended.");

        // idle: with a timeout of 3 seconds, a page after 4 quiet seconds is the sign-in page, saying why
        java.nio.file.Path override = RaAccount.serverDir().resolve("configDropins/overrides/it-console-idle.xml");
        try {
            java.nio.file.Files.writeString(override, "<server><variable name=\"certgate.console.idle.timeout\" "
                    + "value=\"PT3S\"/></server>\n");
            eventuallyIdle(true);
            browser.signIn("admin", Admin.password());
            Thread.sleep(4000);
            browser.open("/admin/console/audit.xhtml");
            assertTrue(browser.driver().getCurrentUrl().startsWith(RaAccount.HTTPS + ConsoleClient.SIGN_IN
                    + "?ended=idle"), browser.driver().getCurrentUrl());
            browser.assertOnlyMessage("You were signed out after 3 seconds without activity. Sign in again.");
            browser.checkPage("0-signed-out-idle");
        } finally {
            java.nio.file.Files.deleteIfExists(override);
            eventuallyIdle(false);
        }
    }

    /** Waits until the server applies the idle timeout of the test (3 s) or again its own (minutes). */
    private static void eventuallyIdle(boolean shortTimeout) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            ConsoleClient c = ConsoleClient.signedIn("admin", Admin.password());
            Thread.sleep(4000);
            HttpResponse<String> page = c.get("/admin/console/home.xhtml");
            boolean idled = page.statusCode() == 302 && ConsoleClient.location(page).contains("ended=idle");
            if (idled == shortTimeout) {
                return;
            }
            assertTrue(System.nanoTime() < until, "the server did not apply the idle timeout setting: "
                    + page.statusCode() + " " + ConsoleClient.location(page));
        }
    }

    /**
     * Issue 19: a console sign-in is an audit record; an operator given a new password by an admin, or disabled, is
     * signed out of its live console sessions at their next request, each page saying why; the new password signs in.
     */
    @Test
    void aSignInIsAuditedAndANewPasswordOrADisableEndsTheOperatorsSessions() {
        OperatorRolesIT.Operator op = OperatorRolesIT.createOperator("auditor");
        ConsoleClient first = ConsoleClient.signedIn(op.name(), op.password());
        ConsoleClient second = ConsoleClient.signedIn(op.name(), op.password());
        for (ConsoleClient c : List.of(first, second)) {
            assertEquals(200, c.get("/admin/console/home.xhtml").statusCode());
        }
        List<JsonObject> signIns = jakarta.json.Json.createReader(new java.io.StringReader(
                        Admin.get("/admin/api/operators/audit?max=1000").body())).readArray().getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getString("actor").equals("admin:" + op.name())
                        && r.getString("action").equals("operator.sign-in")).toList();
        assertEquals(2, signIns.size(), "one record per sign-in: " + signIns);
        assertTrue(signIns.get(0).getString("target").startsWith("address="), signIns.get(0).toString());

        // a new password, given by an admin through the API: both sessions end at their next request
        Http.Answer rotated = Admin.post("/admin/api/operators/" + op.name() + "/password");
        assertEquals(200, rotated.status(), rotated.body());
        for (ConsoleClient c : List.of(first, second)) {
            HttpResponse<String> page = c.get("/admin/console/home.xhtml");
            assertEquals(302, page.statusCode(), page.body());
            assertTrue(ConsoleClient.location(page).startsWith(ConsoleClient.SIGN_IN + "?ended=password-changed"),
                    ConsoleClient.location(page));
        }
        assertTrue(first.get(ConsoleClient.SIGN_IN + "?ended=password-changed").body().contains(
                "Your operator was given a new password: the session ended. Sign in with the new password."));
        assertFalse(new ConsoleClient().signIn(op.name(), op.password()).statusCode() == 302,
                "the old password no longer signs in");

        // with the new password: a session again, which a disable ends
        ConsoleClient third = ConsoleClient.signedIn(op.name(), rotated.json().getString("password"));
        assertEquals(200, third.get("/admin/console/home.xhtml").statusCode());
        assertEquals(200, Admin.post("/admin/api/operators/" + op.name() + "/disable").status());
        HttpResponse<String> page = third.get("/admin/console/home.xhtml");
        assertEquals(302, page.statusCode(), page.body());
        assertTrue(ConsoleClient.location(page).startsWith(ConsoleClient.SIGN_IN + "?ended=disabled"),
                ConsoleClient.location(page));
    }

    /**
     * Issue 19: a request of a method a console address does not take is the styled 405 page, and the server logs
     * no warning for it.
     */
    @Test
    void aWrongMethodIsTheStyledPageWithoutAWarning() throws Exception {
        ConsoleClient c = ConsoleClient.signedIn("admin", Admin.password());
        long from = LogHygieneIT.size();
        for (String method : List.of("PUT", "DELETE")) {
            HttpResponse<String> page = c.send(HttpRequest.newBuilder(URI.create(RaAccount.HTTPS
                    + "/admin/console/download/certificates.csv?org=x")).method(method, HttpRequest.BodyPublishers.noBody()));
            assertEquals(405, page.statusCode(), method + ": " + page.body());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), method);
            assertTrue(page.body().contains("Not possible here") && page.body().contains("id=\"refusal\"")
                    && page.body().contains("stylesheet"), page.body());
            assertFalse(page.body().contains("Exception") || page.body().contains("at java."), page.body());
        }
        // a sign-in after them is logged (its audit line): what the server wrote up to it holds no warning
        ConsoleClient.signedIn("admin", Admin.password());
        LogHygieneIT.assertClean(LogHygieneIT.awaitLog(from, "action=operator.sign-in"));
    }

    @Test
    void anOperatorRunsAnOrganizationFromTheBrowser() throws Exception {
        try {
            walk();
        } catch (AssertionError | RuntimeException e) {
            browser.keepForDiagnosis("failure");
            throw e;
        }
    }

    private void walk() throws Exception {
        String org = Enos.newOrg();
        String tag = "console" + UUID.randomUUID().toString().substring(0, 8);

        // 0. a page of an organization without one asks for it
        browser.open("/admin/console/certificates.xhtml");
        assertTrue(browser.text(By.id("chooseOrganization")).startsWith("This page shows one organization's data"));
        browser.checkPage(null);

        // 1. home: /admin/ leads there; the organization is picked with the keyboard alone
        browser.open("/admin/");
        assertTrue(browser.driver().getCurrentUrl().endsWith("/admin/console/home.xhtml"), browser.driver().getCurrentUrl());
        assertEquals("Signed in as admin", browser.text(By.cssSelector(".user")));
        browser.andWait(() -> new Actions(browser.driver()).sendKeys(org, Keys.ENTER).perform());
        assertEquals("Organization " + org, browser.text(By.id("currentOrganization")));
        assertEquals("0", count("organizationCounts", "Products"));
        assertEquals("1", count("organizationCounts", "API credentials (EnOS service accounts, DigiCert keys)"));
        browser.checkPage("1-home");

        // 2. products: a refusal first, then a product and a device (its secret shown once)
        browser.click(By.id("navProducts"));
        browser.click(By.id("newProduct:create"));
        browser.assertOnlyMessage("Creating the product: Invalid argument: productName is required.");
        browser.checkPage(null);
        browser.find(By.id("newProduct:name")).sendKeys(tag + " meters");
        assertTrue(browser.find(By.id("newProduct:biDirectionalAuth")).isSelected(), "devices get certificates");
        browser.click(By.id("newProduct:create"));
        String productKey = group(browser.messages(), "Product \"" + tag + " meters\" created: productKey (\\w+)\\.");
        assertTrue(browser.text(By.id("productRows:products")).contains(productKey));

        new Select(browser.find(By.id("newDevice:product"))).selectByValue(productKey);
        browser.find(By.id("newDevice:name")).sendKeys("meter one");
        browser.click(By.id("newDevice:create"));
        String assetId = browser.text(By.id("createdAssetId"));
        String deviceKey = browser.text(By.id("createdDeviceKey"));
        String secret = browser.text(By.id("createdDeviceSecret"));
        assertEquals(productKey, browser.text(By.id("createdProductKey")));
        browser.assertOnlyMessage("Device " + assetId + " created. Copy its device secret now: it is shown only this once.");
        assertTrue(secret.length() >= 16, secret);
        assertTrue(browser.text(By.id("devices")).contains(assetId));
        browser.checkPage("2-products");
        browser.open("/admin/console/products.xhtml?org=" + org);
        assertFalse(browser.driver().getPageSource().contains(secret), "the secret is shown once");
        assertTrue(browser.all(By.id("createdDevice")).isEmpty());
        browser.checkPage(null);

        // 3. the device gets a certificate through EnOS
        JsonObject applied = Enos.apply("orgId=" + org + "&assetId=" + assetId, Pki.rsaCsr(tag), 365, "RSA");
        long sn = Long.parseLong(applied.getString("certSN"));
        X509Certificate cert = Pki.cert(applied.getString("cert"));

        // 4. certificates: found by device, by serial (as openssl prints it), by subject; a malformed serial is refused
        browser.click(By.id("navCertificates"));
        browser.find(By.id("device")).sendKeys(assetId);
        browser.click(By.id("find"));
        assertEquals(List.of(String.valueOf(sn)), certSns());
        browser.checkPage("3-certificates");
        search("serial", colons(cert.getSerialNumber()));
        assertEquals(List.of(String.valueOf(sn)), certSns());
        search("subject", tag.toUpperCase(Locale.ROOT));
        assertEquals(List.of(String.valueOf(sn)), certSns());
        search("serial", "xyz");
        browser.assertOnlyMessage("Searching certificates: Serial must be the certificate's serial number in hexadecimal.");
        browser.checkPage(null);
        browser.open("/admin/console/certificates.xhtml?org=" + org + "&device=" + assetId + "&expiring=30");
        assertEquals(List.of(), certSns(), "365 days left: not within 30");
        browser.open("/admin/console/certificates.xhtml?org=" + org + "&device=" + assetId + "&expiring=366");
        assertEquals(List.of(String.valueOf(sn)), certSns(), "within 366");
        browser.open("/admin/console/certificates.xhtml?org=" + org + "&expiring=soon");
        browser.assertOnlyMessage("Expiring within must be a whole number of days.");
        browser.checkPage(null);
        browser.open("/admin/console/certificates.xhtml?org=" + org + "&status=revoked&device=" + assetId);
        assertEquals(List.of(), certSns());
        assertEquals("0 certificate(s)", browser.text(By.id("resultsHeading")));

        // 5. details with the PEM; revoked with a reason, the button pressed from the keyboard
        browser.open("/admin/console/certificates.xhtml?org=" + org + "&device=" + assetId);
        browser.click(By.linkText(String.valueOf(sn)));
        assertEquals("valid", browser.text(By.id("status")));
        assertEquals(cert, Pki.cert(browser.text(By.id("pem"))));
        browser.find(By.id("revokeOpen")).click(); // the revocation is a second step (ConsoleWorkIT checks it)
        new Select(browser.find(By.id("revoke:reason"))).selectByVisibleText("keyCompromise");
        WebElement revoke = browser.find(By.id("revoke:confirm"));
        browser.andWait(() -> revoke.sendKeys(Keys.ENTER));
        browser.assertOnlyMessage("Certificate " + sn + " revoked (keyCompromise).");
        assertEquals("revoked", browser.text(By.id("status")));
        assertEquals("keyCompromise", browser.text(By.id("revocationReason")));
        assertTrue(browser.all(By.id("revoke:confirm")).isEmpty(), "no second revocation offered");
        browser.checkPage("4-certificate");
        JsonObject viaApi = Admin.get("/admin/api/orgs/" + org + "/certificates/" + sn).json();
        assertEquals("revoked", viaApi.getString("status"));
        assertEquals("keyCompromise", viaApi.getString("revocationReason"));

        // 6. the audit trail names the operator
        browser.click(By.id("navAudit"));
        browser.find(By.id("action")).sendKeys("certificate.revoke");
        browser.click(By.id("apply"));
        List<List<String>> revokes = auditRows();
        assertEquals(1, revokes.size(), revokes.toString());
        assertEquals("admin:admin", revokes.get(0).get(0));
        assertEquals("certificate.revoke", revokes.get(0).get(1));
        assertTrue(revokes.get(0).get(2).startsWith("certSn=" + sn + " "), revokes.toString());
        browser.checkPage("5-audit");
        browser.open("/admin/console/audit.xhtml?org=" + org + "&action=certificate.revoke&from="
                + LocalDateTime.now(ZoneOffset.UTC).plusHours(1).withNano(0));
        assertEquals("0 record(s)", browser.text(By.id("recordsHeading")), "nothing from the future");
        browser.open("/admin/console/audit.xhtml?org=" + org + "&action=certificate.revoke&from="
                + LocalDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0));
        assertEquals(1, auditRows().size());
        browser.open("/admin/console/audit.xhtml?org=" + org + "&from=yesterday");
        browser.assertOnlyMessage("From must be a date and time such as 2026-11-01T10:15 (UTC).");
        browser.checkPage(null);

        // 7. the CAs: roots as published, the CRL that lists the revocation
        browser.click(By.id("navAuthorities"));
        for (String authority : List.of("RSA", "ECC")) {
            X509Certificate root = Pki.root(authority);
            WebElement panel = browser.find(By.id("authority-" + authority));
            assertEquals(new X509CertificateHolder(root.getEncoded()).getSubject().toString(),
                    panel.findElement(By.className("subject")).getText().trim());
            assertEquals(RaAccount.HTTPS + "/enos/CA/cacert/" + authority, // the address the operator came in on
                    panel.findElement(By.className("download-certificate")).getAttribute("href"));
            X509CRL crl = Pki.crl(Http.get("/enos/CA/crl/" + authority).bytes());
            assertEquals(crlNumber(crl).toString(), panel.findElement(By.className("crl-number")).getText().trim(),
                    authority + " CRL number as served");
        }
        assertTrue(Pki.crlOf(cert).isRevoked(cert), "on its issuing CA's CRL");
        assertFalse(browser.text(By.id("custody")).isEmpty());
        browser.checkPage("6-authorities");
        // a rollover from the page: a second step names the CA, then the organization's next generation signs
        WebElement rsaRow = browser.all(By.cssSelector("tr.issuing-ca")).stream().filter(r -> r.findElement(
                By.className("scope")).getText().trim().equals(org) && r.findElement(By.className("root")).getText()
                .trim().equals("RSA")).findFirst().orElseThrow(() -> new AssertionError("no RSA issuing CA of " + org));
        rsaRow.findElement(By.tagName("summary")).click();
        browser.click(By.cssSelector("[aria-label='Make a new generation of the RSA issuing CA of " + org + "']"));
        List<String> rolled = browser.messages();
        assertEquals(1, rolled.size(), rolled.toString());
        assertTrue(rolled.get(0).contains("(" + org + ", RSA, generation 2) signs the new leaves from now on"),
                rolled.toString());
        browser.checkPage(null);

        // 8. a device's self-enrollment waits for approval (set in the console), is approved there, then issues
        browser.open("/admin/console/products.xhtml?org=" + org);
        browser.click(By.cssSelector("[aria-label='Require approval for self-enrollments of " + productKey + "']"));
        browser.assertOnlyMessage("Self-enrollments of product " + productKey + " now wait for an operator's approval.");
        KeyPair key = Pki.rsa(2048);
        String csr = Pki.csr(key, "SHA256withRSA", "CN=" + deviceKey + ",O=certgate it");
        Http.Answer waiting = simpleenroll(productKey, deviceKey, secret, csr);
        assertEquals(202, waiting.status(), waiting.body());

        DigiCertClient digiCert = DigiCert.newKey(org);
        String cn = tag + ".internal.test";
        JsonObject order = digiCert.order("private_ssl_plus", DigiCert.order(DigiCert.certificate(cn, null,
                Pki.rsaCsr(cn), "sha256"), false).build()).expect(201);
        long orderId = DigiCert.intId(order, "id");
        long digiCertRequest = DigiCert.intId(order.getJsonArray("requests").getJsonObject(0), "id");

        browser.click(By.id("navPending"));
        List<WebElement> waitingOrders = browser.all(By.cssSelector("#digicertRequests\\:rows tbody tr"));
        assertEquals(1, waitingOrders.size());
        assertTrue(waitingOrders.get(0).getText().contains(cn), waitingOrders.get(0).getText());
        List<WebElement> rows = browser.all(By.cssSelector("#deviceRequests\\:rows tbody tr"));
        assertEquals(1, rows.size());
        String requestId = rows.get(0).findElement(By.className("request-id")).getText().trim();
        assertTrue(rows.get(0).getText().contains(assetId), rows.get(0).getText());
        assertTrue(rows.get(0).getText().contains("CN=" + deviceKey), rows.get(0).getText());
        browser.checkPage("7-pending");
        browser.click(By.cssSelector("[aria-label='Approve self-enrollment request " + requestId + "']"));
        String issuedSn = group(browser.messages(),
                "Self-enrollment request " + requestId + " issued: certificate (\\d+) issued\\.");
        assertTrue(browser.all(By.cssSelector("#deviceRequests\\:rows tbody tr")).isEmpty(), "no device waits");
        browser.checkPage(null);
        browser.click(By.cssSelector("[aria-label='Reject DigiCert request " + digiCertRequest + "']"));
        browser.assertOnlyMessage("DigiCert request " + digiCertRequest + " rejected.");
        assertTrue(browser.all(By.cssSelector("#digicertRequests\\:rows tbody tr")).isEmpty(), "no order waits");
        assertEquals("rejected", digiCert.orderInfo(orderId).expect(200).getString("status"));
        browser.checkPage(null);

        Http.Answer issued = simpleenroll(productKey, deviceKey, secret, csr);
        assertEquals(200, issued.status(), issued.body());
        X509Certificate enrolled = certsOnly(issued.body()).stream().filter(c -> c.getBasicConstraints() == -1)
                .findFirst().orElseThrow();
        assertEquals(key.getPublic(), enrolled.getPublicKey());
        assertEquals(issuedSn, String.valueOf(Admin.get("/admin/api/orgs/" + org + "/certificates?serial="
                + enrolled.getSerialNumber().toString(16)).json().getJsonArray("certificates").getJsonObject(0)
                .getJsonNumber("certSn").longValue()));

        browser.open("/admin/console/audit.xhtml?org=" + org + "&action=enrollment.approve");
        List<List<String>> approvals = auditRows();
        assertEquals(1, approvals.size(), approvals.toString());
        assertEquals("admin:admin", approvals.get(0).get(0));
        assertEquals("requestId=" + requestId + " certSn=" + issuedSn, approvals.get(0).get(2));
        browser.checkPage(null);
        browser.open("/admin/console/audit.xhtml?org=" + org + "&actor=ADMIN:&action=request.reject");
        List<List<String>> rejections = auditRows();
        assertEquals(1, rejections.size(), rejections.toString());
        assertEquals("request=" + digiCertRequest + " order=" + orderId, rejections.get(0).get(2));
        assertTrue(browser.text(By.cssSelector("#records tbody tr .outcome"))
                .startsWith("rejected by admin:admin; requested by "), "both identities");
        browser.checkPage(null);

        // 9. home again: the organization's counts follow
        browser.click(By.id("navHome"));
        assertEquals("1", count("organizationCounts", "Products"));
        assertEquals("1", count("organizationCounts", "Devices"));
        assertEquals("2", count("organizationCounts", "Certificates"));
        assertEquals("1", count("organizationCounts", "Revoked certificates"));
        assertEquals("0", count("organizationCounts", "Pending device self-enrollments"));
        browser.checkPage(null);
    }

    /**
     * The credentials and operators pages: an admin creates an EnOS service account whose shown secret gets a token
     * and then disables it (the token service refuses it, its token stops working), creates an RA account whose
     * PKCS#12 opens with the shown password and disables it (its certificate is revoked), creates an auditor, whose
     * browser then shows no change buttons and whose forged post is refused, gives it a new password, disables it,
     * enables it again and disables it. Each action is in the audit trail.
     */
    @Test
    void anAdminKeepsCredentialsAndOperatorsAndAnAuditorOnlyReads() throws Exception {
        try {
            credentialsAndOperators();
        } catch (AssertionError | RuntimeException e) {
            browser.keepForDiagnosis("failure-credentials");
            throw e;
        } finally {
            browser.signIn("admin", Admin.password());
        }
    }

    private void credentialsAndOperators() throws Exception {
        String org = Enos.newOrg();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String credentialsPage = "/admin/console/credentials.xhtml?org=" + org;

        // 1. an EnOS service account: its secret shown once, and it works
        browser.open(credentialsPage);
        assertEquals(1, browser.all(By.cssSelector("#enosAccounts\\:rows tbody tr")).size(), "the one of newOrg");
        browser.click(By.id("enosAccounts:create"));
        String appKey = browser.text(By.id("shownAppKey"));
        String appSecret = browser.text(By.id("shownAppSecret"));
        browser.assertOnlyMessage("EnOS service account " + appKey + " created. Copy its appSecret now: it is shown "
                + "only this once.");
        browser.checkPage("8-credentials-secret");
        String token = Enos.token(appKey, appSecret);
        String productQuery = "/connect-service/v2.1/products?action=get&orgId=" + org + "&productKey=none";
        Http.Answer withToken = Http.get(productQuery, java.util.Map.of("Authorization", "Bearer " + token));
        assertEquals(200, withToken.status(), withToken.body());
        browser.open(credentialsPage);
        assertFalse(browser.driver().getPageSource().contains(appSecret), "the secret is shown once");
        assertTrue(browser.text(By.id("enosAccounts:rows")).contains(appKey));

        // 2. disabled: the answer is a redirect (a reload repeats the GET); the token service refuses it
        String asked = browser.confirm("Disable EnOS service account " + appKey, "8-credentials-confirm-disable");
        assertTrue(asked.contains("EnOS service account " + appKey + " can no longer get tokens"), asked);
        browser.assertOnlyMessage("EnOS service account " + appKey + " disabled; its access tokens no longer work.");
        assertEquals(RaAccount.HTTPS + credentialsPage, browser.driver().getCurrentUrl(), "redirected after the post");
        assertTrue(browser.all(By.cssSelector("[aria-label='Disable EnOS service account " + appKey + "']")).isEmpty());
        String ts = String.valueOf(System.currentTimeMillis());
        assertEquals(1002, EnosAuthenticationIT.tokenService(EnosAuthenticationIT.tokenRequest(appKey,
                Enos.sha256(appKey + ts + appSecret), Long.parseLong(ts))).getInt("status"), "unknown appKey now");
        assertEquals(401, Http.get(productQuery, java.util.Map.of("Authorization", "Bearer " + token)).status());
        browser.checkPage(null);

        // 3. an RA account with its options: the PKCS#12 opens with the shown password; disabled, its certificate is revoked
        String raName = "it-console-" + tag;
        browser.find(By.id("newRaAccount:name")).sendKeys(raName);
        browser.find(By.id("newRaAccount:requireApproval")).click();
        browser.click(By.id("newRaAccount:create"));
        browser.assertOnlyMessage("RA account " + raName + " created. Save its client certificate (PKCS#12) and copy "
                + "its password now: the file downloads once, the password is shown only this once.");
        // its PKCS#12 is a file to save (once), opened by openssl with the password shown beside it
        char[] p12Password = browser.text(By.id("shownP12Password")).toCharArray();
        assertEquals(List.of(), browser.all(By.tagName("textarea")), "no base64 to copy any more");
        String download = browser.find(By.id("downloadP12")).getAttribute("href");
        java.util.Map<String, Object> file = browser.fetch(download);
        assertEquals(200L, file.get("status"), file.toString());
        assertEquals("application/x-pkcs12", file.get("type"));
        assertEquals("attachment; filename=\"" + raName + ".p12\"", file.get("disposition"));
        assertEquals("no-store", file.get("cache"));
        byte[] p12Bytes = Base64.getDecoder().decode((String) file.get("body"));
        java.nio.file.Path p12File = java.nio.file.Path.of(System.getProperty("certgate.screenshots.dir",
                "target/screenshots")).resolve(raName + ".p12");
        java.nio.file.Files.write(p12File, p12Bytes);
        Process openssl = new ProcessBuilder("openssl", "pkcs12", "-info", "-nokeys", "-in", p12File.toString(),
                "-passin", "pass:" + new String(p12Password)).redirectErrorStream(true).start();
        String info = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, openssl.waitFor(), info);
        assertTrue(info.contains("CN = " + raName) || info.contains("CN=" + raName), info);
        java.nio.file.Files.delete(p12File); // a key: not left beside the screenshots
        java.util.Map<String, Object> second = browser.fetch(download);
        assertEquals(404L, second.get("status"), "it downloads once");
        browserLogOfTheRefusal();
        java.security.KeyStore p12 = java.security.KeyStore.getInstance("PKCS12");
        p12.load(new java.io.ByteArrayInputStream(p12Bytes), p12Password);
        X509Certificate client = (X509Certificate) p12.getCertificate(raName);
        List<String> subject = List.of(client.getSubjectX500Principal().getName().split(","));
        assertTrue(subject.containsAll(List.of("CN=" + raName, "OU=RA", "O=" + org)), subject.toString());
        Pki.verifyChain(client, Pki.root("RSA"));
        browser.checkPage("9-credentials-ra-account");
        JsonObject listed = raAccountOf(org, raName);
        assertTrue(listed.getBoolean("requireApproval") && !listed.getBoolean("approver"), listed.toString());
        long clientSn = listed.getJsonObject("certificate").getJsonNumber("certSn").longValue();
        browser.open(credentialsPage);
        asked = browser.confirm("Disable RA account " + raName + " and revoke its certificate");
        assertTrue(asked.contains("RA account " + raName + " can no longer sign in, and its client certificate " + clientSn
                + " is revoked"), asked);
        browser.assertOnlyMessage("RA account " + raName + " disabled; its client certificate is revoked.");
        assertFalse(raAccountOf(org, raName).getBoolean("enabled"));
        assertEquals("privilegeWithdrawn", Admin.get("/admin/api/orgs/" + org + "/certificates/" + clientSn).json()
                .getString("revocationReason"));

        // 4. each of them in the organization's audit trail, by the operator
        browser.open("/admin/console/audit.xhtml?org=" + org + "&actor=admin:admin");
        List<List<String>> audited = auditRows();
        for (List<String> expected : List.of(List.of("admin:admin", "credential.create", "enos-app:" + appKey),
                List.of("admin:admin", "credential.disable", "enos-app:" + appKey),
                List.of("admin:admin", "credential.create", "ra-account:" + raName),
                List.of("admin:admin", "credential.disable", "ra-account:" + raName))) {
            assertTrue(audited.contains(expected), expected + " in " + audited);
        }
        browser.checkPage(null);

        // 5. an auditor made on the operators page (a refusal first: the name exists), its password shown once
        String auditor = "it-auditor-" + tag;
        browser.click(By.id("navOperators"));
        browser.find(By.id("newOperator:name")).sendKeys("admin");
        browser.click(By.id("newOperator:create"));
        browser.assertOnlyMessage("Creating operator admin: An operator named admin exists already.");
        browser.find(By.id("newOperator:name")).clear();
        browser.find(By.id("newOperator:name")).sendKeys(auditor);
        new Select(browser.find(By.id("newOperator:role"))).selectByValue("auditor");
        browser.click(By.id("newOperator:create"));
        browser.assertOnlyMessage("Operator " + auditor + " created with the role auditor. Copy the password now: it is "
                + "shown only this once.");
        String password = browser.text(By.id("shownOperatorPassword"));
        assertTrue(operatorChanges().contains(List.of("admin:admin", "operator.create", "operator:" + auditor)));
        browser.checkPage("10-operators");

        // 6. the auditor's console shows no change, and a post it forges anyway is refused and changes nothing
        browser.signIn(auditor, password);
        long credentials = countedCredentials(org);
        for (String page : List.of(credentialsPage, "/admin/console/operators.xhtml", "/admin/console/products.xhtml?org="
                + org, "/admin/console/pending.xhtml?org=" + org)) {
            browser.open(page);
            assertEquals("Signed in as " + auditor, browser.text(By.cssSelector(".user")));
            assertEquals(List.of(), browser.all(By.cssSelector("main input[type=submit]")).stream()
                    .map(e -> e.getAttribute("id")).toList(), "no change offered on " + page);
            browser.checkPage(page.startsWith(credentialsPage) ? "11-auditor-credentials" : null);
        }
        browser.open(credentialsPage);
        assertTrue(browser.text(By.id("enosAccounts:rows")).contains(appKey), "the auditor reads");
        String viewState = browser.find(By.name("jakarta.faces.ViewState")).getAttribute("value");
        browser.andWait(() -> browser.driver().executeScript(
                "var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                        + "for (var [n, v] of [['enosAccounts', 'enosAccounts'], ['enosAccounts:create', 'x'],"
                        + " ['jakarta.faces.ViewState', arguments[1]]]) {"
                        + " var i = document.createElement('input'); i.type = 'hidden'; i.name = n; i.value = v;"
                        + " f.appendChild(i); }"
                        + "document.body.appendChild(f); f.submit();", RaAccount.HTTPS + credentialsPage, viewState));
        assertFalse(browser.driver().getPageSource().contains("shownAppSecret"), "no secret for the auditor");
        assertEquals("Not allowed", browser.text(By.tagName("h1")), "the console's own 403 page");
        assertTrue(browser.text(By.id("refusal")).endsWith("Nothing was changed."));
        browserLogOfTheRefusal();
        browser.checkPage("12-refused-403");
        HttpResponse<String> forged = ConsoleClient.signedIn(auditor, password).post(credentialsPage, java.util.Map.of(
                "enosAccounts", "enosAccounts", "enosAccounts:create", "x", "jakarta.faces.ViewState", viewState));
        assertEquals(403, forged.statusCode(), "the container keeps auditors to GET");
        assertTrue(forged.body().contains("<h1>Not allowed</h1>") && !forged.body().contains("Exception"), forged.body());
        assertEquals(credentials, countedCredentials(org), "nothing created");
        browser.signIn("admin", Admin.password()); // another operator in the same browser: no sign-out needed

        // 7. a new password for the auditor (the old one stops working), then disabled: it cannot sign in
        browser.open("/admin/console/operators.xhtml");
        browserLogOfTheRefusal();
        asked = browser.confirm("New password for operator " + auditor);
        assertTrue(asked.contains("Operator " + auditor + " gets a new password"), asked);
        browser.assertOnlyMessage("Operator " + auditor + " has a new password; the old one no longer works. Copy it "
                + "now: it is shown only this once.");
        String rotated = browser.text(By.id("shownOperatorPassword"));
        assertEquals(401, Admin.getAs(Admin.basic(auditor, password), "/admin/api/stats").status());
        assertEquals(200, Admin.getAs(Admin.basic(auditor, rotated), "/admin/api/stats").status());
        // a role change names the operator and both roles, then asks once more
        new Select(browser.find(By.id("changeRole:operator"))).selectByValue(auditor);
        new Select(browser.find(By.id("changeRole:role"))).selectByValue("approver");
        browser.click(By.id("changeRole:change"));
        assertTrue(browser.text(By.id("roleChangeNamed")).startsWith("Operator " + auditor + ": auditor → approver."),
                browser.text(By.id("roleChangeNamed")));
        assertEquals("auditor", operatorRole(auditor), "nothing changed yet");
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});",
                browser.find(By.id("confirmRoleChange")));
        browser.checkPage("13-operators-confirm-role");
        browser.click(By.id("confirmRole:confirm"));
        browser.assertOnlyMessage("Operator " + auditor + " now has the role approver.");
        assertEquals("approver", operatorRole(auditor));
        asked = browser.confirm("Disable operator " + auditor);
        assertTrue(asked.contains("Operator " + auditor + " (approver) can no longer sign in"), asked);
        browser.assertOnlyMessage("Operator " + auditor + " disabled: it can no longer sign in.");
        assertEquals(RaAccount.HTTPS + "/admin/console/operators.xhtml", browser.driver().getCurrentUrl());
        assertEquals(401, Admin.getAs(Admin.basic(auditor, rotated), "/admin/api/stats").status());
        // 8. enabled again from the page (issue 18, 6): it signs in with the same password, then is disabled again
        assertTrue(browser.driver().findElements(By.cssSelector("[aria-label='Disable operator " + auditor + "']"))
                .isEmpty(), "a disabled operator has no disable button");
        browser.click(By.cssSelector("[aria-label='Enable operator " + auditor + "']"));
        browser.assertOnlyMessage("Operator " + auditor + " enabled: it signs in again with its password and role.");
        assertEquals(200, Admin.getAs(Admin.basic(auditor, rotated), "/admin/api/stats").status());
        browser.confirm("Disable operator " + auditor);
        browser.assertOnlyMessage("Operator " + auditor + " disabled: it can no longer sign in.");
        List<List<String>> changes = operatorChanges();
        for (String action : List.of("operator.create", "operator.password", "operator.role", "operator.disable",
                "operator.enable")) {
            assertTrue(changes.contains(List.of("admin:admin", action, "operator:" + auditor)), action + " in " + changes);
        }
        browser.checkPage(null);

        // 9. nobody disables or demotes itself: no button for it, and the rule refuses what the role form still allows
        assertTrue(browser.all(By.cssSelector("[aria-label='Disable operator admin']")).isEmpty(), "no self-disable");
        new Select(browser.find(By.id("changeRole:operator"))).selectByValue("admin");
        new Select(browser.find(By.id("changeRole:role"))).selectByValue("auditor");
        browser.click(By.id("changeRole:change"));
        browser.click(By.id("confirmRole:confirm"));
        browser.assertOnlyMessage("Changing the role of operator admin: Admin cannot disable itself or change its own "
                + "role: another admin can.");
        assertEquals("admin", operatorRole("admin"));
        browser.checkPage(null);
    }

    /** An operator's role as the admin API lists it. */
    private static String operatorRole(String name) {
        return Admin.get("/admin/api/operators").json().getJsonArray("operators").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no operator " + name)).getString("role");
    }

    /**
     * The browser logs the refused request (401, 403, 404) and, on an error page of the container's, a missing favicon.ico,
     * possibly late: those and nothing else.
     */
    private static void browserLogOfTheRefusal() {
        for (String line : browser.severeLog()) {
            assertTrue(line.contains("status of 401") || line.contains("status of 403") || line.contains("status of 404")
                    || line.contains("/favicon.ico"), line);
        }
    }

    private static JsonObject raAccountOf(String org, String name) {
        return Admin.get("/admin/api/orgs/" + org + "/credentials").json().getJsonArray("raAccounts")
                .getValuesAs(JsonObject.class).stream().filter(a -> a.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no RA account " + name));
    }

    private static long countedCredentials(String org) {
        JsonObject c = Admin.get("/admin/api/orgs/" + org + "/credentials").json();
        return c.getJsonArray("enosServiceAccounts").size() + c.getJsonArray("digicertKeys").size()
                + c.getJsonArray("raAccounts").size();
    }

    /** actor, action, target of each row of the operators page's recent changes. */
    private static List<List<String>> operatorChanges() {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement row : browser.all(By.cssSelector("#changes tbody tr"))) {
            rows.add(List.of(row.findElement(By.className("actor")).getText().trim(),
                    row.findElement(By.className("action")).getText().trim(),
                    row.findElement(By.className("target")).getText().trim()));
        }
        return rows;
    }

    /** The value of the counts table's row with this label. */
    private static String count(String table, String label) {
        for (WebElement row : browser.all(By.cssSelector("#" + table + " tbody tr"))) {
            if (row.findElement(By.tagName("th")).getText().trim().equals(label)) {
                return row.findElement(By.tagName("td")).getText().trim();
            }
        }
        throw new AssertionError("no row " + label + " in " + table);
    }

    /** Replaces one field of the certificate search and searches (the others as they were). */
    private static void search(String field, String value) {
        WebElement input = browser.find(By.id(field));
        input.clear();
        for (String other : List.of("device", "serial", "subject")) {
            if (!other.equals(field)) {
                browser.find(By.id(other)).clear();
            }
        }
        input.sendKeys(value);
        browser.click(By.id("find"));
    }

    private static List<String> certSns() {
        return browser.all(By.cssSelector("#results tbody tr td:first-child")).stream().map(e -> e.getText().trim())
                .toList();
    }

    /** actor, action, target of each audit row shown. */
    private static List<List<String>> auditRows() {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement row : browser.all(By.cssSelector("#records tbody tr"))) {
            rows.add(List.of(row.findElement(By.className("actor")).getText().trim(),
                    row.findElement(By.className("action")).getText().trim(),
                    row.findElement(By.className("target")).getText().trim()));
        }
        return rows;
    }

    /** The first group of the one message that matches. */
    private static String group(List<String> messages, String regex) {
        assertEquals(1, messages.size(), messages.toString());
        Matcher m = Pattern.compile(regex).matcher(messages.get(0));
        assertTrue(m.matches(), messages.get(0) + " ~ " + regex);
        return m.group(1);
    }

    /** "1A:2B:..." as openssl and browsers print a serial. */
    private static String colons(BigInteger serial) {
        String hex = HexFormat.of().formatHex(serial.toByteArray()).toUpperCase(Locale.ROOT);
        return String.join(":", hex.split("(?<=\\G..)"));
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] ext = crl.getExtensionValue(Extension.cRLNumber.getId());
        return ASN1Integer.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets()).getValue();
    }

    /** EST simpleenroll (RFC 7030 4.2.1) with the device's secret: base64 DER PKCS#10, HTTP Basic deviceKey:secret. */
    private static Http.Answer simpleenroll(String productKey, String deviceKey, String secret, String csrPem) {
        String b64 = csrPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Http.send(TLS, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + "/.well-known/est/" + productKey
                + "/simpleenroll")).header("Authorization", Admin.basic(deviceKey, secret))
                .header("Content-Type", "application/pkcs10").POST(HttpRequest.BodyPublishers.ofString(b64)));
    }

    /** The certificates of a base64 certs-only PKCS#7, as EST answers. */
    private static List<X509Certificate> certsOnly(String base64) throws Exception {
        CMSSignedData p7 = new CMSSignedData(Base64.getMimeDecoder().decode(base64));
        List<X509Certificate> certs = new ArrayList<>();
        for (X509CertificateHolder h : p7.getCertificates().getMatches(null)) {
            certs.add(new JcaX509CertificateConverter().getCertificate(h));
        }
        return certs;
    }
}
