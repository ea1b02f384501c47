package io.certgate.web.console;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where the console's own pages are, and where a sign-in may lead back to. */
public final class ConsolePaths {

    static final String ROOT = "/admin/console";
    static final String HOME = ROOT + "/home.xhtml";
    static final String SIGN_IN = ROOT + "/signin";
    static final String STYLESHEET = ROOT + "/jakarta.faces.resource/console.css?ln=console";
    static final String ICON = ROOT + "/jakarta.faces.resource/icon.svg?ln=console";

    private ConsolePaths() {
    }

    /**
     * Whether the request is for the console (its pages, sign-in, resources, and the entries /admin and /admin/ that
     * lead to it), as the container mapped it.
     */
    public static boolean console(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals("/admin") || path.equals("/admin/") || path.equals(ROOT) || path.startsWith(ROOT + "/");
    }

    /**
     * The sign-in page, saying why the operator is there ({@code ended}: null, or a {@link SignInPage} reason), and
     * for a GET the page to return to afterwards.
     */
    static String signIn(HttpServletRequest request, String ended) {
        StringBuilder b = new StringBuilder(request.getContextPath()).append(SIGN_IN);
        char sep = '?';
        if (ended != null) {
            b.append(sep).append("ended=").append(ended);
            sep = '&';
        }
        if ("GET".equals(request.getMethod())) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String back = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            if (returnTo(back) != null) {
                b.append(sep).append("next=").append(URLEncoder.encode(back, StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }

    /**
     * A console page to go to after the sign-in, or null when {@code next} is none: only a path of the console on this
     * server (never another host, scheme or a path outside the console), so a link cannot send an operator elsewhere.
     */
    static String returnTo(String next) {
        if (next == null || !next.startsWith(ROOT + "/") || next.startsWith(SIGN_IN) || next.contains("\\")
                || next.contains("//") || next.contains("/..") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return null;
        }
        try {
            URI u = new URI(next);
            return u.getScheme() == null && u.getRawAuthority() == null && u.getRawFragment() == null ? next : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
