package io.certgate.ejb.enrollment.dcv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Against a loopback DNS server (every name is 127.0.0.1) and a loopback web server that serves by Host. */
class DomainControlCheckTest {

    /** Like DigiCert's dcv_random_value. */
    static final String TOKEN = "x7q0m2c9d4k5p8r1t6v3w0y2z4b6n8j1";
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    static LoopbackDns dns;
    static HttpServer web;
    static ExecutorService webThreads;
    /** Host (without port) to the answer of the web server for the DCV file; other hosts get 404. */
    static final Map<String, Answer> SITES = new ConcurrentHashMap<>();
    /** The Host headers of the requests, in order. */
    static final List<String> HOSTS = new CopyOnWriteArrayList<>();
    static DomainControlCheck check;

    record Answer(int status, String body, Map<String, String> headers, long delayMillis) {
        static Answer ok(String body) {
            return new Answer(200, body, Map.of(), 0);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        dns = LoopbackDns.start();
        web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webThreads = Executors.newCachedThreadPool(); // a slow answer must not hold up the next test
        web.setExecutor(webThreads);
        web.createContext("/", DomainControlCheckTest::serve);
        web.start();
        check = new DomainControlCheck(new InetSocketAddress("127.0.0.1", dns.port()), webPort(), TIMEOUT, true);
    }

    @AfterAll
    static void stop() {
        web.stop(0);
        webThreads.shutdownNow();
        dns.close();
    }

    static int webPort() {
        return web.getAddress().getPort();
    }

    static void serve(HttpExchange exchange) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        HOSTS.add(host);
        Answer answer = SITES.get(host.replaceFirst(":\\d+$", ""));
        if (answer == null || !exchange.getRequestURI().getPath().equals(DomainControlCheck.FILE_PATH)) {
            answer = new Answer(404, "not here, though " + TOKEN, Map.of(), 0);
        }
        try {
            Thread.sleep(answer.delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        byte[] body = answer.body.getBytes(StandardCharsets.UTF_8);
        answer.headers.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(answer.status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    // http-token

    @Test
    void httpTokenFoundThroughTheConfiguredDns() {
        SITES.put("found.test", Answer.ok("\n" + TOKEN + "\r\n"));
        assertTrue(check.httpToken("found.test", TOKEN));
        // found.test exists only in the loopback DNS; the web server was asked for the domain, not the address
        assertEquals("found.test:" + webPort(), HOSTS.get(HOSTS.size() - 1));
        assertTrue(check.check("Found.Test", DcvMethod.HTTP_TOKEN, TOKEN));
        assertTrue(check.httpToken("*.found.test", TOKEN), "a wildcard is validated on its base domain");
    }

    @Test
    void httpTokenWrongToken() {
        SITES.put("wrong.test", Answer.ok("a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6"));
        assertFalse(check.httpToken("wrong.test", TOKEN));
    }

    @Test
    void httpTokenNotFound() {
        // the 404 page quotes the token: only a 200 counts
        assertFalse(check.httpToken("absent.test", TOKEN));
        SITES.put("error.test", new Answer(500, TOKEN, Map.of(), 0));
        assertFalse(check.httpToken("error.test", TOKEN));
    }

    @Test
    void httpTokenRedirectNotFollowed() {
        SITES.put("target.test", Answer.ok(TOKEN));
        String target = "http://target.test:" + webPort() + DomainControlCheck.FILE_PATH;
        SITES.put("moved.test", new Answer(302, TOKEN, Map.of("Location", target), 0));
        int before = HOSTS.size();
        assertFalse(check.httpToken("moved.test", TOKEN));
        assertEquals(List.of("moved.test:" + webPort()), HOSTS.subList(before, HOSTS.size()));
    }

    @Test
    void httpTokenOnlyInTheFirstFourKibibytes() {
        SITES.put("late.test", Answer.ok("#".repeat(DomainControlCheck.MAX_BODY) + TOKEN));
        SITES.put("early.test", Answer.ok("#".repeat(DomainControlCheck.MAX_BODY - TOKEN.length()) + TOKEN
                + "#".repeat(100_000)));
        assertFalse(check.httpToken("late.test", TOKEN));
        assertTrue(check.httpToken("early.test", TOKEN));
    }

    @Test
    void httpTokenSlowWebServerGivesFalseWithinTheTimeout() {
        SITES.put("slow.test", new Answer(200, TOKEN, Map.of(), TIMEOUT.toMillis() + 2000));
        assertFalseWithin(TIMEOUT, () -> check.httpToken("slow.test", TOKEN));
    }

    @Test
    void httpTokenNoWebServer() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        DomainControlCheck nowhere = new DomainControlCheck(new InetSocketAddress("127.0.0.1", dns.port()),
                closedPort, TIMEOUT, true);
        SITES.put("found.test", Answer.ok(TOKEN));
        assertFalse(nowhere.httpToken("found.test", TOKEN));
    }

    /** Issue 18, 5: by default a name that resolves to an internal address is not fetched. */
    @Test
    void httpTokenNeverFetchedFromInternalAddressesByDefault() {
        SITES.put("found.test", Answer.ok(TOKEN));
        assertTrue(check.httpToken("found.test", TOKEN), "allowed (as in tests), loopback serves the token");
        DomainControlCheck strict = new DomainControlCheck(new InetSocketAddress("127.0.0.1", dns.port()), webPort(),
                TIMEOUT);
        int before = HOSTS.size();
        assertFalse(strict.httpToken("found.test", TOKEN));
        assertEquals(before, HOSTS.size(), "no request reached the loopback web server");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "192.0.0.1", "198.18.0.1", "224.0.0.1",
        "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "::10.0.0.1",
        "2001:db8::1"})
    void internalAddresses(String literal) throws Exception {
        assertTrue(DomainControlCheck.internal(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "169.253.1.1", "192.169.0.1",
        "2606:4700:4700::1111", "2a00:1450:4001::1", "64:ff9b::808:808"})
    void publicAddresses(String literal) throws Exception {
        assertFalse(DomainControlCheck.internal(InetAddress.getByName(literal)), literal);
    }

    // dns-txt-token

    @Test
    void dnsTxtTokenFound() {
        dns.txt("_dnsauth.txt-found.test", "v=spf1 -all", TOKEN);
        assertTrue(check.dnsTxtToken("txt-found.test", TOKEN));
        assertTrue(check.check("*.TXT-found.test", DcvMethod.DNS_TXT_TOKEN, TOKEN));
        assertFalse(check.dnsTxtToken("txt-found.test", "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6"));
    }

    @Test
    void dnsTxtTokenAbsent() {
        assertFalse(check.dnsTxtToken("txt-nxdomain.test", TOKEN)); // NXDOMAIN
        dns.txt("_dnsauth.txt-other.test", "something else");
        assertFalse(check.dnsTxtToken("txt-other.test", TOKEN));
        dns.txt("txt-apex.test", TOKEN);
        assertFalse(check.dnsTxtToken("txt-apex.test", TOKEN), "only _dnsauth counts");
    }

    @Test
    void dnsTxtTokenSplitIntoSeveralStrings() {
        dns.txtRecord("_dnsauth.split.test", TOKEN.substring(0, 10), TOKEN.substring(10));
        assertTrue(check.dnsTxtToken("split.test", TOKEN));
        // strings with blanks and quotes are quoted by JNDI, and the cut falls inside the token
        dns.txtRecord("_dnsauth.quoted.test", "dcv \"token\": " + TOKEN.substring(0, 7), TOKEN.substring(7), "");
        assertTrue(check.dnsTxtToken("quoted.test", TOKEN));
        // a long value, cut at 255 as zone files do
        dns.txt("_dnsauth.long.test", "#".repeat(240) + TOKEN);
        assertTrue(check.dnsTxtToken("long.test", TOKEN));
    }

    @Test
    void joinTxtUndoesJndiQuoting() {
        assertEquals("abcdef", DomainControlCheck.joinTxt("abc def"));
        assertEquals("a bq\"uo\\teend", DomainControlCheck.joinTxt("\"a b\" \"q\\\"uo\\\\te\" \"\" end"));
    }

    // failures

    @Test
    void unreachableDnsServerGivesFalseWithinTheTimeout() throws IOException {
        Duration timeout = Duration.ofMillis(700);
        // bound but silent: every query times out (a closed port would fail fast with ICMP)
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            DomainControlCheck deaf = new DomainControlCheck(
                    new InetSocketAddress("127.0.0.1", silent.getLocalPort()), webPort(), timeout);
            dns.txt("_dnsauth.txt-found.test", TOKEN);
            SITES.put("found.test", Answer.ok(TOKEN));
            assertFalseWithin(timeout, () -> deaf.dnsTxtToken("txt-found.test", TOKEN));
            assertFalseWithin(timeout, () -> deaf.httpToken("found.test", TOKEN));
        }
        int closedPort;
        try (DatagramSocket closed = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closedPort = closed.getLocalPort();
        }
        DomainControlCheck refused = new DomainControlCheck(new InetSocketAddress("127.0.0.1", closedPort),
                webPort(), timeout);
        assertFalseWithin(timeout, () -> refused.dnsTxtToken("txt-found.test", TOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "com", "1.2.3.4", "10.0.0.1.", "::1", "[::1]", "0x7f.1",
        "exa mple.test", "exa_mple.test", "-a.test", "a-.test", "a..test", ".a.test", "a.test.", "a.test:80",
        "a.test/x", "user@a.test", "*.*.a.test", "a.*.test", "*a.test", "bücher.test", "a.test\n", "a.test\u0000"})
    void invalidDomainNamesRefused(String domain) {
        assertThrows(IllegalArgumentException.class, () -> check.httpToken(domain, TOKEN));
        assertThrows(IllegalArgumentException.class, () -> check.dnsTxtToken(domain, TOKEN));
    }

    @Test
    void domainNameLimits() {
        String label63 = "a".repeat(63);
        String name253 = String.join(".", label63, label63, label63, "a".repeat(56), "test");
        assertEquals(253, name253.length());
        assertEquals(name253, DomainControlCheck.domainName(name253));
        assertThrows(IllegalArgumentException.class, () -> DomainControlCheck.domainName("a" + name253));
        assertThrows(IllegalArgumentException.class, () -> DomainControlCheck.domainName("a" + label63 + ".test"));
        assertThrows(IllegalArgumentException.class, () -> DomainControlCheck.domainName(null));
        assertEquals("xn--bcher-kva.example", DomainControlCheck.domainName("*.XN--Bcher-kva.example"));
        assertEquals("123.4a", DomainControlCheck.domainName("123.4a"));
    }

    @Test
    void blankTokensAndUncheckableMethodsRefused() {
        assertThrows(IllegalArgumentException.class, () -> check.httpToken("found.test", " "));
        assertThrows(IllegalArgumentException.class, () -> check.dnsTxtToken("found.test", null));
        assertThrows(IllegalArgumentException.class, () -> check.check("found.test", DcvMethod.EMAIL, TOKEN));
        assertThrows(IllegalArgumentException.class,
                () -> check.check("found.test", DcvMethod.DNS_CNAME_TOKEN, TOKEN));
    }

    @Test
    void dnsServerSetting() {
        assertEquals(InetSocketAddress.createUnresolved("127.0.0.1", 5353),
                DomainControlCheck.hostAndPort("127.0.0.1:5353"));
        assertEquals(InetSocketAddress.createUnresolved("ns.example", 53),
                DomainControlCheck.hostAndPort("ns.example"));
        assertEquals(InetSocketAddress.createUnresolved("::1", 5353), DomainControlCheck.hostAndPort("[::1]:5353"));
        assertEquals(InetSocketAddress.createUnresolved("::1", 53), DomainControlCheck.hostAndPort("[::1]"));
        for (String bad : List.of("ns:x", "ns:70000", "[::1", "[::1]x")) {
            assertThrows(IllegalArgumentException.class, () -> DomainControlCheck.hostAndPort(bad), bad);
        }
    }

    static void assertFalseWithin(Duration timeout, BooleanSupplier check) {
        long start = System.nanoTime();
        assertFalse(check.getAsBoolean());
        long millis = (System.nanoTime() - start) / 1_000_000;
        // JNDI and sockets round their waits a little; a slow machine adds some more
        assertTrue(millis < timeout.toMillis() + 1000, "took " + millis + " ms");
    }
}
