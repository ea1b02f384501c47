package io.certgate.web.admin;

import io.certgate.ejb.ca.tls.ServerTlsNames;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where a plain-HTTP request for the operators' pages goes: the same path and query on the HTTPS port, at the host the
 * client named when that is one of the server's own names ({@link ServerTlsNames}), otherwise at the public base
 * URL's host. The request's Host header is the client's to choose; copied into {@code Location} (as the container's
 * CONFIDENTIAL redirect did), it let anyone who could place a link send an operator to another site (issue 18, 9).
 */
final class HttpsRedirects {

    private HttpsRedirects() {
    }

    static String location(String hostHeader, String requestUri, String query, ServerTlsNames names,
                           String publicBaseUrl, int httpsPort) {
        String host = names.own(hostHeader).orElseGet(() -> publicHost(names, publicBaseUrl));
        String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host; // an IPv6 address
        String path = requestUri == null || !requestUri.startsWith("/") ? "/" : requestUri;
        return "https://" + authority + (httpsPort == 443 ? "" : ":" + httpsPort) + path
                + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** The public base URL's host (always one of the names), or the names' first. */
    private static String publicHost(ServerTlsNames names, String publicBaseUrl) {
        try {
            return names.own(URI.create(publicBaseUrl).getHost()).orElseGet(names::commonName);
        } catch (IllegalArgumentException | NullPointerException e) {
            return names.commonName();
        }
    }

    /** The HTTPS port as server.xml has it ({@code https.port}, else 9443). */
    static int httpsPort() {
        return ConfigProvider.getConfig().getOptionalValue("https.port", Integer.class).orElse(9443);
    }
}
