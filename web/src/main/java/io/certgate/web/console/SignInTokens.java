package io.certgate.web.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keeps other sites from signing an operator's browser in (login CSRF): the sign-in page sets a random token as a
 * cookie (HTTPS only, not for scripts, never sent with a request another site starts) and in the form; a sign-in
 * counts only when both match. No session is made before the sign-in, so strangers fill no server memory.
 */
final class SignInTokens {

    static final String COOKIE = "certgate_signin";
    static final String FIELD = "token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SignInTokens() {
    }

    /** A new token, set as the cookie and returned for the form. */
    static String issue(HttpServletRequest request, HttpServletResponse response) {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Cookie c = new Cookie(COOKIE, token);
        c.setPath(request.getContextPath() + ConsolePaths.SIGN_IN);
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setMaxAge(3600);
        c.setAttribute("SameSite", "Strict");
        response.addCookie(c);
        return token;
    }

    /** Whether the posted form's token is the browser's cookie. */
    static boolean matches(HttpServletRequest request) {
        String posted = request.getParameter(FIELD);
        if (posted == null || posted.isEmpty() || request.getCookies() == null) {
            return false;
        }
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName()) && MessageDigest.isEqual(c.getValue().getBytes(StandardCharsets.UTF_8),
                    posted.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}
