package io.certgate.web.admin;

import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A malformed {@code Authorization: Basic} header on the operators' paths (/admin/*) is answered 401 with the Basic
 * challenge, like a missing one, not with Liberty's 500.
 * <p>
 * Liberty, after an authentication mechanism refused or challenged a request, decodes its {@code Basic} header for
 * the audit record and fails on one that is not base64 ({@code Basic abc}: NullPointerException) or has no colon
 * ({@code Basic Zm9v}: StringIndexOutOfBoundsException). It skips that step for a request that asks for a new
 * authentication ({@code SecurityContext.authenticate}), which it recognises by the request attribute that Liberty's
 * Jakarta Security bridge reads ({@value #NEW_AUTHENTICATION}). Request listeners run before the security check, so
 * this one marks such requests; {@link OperatorAuthentication} then finds no credential and challenges (the console,
 * which reads no Authorization header, leads to its sign-in page). Elsewhere the
 * mechanism itself keeps Liberty from decoding ({@link OperatorAuthentication#notBasic}).
 */
@WebListener
public class MalformedBasicHeaders implements ServletRequestListener {

    /** Liberty's name for the parameters of {@code SecurityContext.authenticate} (its Jakarta Security bridge). */
    static final String NEW_AUTHENTICATION = "com.ibm.ws.security.javaeesec.auth.params";

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request && underAdmin(request)
                && malformedBasic(request.getHeader("Authorization"))) {
            request.setAttribute(NEW_AUTHENTICATION, AuthenticationParameters.withParams().newAuthentication(true));
        }
    }

    private static boolean underAdmin(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.startsWith("/admin/") || path.equals("/admin");
    }

    /** A header Liberty would decode ({@code Basic} exactly, as it checks) that is no base64 of user:password. */
    static boolean malformedBasic(String header) {
        return header != null && header.startsWith("Basic") && OperatorAuthentication.basic(header) == null
                && !decodesWithColon(header);
    }

    private static boolean decodesWithColon(String header) {
        if (header.length() < 6) {
            return false;
        }
        try {
            return new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
                    java.nio.charset.StandardCharsets.UTF_8).indexOf(':') >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
