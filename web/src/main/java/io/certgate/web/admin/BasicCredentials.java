package io.certgate.web.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** HTTP BASIC as operators send it (RFC 7617), and the paths where it is the operators' credential. */
final class BasicCredentials {

    /** A user name and password; never printed. */
    record UserPassword(String user, String password) {
        @Override
        public String toString() {
            return "UserPassword[" + user + "]";
        }
    }

    private BasicCredentials() {
    }

    /** /admin and below (repeated slashes collapse, as the container serves them), nothing else. */
    static boolean operatorPath(String requestUri) {
        if (requestUri == null) {
            return false;
        }
        String path = requestUri.replaceAll("/+", "/");
        return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/admin;");
    }

    static boolean isBasic(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** The user and password of a Basic header; empty when it is not well-formed. */
    static Optional<UserPassword> parse(String authorization) {
        if (!isBasic(authorization)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new UserPassword(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
