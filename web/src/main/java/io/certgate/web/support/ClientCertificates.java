package io.certgate.web.support;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;

/** The TLS client certificate the container verified for this request (null over plain HTTP or without one). */
public final class ClientCertificates {

    private ClientCertificates() {
    }

    public static X509Certificate of(HttpServletRequest request) {
        if (request == null || !request.isSecure()) {
            return null;
        }
        Object chain = request.getAttribute("jakarta.servlet.request.X509Certificate");
        if (chain instanceof X509Certificate[] certs && certs.length > 0) {
            return certs[0];
        }
        return null;
    }
}
