package io.certgate.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheAdminPathsAreTheOperators() {
        for (String p : new String[] {"/admin", "/admin/", "/admin/api/stats", "//admin//console/home.xhtml",
                "/admin;jsessionid=1"}) {
            assertTrue(BasicCredentials.operatorPath(p), p);
        }
        for (String p : new String[] {"/", "/administrator", "/.well-known/est/simpleenroll", "/connect-service/v2.0/x",
                "/adminCenter/", "/services/v2/admin/x", "", null}) {
            assertFalse(BasicCredentials.operatorPath(p), String.valueOf(p));
        }
    }

    @Test
    void parsesBasicAndNothingElse() {
        BasicCredentials.UserPassword up = BasicCredentials.parse(basic("alice:pa:ss word")).orElseThrow();
        assertEquals("alice", up.user());
        assertEquals("pa:ss word", up.password(), "the password may hold colons and spaces");
        assertEquals("alice", BasicCredentials.parse("basic " + basic("alice:x").substring(6)).orElseThrow().user(),
                "the scheme is case-insensitive");
        assertFalse(BasicCredentials.parse("Bearer abc").isPresent());
        assertFalse(BasicCredentials.parse("Basic ***").isPresent(), "not base64");
        assertFalse(BasicCredentials.parse(basic("no-colon")).isPresent());
        assertFalse(BasicCredentials.parse(basic(":empty-user")).isPresent());
        assertFalse(BasicCredentials.parse(null).isPresent());
        assertFalse(BasicCredentials.parse(basic("alice:secret")).orElseThrow().toString().contains("secret"));
    }
}
