package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.ejb.enrollment.dcv.LoopbackDns;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * ACME as cert-manager's ACME issuer drives it, with the library its client is a fork of: Debian's
 * golang.org/x/crypto/acme (golang-golang-x-crypto-dev) in a small Go program of the test resources
 * ({@code acme-go-client/main.go}), built offline (GOPATH mode over /usr/share/gocode) and run against the server over
 * HTTPS with certgate's roots as its only trust: account with an external account binding (HS256), new order, http-01
 * answered by its own server on 127.0.0.1:18080 (every name resolving to loopback through the tests' DNS server on
 * 127.0.0.1:15353, as in {@link AcmeClientsIT}, which owns the same ports at other times), accept, wait for the
 * authorization, finalize with a CSR, the chain fetched and verified with openssl; then the console's ACME page in
 * Chromium shows the order and links its certificate. Skipped without Go and the library, except under CI, which
 * installs them (.ci/run).
 */
class AcmeGoClientIT {

    private static final Path LIBRARY = Path.of("/usr/share/gocode/src/golang.org/x/crypto/acme");
    private static final int DNS_PORT = 15353;
    private static final int HTTP_PORT = 18080;

    private static LoopbackDns dns;
    private static Path client;
    private static Path roots;
    private static String org;

    @BeforeAll
    static void buildTheClient() throws Exception {
        boolean tools = onPath("go") && Files.isDirectory(LIBRARY);
        if (!tools && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must install golang-go and golang-golang-x-crypto-dev (see .ci/run)");
        }
        Assumptions.assumeTrue(tools, "Go and golang.org/x/crypto/acme (Debian's golang-golang-x-crypto-dev) are "
                + "not installed");
        Path source = Path.of(AcmeGoClientIT.class.getResource("/acme-go-client/main.go").toURI());
        Path build = Files.createDirectories(Path.of("target", "acme-go-client").toAbsolutePath());
        client = build.resolve("acme-go-client");
        // GOPATH mode over Debian's packaged sources: nothing is downloaded
        Acme.Run built = Acme.run(build, Map.of("GO111MODULE", "off", "GOPATH", "/usr/share/gocode", "GOFLAGS", "",
                "GOCACHE", build.resolve("cache").toString(), "GOPROXY", "off"), 300, "go", "build", "-o",
                client.toString(), source.toString());
        assertEquals(0, built.exit(), built.output());
        dns = LoopbackDns.start(DNS_PORT);
        org = Acme.newOrg();
        roots = Acme.roots(Files.createTempDirectory("acme-go-roots"));
    }

    @AfterAll
    static void tearDown() {
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void registersWithEabAndGetsAChainByHttp01() throws Exception {
        JsonObject eab = Acme.eabKey(org);
        Path dir = Files.createTempDirectory("acme-go");
        String domain = "www." + org + ".example";

        Acme.Run run = client(dir, eab, domain);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("chain 2 alternates 0"), run.output()); // the leaf and the issuing CA
        Path bundle = dir.resolve("bundle.pem");
        Acme.Run verified = Acme.verify(dir, roots, bundle);
        assertEquals(0, verified.exit(), verified.output());
        X509Certificate cert = Pki.cert(Files.readString(bundle));
        assertEquals(List.of(List.of(2, domain)), List.copyOf(cert.getSubjectAlternativeNames()));
        assertEquals("RSA", cert.getPublicKey().getAlgorithm());

        // the account (an RSA key, RS256, as cert-manager's) is the organization's, bound by the key
        JsonObject accounts = Admin.get("/admin/api/orgs/" + org + "/acme/accounts").json();
        assertTrue(accounts.getJsonArray("accounts").toString().contains(eab.getString("keyId")), accounts.toString());
    }

    @Test
    void theConsoleShowsTheOrderAndLinksItsCertificate() throws Exception {
        ConsoleBrowser.assumeInstalled();
        JsonObject eab = Acme.eabKey(org);
        Path dir = Files.createTempDirectory("acme-go-console");
        String domain = "console." + org + ".example";
        Acme.Run run = client(dir, eab, domain);
        assertEquals(0, run.exit(), run.output());
        X509Certificate cert = Pki.cert(Files.readString(dir.resolve("bundle.pem")));

        try (ConsoleBrowser browser = ConsoleBrowser.start()) {
            browser.signIn("admin", Admin.password());
            browser.open("/admin/console/acme.xhtml?org=" + org);
            try {
                browser.checkPage("acme");
                assertEquals("page", browser.find(By.id("navAcme")).getAttribute("aria-current"));
                assertTrue(browser.all(By.cssSelector("tr.acme-account .eab-key")).stream()
                        .anyMatch(e -> e.getText().trim().equals(eab.getString("keyId"))), "the account's row");
                WebElement row = browser.all(By.cssSelector("tr.acme-order")).stream().filter(r -> r.findElements(
                        By.cssSelector("td:nth-child(4) .identifier")).stream().anyMatch(e -> e.getText().trim()
                        .equals(domain))).findFirst()
                        .orElseThrow(() -> new AssertionError("no order row for " + domain));
                assertEquals("valid", row.findElement(By.cssSelector("td:nth-child(3) .status")).getText().trim());
                WebElement authorization = row.findElement(By.cssSelector("li.authorization"));
                assertEquals(domain, authorization.findElement(By.className("identifier")).getText().trim());
                assertTrue(authorization.findElements(By.cssSelector("li.challenge")).stream().anyMatch(c ->
                        c.findElement(By.className("type")).getText().trim().equals("http-01")
                                && c.findElement(By.className("status")).getText().trim().equals("valid")
                                && !c.findElements(By.className("validated")).isEmpty()), authorization.getText());
                browser.andWait(row.findElement(By.cssSelector("a.certificate"))::click);
                assertEquals(Pki.opensslSerial(cert.getSerialNumber()), browser.text(By.id("serialNumber")));

                // another organization's page shows none of this one's orders
                browser.open("/admin/console/acme.xhtml?org=" + Acme.newOrg());
                assertEquals("0 order(s)", browser.text(By.id("ordersHeading")));
                assertTrue(browser.all(By.cssSelector("tr.acme-order")).isEmpty());
            } catch (AssertionError | RuntimeException e) {
                browser.keepForDiagnosis("acme-failed");
                throw e;
            }
        }
    }

    @Test
    void aWrongBindingKeyIsRefused() throws Exception {
        JsonObject eab = Acme.eabKey(org);
        JsonObject wrong = Json.createObjectBuilder(eab).add("hmacKey", eab.getString("hmacKey").substring(1) + "A")
                .build();
        Acme.Run run = client(Files.createTempDirectory("acme-go-refused"), wrong, "w." + org + ".example");
        assertNotEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("register: 403 urn:ietf:params:acme:error:unauthorized"), run.output());
    }

    private static Acme.Run client(Path dir, JsonObject eab, String domain) throws Exception {
        return Acme.run(dir, Map.of(), 180, client.toString(), "-directory", Acme.directory(org), "-roots",
                roots.toString(), "-eab-kid", eab.getString("keyId"), "-eab-hmac", eab.getString("hmacKey"),
                "-domain", domain, "-http01", "127.0.0.1:" + HTTP_PORT, "-out", dir.resolve("bundle.pem").toString());
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
