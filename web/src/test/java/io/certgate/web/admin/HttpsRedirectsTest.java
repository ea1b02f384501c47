package io.certgate.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.certgate.ejb.ca.tls.ServerTlsNames;
import org.junit.jupiter.api.Test;

/** HTTP to HTTPS for operators: the server's own name, never a Host header the client made up. */
class HttpsRedirectsTest {

    private static final ServerTlsNames NAMES = ServerTlsNames.of("localhost,127.0.0.1,ca.example.com,::1",
            "http://ca.example.com:9080");
    private static final String BASE = "http://ca.example.com:9080";

    @Test
    void aHostOfTheServersOwnIsKeptWithTheHttpsPortPathAndQuery() {
        assertEquals("https://localhost:9443/admin/api/stats?x=1",
                HttpsRedirects.location("localhost:9080", "/admin/api/stats", "x=1", NAMES, BASE, 9443));
        assertEquals("https://ca.example.com:9443/admin/", HttpsRedirects.location("CA.Example.com", "/admin/", null,
                NAMES, BASE, 9443));
        assertEquals("https://127.0.0.1:9443/admin/", HttpsRedirects.location("127.0.0.1:9080", "/admin/", "", NAMES,
                BASE, 9443));
        assertEquals("https://[0:0:0:0:0:0:0:1]:9443/admin/", HttpsRedirects.location("[::1]:9080", "/admin/", null,
                NAMES, BASE, 9443));
        assertEquals("https://ca.example.com/admin/", HttpsRedirects.location("ca.example.com", "/admin/", null, NAMES,
                BASE, 443), "the default port is left out");
    }

    @Test
    void anyOtherHostGoesToThePublicHost() {
        for (String hostile : new String[] {"evil.example", "evil.example:9080", "localhost.evil.example",
                "ca.example.com@evil.example", "[::2]:9080", "10.0.0.1", "", "   ", "evil.example:9080:1"}) {
            String l = HttpsRedirects.location(hostile, "/admin/api/stats", null, NAMES, BASE, 9443);
            assertEquals("https://ca.example.com:9443/admin/api/stats", l, hostile);
            assertFalse(l.contains("evil"), l);
        }
        assertEquals("https://ca.example.com:9443/admin/", HttpsRedirects.location(null, "/admin/", null, NAMES, BASE,
                9443), "no Host header (HTTP/1.0)");
    }

    @Test
    void thePathIsTheRequestsAndNeverAnAuthority() {
        assertEquals("https://localhost:9443//evil.example/x", HttpsRedirects.location("localhost", "//evil.example/x",
                null, NAMES, BASE, 9443), "a path that starts with // stays a path after the server's authority");
        assertEquals("https://localhost:9443/", HttpsRedirects.location("localhost", "evil", null, NAMES, BASE, 9443));
    }

    @Test
    void withoutAUsablePublicBaseUrlTheFirstNameIsUsed() {
        ServerTlsNames names = ServerTlsNames.of("ca.example.com", null);
        assertEquals("https://ca.example.com:9443/admin/", HttpsRedirects.location("evil.example", "/admin/", null,
                names, "not a url at all ::", 9443));
    }
}
