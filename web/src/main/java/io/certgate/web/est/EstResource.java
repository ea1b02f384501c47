package io.certgate.web.est;

import io.certgate.domain.CertgateException;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.device.DeviceIdentifier;
import io.certgate.ejb.binding.BiDirectionalAuthNotSupportedException;
import io.certgate.ejb.binding.SelfEnrollmentOutcome;
import io.certgate.ejb.binding.SelfEnrollments;
import io.certgate.ejb.binding.TransactionKeyMismatchException;
import io.certgate.domain.binding.SelfEnrollment;
import io.certgate.ejb.binding.DeviceAuthenticationException;
import io.certgate.ejb.binding.KeyAlreadyBoundException;
import io.certgate.ejb.ca.CertificateAuthorities;
import io.certgate.ejb.ca.CertificateLedger;
import io.certgate.web.support.BoundedBody;
import io.certgate.web.support.CallerContext;
import io.certgate.web.support.ClientCertificates;
import io.certgate.web.support.ExceptionTable;
import io.certgate.web.support.Refusals;
import io.certgate.domain.access.Facade;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;

/**
 * EST (RFC 7030) under /.well-known/est on the HTTPS port, with the optional label (3.2.2) naming the EnOS
 * product: cacerts, simpleenroll (HTTP Basic as deviceKey:secret, or assetId:secret without a label, the
 * secret being the device's or a one-time enrollment secret; or a valid certificate of the device as TLS client
 * certificate; 202 with Retry-After while the product's approval is pending), simplereenroll (the device's current certificate as TLS client certificate), csrattrs (none
 * required: 204), serverkeygen (501: certgate never makes or exports device keys). Answers are base64
 * certs-only PKCS#7; refusals are the RFC's status codes with a short text.
 */
@Path(".well-known/est")
public class EstResource {

    private static final Logger LOG = Logger.getLogger(EstResource.class.getName());
    static final String PKCS7 = "application/pkcs7-mime";
    static final int MAX_CSR_CHARS = 16 * 1024;

    @EJB
    private SelfEnrollments enrollments;

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private CertificateLedger ledger;

    @Inject
    private CallerContext caller;

    @Context
    private HttpServletRequest http;

    private static final ExceptionTable<Integer> STATUS = new ExceptionTable<>(400)
            .map(DeviceAuthenticationException.class, 401)
            .map(BiDirectionalAuthNotSupportedException.class, 403)
            .map(KeyAlreadyBoundException.class, 409)
            .map(TransactionKeyMismatchException.class, 409);

    /** Seconds a client waits before repeating a request that waits for an operator (RFC 7030 4.2.3). */
    static final int RETRY_AFTER_SECONDS = 30;

    /** Without a label: the two roots (the explicit trust anchors). */
    @GET
    @Path("cacerts")
    public Response cacerts() {
        return certsOnly(null, authorities.certificate(IssueAuthority.RSA), authorities.certificate(IssueAuthority.ECC));
    }

    /** With a product's label: its organization's issuing CAs, then the roots (RFC 7030 4.1.3: the chains). */
    @GET
    @Path("{label}/cacerts")
    public Response labelledCacerts(@PathParam("label") String label) {
        return certsOnly(null, enrollments.caCertificates(label, java.util.List.of(IssueAuthority.RSA, IssueAuthority.ECC))
                .toArray(X509Certificate[]::new));
    }

    @POST
    @Path("simpleenroll")
    @Consumes(MediaType.WILDCARD)
    public Response simpleenroll(@HeaderParam("Authorization") String authorization, InputStream body) {
        return enroll(null, authorization, body);
    }

    @POST
    @Path("{label}/simpleenroll")
    @Consumes(MediaType.WILDCARD)
    public Response labelledSimpleenroll(@PathParam("label") String label,
                                         @HeaderParam("Authorization") String authorization, InputStream body) {
        return enroll(label, authorization, body);
    }

    @POST
    @Path("simplereenroll")
    @Consumes(MediaType.WILDCARD)
    public Response simplereenroll(InputStream body) {
        return reenroll(body);
    }

    @POST
    @Path("{label}/simplereenroll")
    @Consumes(MediaType.WILDCARD)
    public Response labelledSimplereenroll(@PathParam("label") String label, InputStream body) {
        return reenroll(body);
    }

    @GET
    @Path("csrattrs")
    public Response csrattrs() {
        return Response.noContent().build();
    }

    @GET
    @Path("{label}/csrattrs")
    public Response labelledCsrattrs(@PathParam("label") String label) {
        return csrattrs();
    }

    @POST
    @Path("serverkeygen")
    public Response serverkeygen() {
        return text(501, "serverkeygen is not supported: certgate never makes or exports a device's private key");
    }

    @POST
    @Path("{label}/serverkeygen")
    public Response labelledServerkeygen(@PathParam("label") String label) {
        return serverkeygen();
    }

    /**
     * simpleenroll: HTTP Basic as the device (its secret or a one-time enrollment secret), or else a valid
     * certificate of the device as TLS client certificate.
     */
    private Response enroll(String label, String authorization, InputStream body) {
        if (!http.isSecure()) {
            return text(403, "EST needs HTTPS");
        }
        String[] basic = basic(authorization);
        X509Certificate presented = basic == null ? ClientCertificates.of(http) : null;
        if (basic == null && presented == null) {
            return challenge();
        }
        try {
            String csr = csrPem(body);
            if (presented != null) {
                return answer(enrollments.enrollWithCertificate(presented, "est", csr));
            }
            DeviceIdentifier device = label == null ? DeviceIdentifier.of(basic[0], null, null)
                    : DeviceIdentifier.of(null, label, basic[0]);
            return answer(enrollments.enrollWithSecret(device, basic[1], "est", null, csr));
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    private Response reenroll(InputStream body) {
        X509Certificate presented = ClientCertificates.of(http);
        if (presented == null) {
            return challenge();
        }
        try {
            return answer(enrollments.reenrollWithCertificate(presented, "est", csrPem(body)));
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    /** The certificate; 202 with Retry-After while an operator has not decided; 403 once one refused. */
    private Response answer(SelfEnrollmentOutcome outcome) {
        if (outcome.status() == SelfEnrollment.Status.PENDING) {
            return Response.status(202).header("Retry-After", RETRY_AFTER_SECONDS).header("Content-Type", "text/plain")
                    .entity("request " + outcome.requestId() + " waits for an operator's approval\n").build();
        }
        if (outcome.status() == SelfEnrollment.Status.REJECTED) {
            return text(403, "request " + outcome.requestId() + " was rejected by an operator");
        }
        return certsOnly(outcome.certificate(), null);
    }

    /**
     * The PKCS#10 of the body: base64 DER (line breaks allowed), as PEM for the business layer. A body that is no
     * base64 is handed on as it is: the business layer refuses it as an invalid CSR, after it authenticated the device
     * (a stranger learns nothing of the CSR rules: issue 18, 8).
     */
    private static String csrPem(InputStream body) {
        String text;
        try {
            text = BoundedBody.read(body, MAX_CSR_CHARS);
        } catch (IOException e) {
            throw new EstRequestException("the body must be a base64 PKCS#10 of at most " + MAX_CSR_CHARS + " characters");
        }
        String b64 = text == null ? "" : text.replaceAll("\\s", "");
        if (b64.isEmpty() || !b64.matches("[A-Za-z0-9+/=]+")) {
            return "not a base64 PKCS#10";
        }
        try {
            Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return "not a base64 PKCS#10";
        }
        StringBuilder pem = new StringBuilder("-----BEGIN CERTIFICATE REQUEST-----\n");
        for (int i = 0; i < b64.length(); i += 64) {
            pem.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return pem.append("-----END CERTIFICATE REQUEST-----\n").toString();
    }

    /** user:password of an HTTP Basic header, or null. */
    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A base64 certs-only PKCS#7: the issued certificate (with its root), or the given CA certificates. */
    private Response certsOnly(IssuedCertificate issued, X509Certificate... cas) {
        try {
            byte[] der;
            if (issued != null) {
                der = ledger.pkcs7(issued);
            } else {
                CMSSignedDataGenerator g = new CMSSignedDataGenerator();
                for (X509Certificate c : cas) {
                    g.addCertificate(new X509CertificateHolder(c.getEncoded()));
                }
                der = g.generate(new CMSAbsentContent()).getEncoded();
            }
            String body = Base64.getMimeEncoder(64, new byte[] {'\r', '\n'}).encodeToString(der) + "\r\n";
            return Response.ok(body).header("Content-Type", PKCS7 + "; smime-type=certs-only")
                    .header("Content-Transfer-Encoding", "base64").build();
        } catch (IOException | CertificateEncodingException | org.bouncycastle.cms.CMSException e) {
            throw new IllegalStateException("cannot build the PKCS#7", e);
        }
    }

    private Response refusal(RuntimeException thrown) {
        Throwable e = thrown;
        while (e instanceof EJBException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof EstRequestException r) {
            return text(400, r.getMessage());
        }
        if (e instanceof CertgateException ce) {
            int status = STATUS.lookup(ce);
            if (status == 401) {
                LOG.info(() -> "EST authentication refused requestId=" + caller.requestId());
                return unauthorized();
            }
            return text(status, ce.getMessage());
        }
        LOG.log(Level.SEVERE, "EST failed unexpectedly requestId=" + caller.requestId(), e);
        return text(500, "internal error; request id " + caller.requestId());
    }

    /** 401 for a wrong credential: a refusal and a failed authentication. */
    private static Response unauthorized() {
        Refusals.authenticationFailed(Facade.EST);
        return challenge();
    }

    /**
     * 401 with the Basic challenge and no body. Without a credential this is the first half of every normal exchange
     * (RFC 7030 clients send Basic only when challenged), so it is no failed authentication. No body: BouncyCastle's
     * EST client does not read a 401's body and could not go on with its credentials (issue 18, interop).
     */
    private static Response challenge() {
        Refusals.refused(Facade.EST, 401);
        return Response.status(401).header("WWW-Authenticate", "Basic realm=\"certgate EST\"").build();
    }

    /** A short text answer; every EST refusal but the 401 challenge is one, and is counted by its status here. */
    private static Response text(int status, String message) {
        if (status >= 400) {
            Refusals.refused(Facade.EST, status);
        }
        return Response.status(status).header("Content-Type", "text/plain").entity(message + "\n").build();
    }

    /** A body that is no base64 PKCS#10. */
    static final class EstRequestException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EstRequestException(String message) {
            super(message, null, false, false);
        }
    }
}
