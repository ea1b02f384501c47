package io.certgate.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** What the operators' BASIC mechanism reads from an Authorization header; everything but BASIC is not its business. */
class OperatorAuthenticationTest {

    @Test
    void basicGivesUserAndPasswordWhoseColonsAfterTheFirstBelongToThePassword() {
        UsernamePasswordCredential c = OperatorAuthentication.basic("Basic " + encode("admin:s3cret:with:colons"));
        assertEquals("admin", c.getCaller());
        assertEquals("s3cret:with:colons", c.getPasswordAsString());
        assertEquals("ops", OperatorAuthentication.basic("basic " + encode("ops:pw")).getCaller(), "scheme: any case");
    }

    @Test
    void otherSchemesAndMalformedHeadersAreNoCredential() {
        assertNull(OperatorAuthentication.basic(null));
        assertNull(OperatorAuthentication.basic("Bearer eyJhbGciOi.token"), "an EnOS access token");
        assertNull(OperatorAuthentication.basic("Basic !!!not-base64"));
        assertNull(OperatorAuthentication.basic("Basic " + encode("no-colon")));
        assertNull(OperatorAuthentication.basic("Basic " + encode(":password-without-user")));
        assertNull(OperatorAuthentication.basic("Basic"));
    }

    /**
     * Issue 18, 2: the headers Liberty's own audit step cannot decode (not base64, no colon) are the ones marked as a
     * new authentication on /admin; others are left to the mechanism.
     */
    @Test
    void malformedBasicHeadersAreThoseLibertyCannotDecode() {
        for (String h : new String[] {"Basic abc", "Basic " + encode("foo"), "Basic ", "Basic", "Basic !!!"}) {
            org.junit.jupiter.api.Assertions.assertTrue(MalformedBasicHeaders.malformedBasic(h), h);
        }
        for (String h : new String[] {null, "Bearer x", "basic abc", "Basic " + encode("admin:pw"), "Basic " + encode(":")}) {
            org.junit.jupiter.api.Assertions.assertFalse(MalformedBasicHeaders.malformedBasic(h), String.valueOf(h));
        }
    }

    private static String encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
