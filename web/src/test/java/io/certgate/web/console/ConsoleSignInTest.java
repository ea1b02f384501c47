package io.certgate.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsoleSignInTest {

    @Test
    void aSignInLeadsBackToAConsolePage() {
        assertEquals("/admin/console/certificates.xhtml?org=acme&status=valid",
                ConsolePaths.returnTo("/admin/console/certificates.xhtml?org=acme&status=valid"));
        assertEquals("/admin/console/home.xhtml", ConsolePaths.returnTo("/admin/console/home.xhtml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/admin/console/home.xhtml", "//evil.example/admin/console/",
            "/admin/api/stats", "/admin/console/../api/stats", "/admin/console//evil.example", "/admin/console\\x",
            "/admin/console/signin", "/admin/console/signin?next=x", "/admin/console/home.xhtml#x", "/admin/console/a b",
            "javascript:alert(1)", "/admin/console/home.xhtml\r\nSet-Cookie: x=y", ""})
    void neverElsewhere(String next) {
        assertNull(ConsolePaths.returnTo(next), next);
    }

    @Test
    void theIdleTimeoutIsADurationOfASecondOrMore() {
        assertEquals(Duration.ofMinutes(15), ConsoleSettings.idleTimeout(Optional.empty()));
        assertEquals(Duration.ofSeconds(3), ConsoleSettings.idleTimeout(Optional.of("PT3S")));
        assertEquals(Duration.ofHours(1), ConsoleSettings.idleTimeout(Optional.of(" PT1H ")));
        assertEquals(Duration.ofMinutes(15), ConsoleSettings.idleTimeout(Optional.of("15")), "not a duration");
        assertEquals(Duration.ofMinutes(15), ConsoleSettings.idleTimeout(Optional.of("PT0S")), "none");
        assertEquals(Duration.ofMinutes(15), ConsoleSettings.idleTimeout(Optional.of("-PT5M")), "negative");
    }

    @Test
    void aBadIdleTimeoutIsLoggedOnceNotAtEveryRequest() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(ConsoleSettings.class.getName());
        java.util.List<String> warnings = new java.util.ArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord r) { warnings.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        log.addHandler(h);
        try {
            for (int i = 0; i < 3; i++) {
                assertEquals(Duration.ofMinutes(15), ConsoleSettings.idleTimeout(Optional.of("ten minutes")));
            }
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("\"ten minutes\"") && warnings.get(0).contains("PT15M"), warnings.get(0));
            ConsoleSettings.idleTimeout(Optional.of("PT10M"));
            assertEquals(1, warnings.size(), "a good value is not a warning");
            ConsoleSettings.idleTimeout(Optional.of("PT0.5S"));
            ConsoleSettings.idleTimeout(Optional.of("PT0.5S"));
            assertEquals(2, warnings.size(), "another bad value is logged, once: " + warnings);
        } finally {
            log.removeHandler(h);
        }
    }

    @Test
    void aSessionIsIdleOnlyAfterTheTimeoutWithoutActivity() {
        Instant t = Instant.parse("2026-12-07T03:00:00Z");
        ConsoleSession s = new ConsoleSession("alice", "stamp", t);
        Duration idle = Duration.ofMinutes(15);
        assertFalse(s.idleAt(t.plus(idle), idle), "exactly the timeout: still active");
        assertTrue(s.idleAt(t.plus(idle).plusSeconds(1), idle));
        s.seenAt(t.plusSeconds(600));
        assertFalse(s.idleAt(t.plus(idle).plusSeconds(1), idle), "activity starts the timeout again");
        s.seenAt(t); // an older request finishing late does not turn the clock back
        assertTrue(s.idleAt(t.plusSeconds(600).plus(idle).plusSeconds(1), idle));
        assertEquals("alice", s.operator());
    }

    @Test
    void timesAreSaidAsPeopleSayThem() {
        assertEquals("15 minutes", SignInPage.spoken(Duration.ofMinutes(15)));
        assertEquals("1 minute", SignInPage.spoken(Duration.ofSeconds(60)));
        assertEquals("3 seconds", SignInPage.spoken(Duration.ofSeconds(3)));
        assertEquals("1 second", SignInPage.spoken(Duration.ZERO));
        assertEquals("90 seconds", SignInPage.spoken(Duration.ofSeconds(90)));
    }

    @Test
    void pagesEscapeWhatTheyShow() {
        assertEquals("&lt;script&gt;a&amp;b&quot;c&#39;d&lt;/script&gt;", ConsolePageWriter.escape("<script>a&b\"c'd</script>"));
        assertEquals("", ConsolePageWriter.escape(null));
    }
}
