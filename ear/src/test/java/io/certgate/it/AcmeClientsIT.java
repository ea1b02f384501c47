package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.certgate.ejb.enrollment.dcv.LoopbackDns;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ACME with the clients people use, Debian's {@code lego} and {@code certbot}, over HTTPS with certgate's roots as
 * their only trust: accounts with an external account binding key from the admin API, http-01 answered by the
 * client's own standalone server on 127.0.0.1:18080 (where the test server's DCV fetches, every name resolving to
 * loopback through the tests' DNS server on 127.0.0.1:15353), tls-alpn-01 answered by lego's own TLS server on
 * 127.0.0.1:18443, dns-01 through that DNS server (the client publishes its TXT record through a small HTTP endpoint
 * of this test), issue, renew, revoke (by the account, and by the certificate's key); chains verified with openssl; a wrong
 * binding key and a name outside the organization's policy refused with their problem types. Owns the DCV ports while
 * it runs, as {@link DigiCertDcvIT} does.
 */
class AcmeClientsIT {

    private static final int DNS_PORT = 15353;
    private static final int HTTP_PORT = 18080;
    /** Where the test server's DCV reaches TLS servers for tls-alpn-01 ({@code certgate.dcv.tls.port}). */
    private static final int TLS_PORT = 18443;

    private static LoopbackDns dns;
    private static HttpServer txtEndpoint;
    private static Path roots;
    private static String org;

    @BeforeAll
    static void setUp() throws Exception {
        dns = LoopbackDns.start(DNS_PORT);
        // lego's httpreq DNS provider (and certbot's hook, with curl) publish _acme-challenge TXT records here
        txtEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        txtEndpoint.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            JsonObject o = Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8))).readObject();
            String fqdn = o.getString("fqdn").replaceAll("\\.$", "");
            if (path.endsWith("/present")) {
                dns.txt(fqdn, o.getString("value"));
            } else {
                dns.txt(fqdn);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        txtEndpoint.start();
        org = Acme.newOrg();
        roots = Acme.roots(Files.createTempDirectory("acme-roots"));
    }

    @AfterAll
    static void tearDown() {
        if (txtEndpoint != null) {
            txtEndpoint.stop(0);
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void legoRegistersWithEabIssuesByHttp01RenewsAndRevokes() throws Exception {
        JsonObject eab = Acme.eabKey(org);
        Path dir = Files.createTempDirectory("lego");
        String domain = "www." + org + ".example";
        Metrics before = Metrics.scrape();

        Acme.Run run = lego(dir, eab, "--domains", domain, "--http", "--http.port", "127.0.0.1:" + HTTP_PORT, "run");
        assertEquals(0, run.exit(), run.output());
        Path bundle = dir.resolve(".lego/certificates/" + domain + ".crt");
        Acme.Run verified = Acme.verify(dir, roots, bundle);
        assertEquals(0, verified.exit(), verified.output());
        X509Certificate first = Pki.cert(Files.readString(bundle));
        assertEquals(List.of(List.of(2, domain)), List.copyOf(first.getSubjectAlternativeNames()));
        assertTrue(first.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        Pki.verifyChain(first, Pki.root("ECC"));
        Metrics after = Metrics.scrape();
        assertEquals(1, after.since(before, "certgate_certificates_issued_total", "authority", "ECC", "facade", "acme"),
                after.certgateLines());

        // the account is the organization's, bound by the key, which is now used
        JsonObject accounts = Admin.get("/admin/api/orgs/" + org + "/acme/accounts").json();
        assertTrue(accounts.getJsonArray("accounts").toString().contains(eab.getString("keyId")), accounts.toString());
        assertTrue(Admin.get("/admin/api/orgs/" + org + "/acme/eab-keys").body().contains("\"usedAt\""));

        // renewal information (RFC 9773): the window starts at two thirds of the lifetime
        byte[] aki = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(
                first.getExtensionValue("2.5.29.35")).getOctets()).getKeyIdentifierOctets();
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String certId = b64.encodeToString(aki) + "." + b64.encodeToString(first.getSerialNumber().toByteArray());
        Http.Answer ari = Admin.getAs(null, "/acme/" + org + "/renewal-info/" + certId);
        assertEquals(200, ari.status(), ari.body());
        java.time.Instant start = java.time.Instant.parse(ari.json().getJsonObject("suggestedWindow").getString("start"));
        assertTrue(start.isAfter(first.getNotBefore().toInstant()) && start.isBefore(first.getNotAfter().toInstant()),
                ari.body());

        // renew: a new certificate for the same name (the authorization is reused: no challenge this time)
        Acme.Run renew = lego(dir, eab, "--domains", domain, "--http", "--http.port", "127.0.0.1:" + HTTP_PORT,
                "renew", "--days", "400", "--no-random-sleep");
        assertEquals(0, renew.exit(), renew.output());
        X509Certificate second = Pki.cert(Files.readString(bundle));
        assertNotEquals(first.getSerialNumber(), second.getSerialNumber(), renew.output());
        assertEquals(0, Acme.verify(dir, roots, bundle).exit());

        // revoke: on the issuing CA's CRL
        Acme.Run revoke = lego(dir, eab, "--domains", domain, "revoke", "--reason", "4");
        assertEquals(0, revoke.exit(), revoke.output());
        assertTrue(Pki.crlOf(second).isRevoked(second), "the renewed certificate is on the CRL");
        assertTrue(!Pki.crlOf(first).isRevoked(first), "the first one is not");
    }

    @Test
    void legoShowsDns01ForAWildcard() throws Exception {
        JsonObject eab = Acme.eabKey(org);
        Path dir = Files.createTempDirectory("lego-dns");
        String wildcard = "*.dns." + org + ".example";
        Acme.Run run = lego(dir, eab, Map.of("HTTPREQ_ENDPOINT", "http://127.0.0.1:"
                        + txtEndpoint.getAddress().getPort()), "--domains", wildcard, "--dns", "httpreq",
                "--dns.resolvers", "127.0.0.1:" + DNS_PORT, "--dns.disable-cp", "run");
        assertEquals(0, run.exit(), run.output());
        Path bundle = dir.resolve(".lego/certificates/_." + "dns." + org + ".example.crt");
        assertEquals(0, Acme.verify(dir, roots, bundle).exit());
        X509Certificate cert = Pki.cert(Files.readString(bundle));
        assertEquals(List.of(List.of(2, wildcard)), List.copyOf(cert.getSubjectAlternativeNames()));

        // revocation signed with the certificate's own key (RFC 8555 7.6), as someone who holds only the key would
        java.security.PrivateKey key;
        try (org.bouncycastle.openssl.PEMParser pem = new org.bouncycastle.openssl.PEMParser(Files.newBufferedReader(
                dir.resolve(".lego/certificates/_.dns." + org + ".example.key")))) {
            key = new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter().getKeyPair(
                    (org.bouncycastle.openssl.PEMKeyPair) pem.readObject()).getPrivate();
        }
        String revokeCert = RaAccount.HTTPS + "/acme/" + org + "/revoke-cert";
        JsonObject header = Json.createObjectBuilder().add("alg", "ES256").add("nonce", nonce()).add("url", revokeCert)
                .add("jwk", Acme.jwk((java.security.interfaces.ECPublicKey) cert.getPublicKey())).build();
        String payload = Json.createObjectBuilder().add("certificate", Acme.b64(cert.getEncoded())).add("reason", 1)
                .build().toString();
        java.net.http.HttpResponse<String> revoked = acmeClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(revokeCert)).header("Content-Type", "application/jose+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Acme.es256(header, payload, key))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertTrue(Pki.crlOf(cert).isRevoked(cert), "revoked by its key: on the CRL");
    }

    @Test
    void legoShowsTlsAlpn01() throws Exception {
        JsonObject eab = Acme.eabKey(org);
        Path dir = Files.createTempDirectory("lego-tls");
        String domain = "tls." + org + ".example";
        Acme.Run run = lego(dir, eab, "--domains", domain, "--tls", "--tls.port", "127.0.0.1:" + TLS_PORT, "run");
        assertEquals(0, run.exit(), run.output());
        Path bundle = dir.resolve(".lego/certificates/" + domain + ".crt");
        assertEquals(0, Acme.verify(dir, roots, bundle).exit());
        assertEquals(List.of(List.of(2, domain)), List.copyOf(Pki.cert(Files.readString(bundle))
                .getSubjectAlternativeNames()));
    }

    @Test
    void certbotShowsDns01ThroughItsHooks() throws Exception {
        JsonObject eab = Acme.eabKey(org);
        Path dir = Files.createTempDirectory("certbot-dns");
        String endpoint = "http://127.0.0.1:" + txtEndpoint.getAddress().getPort();
        Path hook = Files.writeString(dir.resolve("hook.sh"), "#!/bin/sh\ncurl -sf -X POST -d "
                + "\"{\\\"fqdn\\\":\\\"_acme-challenge.$CERTBOT_DOMAIN.\\\",\\\"value\\\":\\\"$CERTBOT_VALIDATION\\\"}\" "
                + endpoint + "/$1\n");
        hook.toFile().setExecutable(true);
        String domain = "*.cbdns." + org + ".example";
        Acme.Run issued = certbot(dir, "certonly", "--manual", "--preferred-challenges", "dns",
                "--manual-auth-hook", hook + " present", "--manual-cleanup-hook", hook + " cleanup", "-d", domain,
                "--eab-kid", eab.getString("keyId"), "--eab-hmac-key=" + eab.getString("hmacKey"), "--agree-tos", "-m",
                "ops@" + org + ".example");
        assertEquals(0, issued.exit(), issued.output());
        Path live = dir.resolve("config/live/cbdns." + org + ".example");
        assertEquals(0, Acme.verify(dir, roots, live.resolve("fullchain.pem")).exit());
        assertEquals(List.of(List.of(2, domain)), List.copyOf(Pki.cert(Files.readString(live.resolve("cert.pem")))
                .getSubjectAlternativeNames()));
    }

    private static java.net.http.HttpClient acmeClient() {
        return java.net.http.HttpClient.newBuilder().sslContext(RaAccount.tls(null))
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    }

    private static String nonce() throws Exception {
        return acmeClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(RaAccount.HTTPS + "/acme/"
                + org + "/new-nonce")).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding()).headers()
                .firstValue("Replay-Nonce").orElseThrow();
    }

    @Test
    void aWrongBindingKeyAndANameOutsideThePolicyAreRefused() throws Exception {
        JsonObject eab = Acme.eabKey(org);
        JsonObject wrong = Json.createObjectBuilder(eab).add("hmacKey", eab.getString("hmacKey").substring(1) + "A")
                .build();
        Path dir = Files.createTempDirectory("lego-refused");
        Acme.Run refused = lego(dir, wrong, "--domains", "w." + org + ".example", "--http", "--http.port",
                "127.0.0.1:" + HTTP_PORT, "run");
        assertNotEquals(0, refused.exit(), refused.output());
        assertTrue(refused.output().contains("urn:ietf:params:acme:error:unauthorized"), refused.output());
        assertTrue(Admin.get("/admin/api/orgs/" + org + "/acme/eab-keys").body().contains("\"keyId\":\""
                + eab.getString("keyId") + "\",\"enabled\":true,\"createdAt\""), "the key is still unused");

        Acme.Run outside = lego(dir, eab, "--domains", "www.elsewhere.example", "--http", "--http.port",
                "127.0.0.1:" + HTTP_PORT, "run");
        assertNotEquals(0, outside.exit(), outside.output());
        assertTrue(outside.output().contains("urn:ietf:params:acme:error:rejectedIdentifier"), outside.output());

        // without any binding: the directory's meta says one is required, and lego does not even try
        Acme.Run unbound = Acme.run(dir, Map.of("LEGO_CA_CERTIFICATES", roots.toString()), 120, "lego", "--server",
                Acme.directory(org), "--path", dir.resolve("unbound").toString(), "--email", "nobody@" + org
                        + ".example", "--accept-tos", "--domains", "x." + org + ".example", "--http", "--http.port",
                "127.0.0.1:" + HTTP_PORT, "run");
        assertNotEquals(0, unbound.exit(), unbound.output());
        assertTrue(unbound.output().contains("Server requires External Account Binding"), unbound.output());
    }

    @Test
    void certbotRegistersWithEabIssuesByHttp01RenewsAndRevokes() throws Exception {
        JsonObject eab = Acme.eabKey(org);
        Path dir = Files.createTempDirectory("certbot");
        String domain = "cb." + org + ".example";
        Acme.Run issued = certbot(dir, "certonly", "--standalone", "--http-01-port", String.valueOf(HTTP_PORT),
                "--http-01-address", "127.0.0.1", "-d", domain, "--eab-kid", eab.getString("keyId"),
                // one argument with "=": a base64url key may begin with "-", which certbot's parser takes for an option
                "--eab-hmac-key=" + eab.getString("hmacKey"), "--agree-tos", "-m", "ops@" + org + ".example");
        assertEquals(0, issued.exit(), issued.output());
        Path live = dir.resolve("config/live/" + domain);
        assertEquals(0, Acme.verify(dir, roots, live.resolve("fullchain.pem")).exit());
        X509Certificate first = Pki.cert(Files.readString(live.resolve("cert.pem")));

        Acme.Run renewed = certbot(dir, "renew", "--force-renewal", "--no-random-sleep-on-renew", "--cert-name",
                domain);
        assertEquals(0, renewed.exit(), renewed.output());
        X509Certificate second = Pki.cert(Files.readString(live.resolve("cert.pem")));
        assertNotEquals(first.getSerialNumber(), second.getSerialNumber());
        assertEquals(0, Acme.verify(dir, roots, live.resolve("fullchain.pem")).exit());

        Acme.Run revoked = certbot(dir, "revoke", "--cert-path", live.resolve("cert.pem").toString(), "--reason",
                "superseded", "--no-delete-after-revoke");
        assertEquals(0, revoked.exit(), revoked.output());
        assertTrue(Pki.crlOf(second).isRevoked(second), "revoked: on the issuing CA's CRL");
    }

    private static Acme.Run lego(Path dir, JsonObject eab, String... args) throws Exception {
        return lego(dir, eab, Map.of(), args);
    }

    private static Acme.Run lego(Path dir, JsonObject eab, Map<String, String> env, String... args) throws Exception {
        Map<String, String> environment = new HashMap<>(env);
        environment.put("LEGO_CA_CERTIFICATES", roots.toString());
        List<String> command = new java.util.ArrayList<>(List.of("lego", "--server", Acme.directory(org), "--path",
                dir.resolve(".lego").toString(), "--email", "ops@" + org + ".example", "--accept-tos", "--eab",
                "--kid", eab.getString("keyId"), "--hmac", eab.getString("hmacKey")));
        command.addAll(List.of(args));
        return Acme.run(dir, environment, 180, command.toArray(String[]::new));
    }

    private static Acme.Run certbot(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("certbot", "--non-interactive", "--server",
                Acme.directory(org), "--config-dir", dir.resolve("config").toString(), "--work-dir",
                dir.resolve("work").toString(), "--logs-dir", dir.resolve("logs").toString()));
        command.addAll(List.of(args));
        return Acme.run(dir, Map.of("REQUESTS_CA_BUNDLE", roots.toString()), 180, command.toArray(String[]::new));
    }
}
