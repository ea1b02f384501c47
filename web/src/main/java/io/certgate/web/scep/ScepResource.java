package io.certgate.web.scep;

import io.certgate.domain.CertgateException;
import io.certgate.domain.binding.SelfEnrollment;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.device.DeviceIdentifier;
import io.certgate.ejb.binding.SelfEnrollmentOutcome;
import io.certgate.ejb.binding.SelfEnrollments;
import io.certgate.ejb.ca.CertificateAuthorities;
import io.certgate.ejb.ca.CertificateLedger;
import io.certgate.ejb.ca.ScepRaCertificate;
import io.certgate.domain.access.Facade;
import io.certgate.ejb.binding.DeviceAuthenticationException;
import io.certgate.web.support.CallerContext;
import io.certgate.web.support.Refusals;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * SCEP (RFC 8894) at {@code /scep/{productKey}} (also {@code .../pkiclient.exe}), on the plain HTTP port as
 * clients expect (the messages are signed and encrypted): GetCACaps, GetCACert (the RA certificate, the product's
 * RSA issuing CA and root, the infrastructure CA that issued the RA), and PKIOperation by GET or POST. PKCSReq: the
 * device is the CSR's common name as deviceKey of the product, proven by the challenge password (its device secret or a one-time enrollment secret); RenewalReq:
 * signed with the device's current certificate; CertPoll: a pending request, signed with its own key.
 * Decode, enroll through the one core, encode: refusals are CertRep FAILUREs with the RFC's failInfo.
 */
@Path("scep/{productKey}")
public class ScepResource {

    private static final Logger LOG = Logger.getLogger(ScepResource.class.getName());
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    static final String CAPABILITIES = "POSTPKIOperation\nRenewal\nSHA-256\nAES\nSCEPStandard\n";

    @EJB
    private SelfEnrollments enrollments;

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private ScepRaCertificate ra;

    @Inject
    private CallerContext caller;

    @GET
    public Response get(@PathParam("productKey") String productKey, @QueryParam("operation") String operation,
                        @QueryParam("message") String message) {
        if ("GetCACaps".equals(operation)) {
            return Response.ok(CAPABILITIES).header("Content-Type", "text/plain").build();
        }
        if ("GetCACert".equals(operation)) {
            // the RA (whose key opens requests and signs answers), the product's RSA issuing CA, the root, then the
            // infrastructure CA that issued the RA (last: clients that take the CA by position keep theirs)
            List<X509Certificate> product = enrollments.caCertificates(productKey, List.of(IssueAuthority.RSA));
            ScepRaCertificate.Served served = ra.served();
            List<X509Certificate> certs = new java.util.ArrayList<>();
            certs.add(served.certificate());
            certs.addAll(product);
            served.issuingCa().filter(ca -> !certs.contains(ca)).ifPresent(certs::add);
            byte[] der = CertRep.degenerate(certs);
            return Response.ok(der).header("Content-Type", "application/x-x509-ca-ra-cert").build();
        }
        if ("PKIOperation".equals(operation)) {
            if (message == null || message.isEmpty()) {
                return text(400, "PKIOperation by GET needs message= (the base64 pkiMessage)");
            }
            byte[] der;
            try {
                // standard or URL-safe base64 (clients differ); a '+' may arrive as a space
                der = Base64.getMimeDecoder().decode(message.replace(' ', '+').replace('-', '+').replace('_', '/'));
            } catch (IllegalArgumentException e) {
                return text(400, "message= is not base64");
            }
            return pkiOperation(productKey, der);
        }
        return unknownOperation(operation);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(@PathParam("productKey") String productKey, @QueryParam("operation") String operation,
                         InputStream body) {
        if (!"PKIOperation".equals(operation)) {
            return unknownOperation(operation);
        }
        byte[] der;
        try {
            der = readBounded(body);
        } catch (IOException e) {
            return text(413, "a pkiMessage is at most " + MAX_MESSAGE_BYTES + " bytes");
        }
        return pkiOperation(productKey, der);
    }

    @GET
    @Path("pkiclient.exe")
    public Response getPkiclient(@PathParam("productKey") String productKey, @QueryParam("operation") String operation,
                                 @QueryParam("message") String message) {
        return get(productKey, operation, message);
    }

    @POST
    @Path("pkiclient.exe")
    @Consumes(MediaType.WILDCARD)
    public Response postPkiclient(@PathParam("productKey") String productKey, @QueryParam("operation") String operation,
                                  InputStream body) {
        return post(productKey, operation, body);
    }

    private Response pkiOperation(String productKey, byte[] der) {
        List<X509Certificate> accepted = this.ra.served().accepted();
        X509Certificate ra = accepted.get(0);
        ScepRequest request;
        try {
            request = ScepRequest.parse(der, authorities.scepRaDecryptor(), accepted, MAX_MESSAGE_BYTES);
        } catch (ScepException e) {
            LOG.info(() -> "SCEP message refused: " + e.getMessage() + " requestId=" + caller.requestId());
            if (!e.answerable()) {
                return text(400, e.getMessage());
            }
            return pkiMessage(failure(e.answerTo(), e.failInfo(), ra));
        }
        try {
            SelfEnrollmentOutcome outcome = switch (request.type()) {
                case PKCS_REQ -> enroll(productKey, request);
                case RENEWAL_REQ -> enrollments.reenrollWithCertificate(request.signerCertificate(), "scep",
                        request.csrPem());
                case CERT_POLL -> enrollments.poll("scep", request.transactionId(),
                        CertificateLedger.publicKeySha256(SubjectPublicKeyInfo.getInstance(
                                request.signerCertificate().getPublicKey().getEncoded())));
                default -> throw new ScepException(ScepFailInfo.BAD_REQUEST, request.type()
                        + " is not supported: certificates are fetched with CertPoll, CRLs from the CRL URL",
                        request.transaction());
            };
            return pkiMessage(answer(request, outcome, ra));
        } catch (RuntimeException thrown) {
            return refusal(request, thrown, ra);
        }
    }

    /** PKCSReq: the CSR's common name names the device of the product; the challenge password proves it. */
    private SelfEnrollmentOutcome enroll(String productKey, ScepRequest request) {
        String challenge = request.challengePassword();
        if (challenge == null || challenge.isEmpty()) {
            throw new ScepException(ScepFailInfo.BAD_REQUEST, "PKCSReq needs a challengePassword",
                    request.transaction());
        }
        RDN[] cn = request.csr().getSubject().getRDNs(BCStyle.CN);
        if (cn.length != 1) {
            throw new ScepException(ScepFailInfo.BAD_REQUEST, "the CSR's subject needs one CN: the deviceKey",
                    request.transaction());
        }
        String deviceKey = IETFUtils.valueToString(cn[0].getFirst().getValue());
        return enrollments.enrollSignedWithSecret(DeviceIdentifier.of(null, productKey, deviceKey), challenge, "scep",
                request.transactionId(), request.csrPem(), request.signerCertificate());
    }

    private byte[] answer(ScepRequest request, SelfEnrollmentOutcome outcome, X509Certificate ra) {
        if (outcome.status() == SelfEnrollment.Status.PENDING) {
            return CertRep.pending(request.transaction(), authorities.scepRaSigner(), ra);
        }
        if (outcome.status() == SelfEnrollment.Status.REJECTED) {
            return failure(request.transaction(), ScepFailInfo.BAD_REQUEST, ra);
        }
        X509Certificate issued;
        try {
            issued = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                    io.certgate.ejb.ca.Pem.parseCertificate(outcome.certificate().getCertPem()));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException("the ledger holds a certificate that does not parse", e);
        }
        return CertRep.success(request, issued, authorities.scepRaSigner(), ra);
    }

    /** A business refusal as a CertRep FAILURE: the device learns badRequest, the log says why. */
    private Response refusal(ScepRequest request, RuntimeException thrown, X509Certificate ra) {
        Throwable e = thrown;
        while (e instanceof EJBException && e.getCause() != null) {
            e = e.getCause();
        }
        ScepFailInfo failInfo;
        if (e instanceof ScepException se) {
            failInfo = se.failInfo();
        } else if (e instanceof CertgateException) {
            failInfo = ScepFailInfo.BAD_REQUEST;
            if (e instanceof DeviceAuthenticationException) {
                Refusals.authenticationFailed(Facade.SCEP);
            }
        } else {
            LOG.log(Level.SEVERE, "SCEP failed unexpectedly requestId=" + caller.requestId(), e);
            return text(500, "internal error; request id " + caller.requestId());
        }
        String why = e.getMessage();
        LOG.info(() -> "SCEP " + request.type() + " transaction " + request.transactionId() + " refused: " + why
                + " requestId=" + caller.requestId());
        return pkiMessage(failure(request.transaction(), failInfo, ra));
    }

    /** A CertRep FAILURE, counted as a refusal by its failInfo: every SCEP refusal in a pkiMessage is made here. */
    private byte[] failure(ScepTransaction transaction, ScepFailInfo failInfo, X509Certificate ra) {
        Refusals.refused(Facade.SCEP, failInfo.rfcName());
        return CertRep.failure(transaction, failInfo, authorities.scepRaSigner(), ra);
    }

    private static byte[] readBounded(InputStream body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while (body != null && (n = body.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > MAX_MESSAGE_BYTES) {
                throw new IOException("too large");
            }
        }
        return out.toByteArray();
    }

    private static Response pkiMessage(byte[] der) {
        return Response.ok(der).header("Content-Type", "application/x-pki-message").build();
    }

    private static Response unknownOperation(String operation) {
        return text(400, "operation must be GetCACaps, GetCACert or PKIOperation"
                + (operation == null ? "" : ", not " + operation));
    }

    /** A plain-text answer: the refusals of what is no readable pkiMessage, counted by HTTP status. */
    private static Response text(int status, String message) {
        Refusals.refused(Facade.SCEP, status);
        return Response.status(status).header("Content-Type", "text/plain").entity(message + "\n").build();
    }
}
