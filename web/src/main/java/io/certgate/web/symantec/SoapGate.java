package io.certgate.web.symantec;

import io.certgate.domain.access.Facade;
import io.certgate.web.support.BoundedBody;
import io.certgate.web.support.BoundedRequest;
import io.certgate.web.support.ClientCertificates;
import io.certgate.web.support.Refusals;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * In front of the CertManager SOAP service: a call without an RA account's client certificate (also any call over
 * plain HTTP) gets the 0x10 fault before a byte of its body is read, and a body over {@value #LIMIT} bytes the 0x11
 * fault (413) before it is read or, sent chunked, once it passes the limit (read here, never further). Until then the SOAP stack read whatever
 * an anonymous caller sent (50 MB and more) before the endpoint looked for the certificate. The endpoint still checks
 * the certificate itself (account enabled, certificate held by the ledger and valid).
 */
@WebFilter(urlPatterns = "/vswebservices/soap/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class SoapGate extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SoapGate.class.getName());

    /** The same limit as every other body of the CertManager facade. */
    static final int LIMIT = BoundedBody.DEFAULT_LIMIT;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equalsIgnoreCase(req.getMethod())) {
            chain.doFilter(req, res); // the WSDL (GET ?wsdl) is public
            return;
        }
        if (ClientCertificates.of(req) == null) {
            LOG.info(() -> "CertManager SOAP call without a client certificate refused before its body was read");
            Refusals.authenticationFailed(Facade.CERTMANAGER);
            Refusals.refused(Facade.CERTMANAGER, SymantecStatus.AUTHENTICATION_REQUIRED.code());
            fault(res, 500, SymantecStatus.AUTHENTICATION_REQUIRED,
                    "authentication required: present the client certificate of an RA account");
            return;
        }
        HttpServletRequest bounded = BoundedRequest.announcesMoreThan(req, LIMIT) ? null
                : BoundedRequest.buffered(req, LIMIT);
        if (bounded == null) {
            Refusals.refused(Facade.CERTMANAGER, SymantecStatus.REQUEST_TOO_LARGE.code());
            fault(res, 413, SymantecStatus.REQUEST_TOO_LARGE, "request body larger than " + LIMIT + " bytes");
            return;
        }
        chain.doFilter(bounded, new ClosingOnFault(res));
    }

    /**
     * Every SOAP fault closes the connection, and says so. A SOAP 1.1 fault is an HTTP 500 (WS-I Basic Profile
     * R1126), and Liberty's HTTP transport keeps no connection after a 500 (nor after most 4xx; OpenLiberty issue
     * 16521): this answer announces it with {@code Connection: close} itself, whatever the transport's version does,
     * so that a client opens a new connection for its next call instead of failing on one the server closed.
     */
    static final class ClosingOnFault extends HttpServletResponseWrapper {

        ClosingOnFault(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            closeOnError(sc);
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            closeOnError(sc);
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            closeOnError(sc);
            super.sendError(sc, msg);
        }

        private void closeOnError(int sc) {
            if (sc >= 400 && !isCommitted()) {
                setHeader("Connection", "close");
            }
        }
    }

    /** A SOAP 1.1 fault (soap:Client: the caller's doing) carrying the CertManager status, as the endpoint's faults do. */
    private static void fault(HttpServletResponse res, int status, SymantecStatus code, String message)
            throws IOException {
        String xml = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:Client</faultcode><faultstring>" + message + "</faultstring><detail>"
                + "<Fault xmlns=\"urn:symantec:api\"><StatusCode>" + code.code() + "</StatusCode><Message>" + message
                + "</Message></Fault></detail></soap:Fault></soap:Body></soap:Envelope>";
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setHeader("Connection", "close"); // the unread body is not ours to drain
        res.setContentType("text/xml; charset=UTF-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
