package io.certgate.web.symantec;

import io.certgate.web.support.ClientCertificates;
import io.certgate.ejb.enrollment.RaAuthentication;
import io.certgate.ejb.enrollment.EnrollmentService;
import io.certgate.ws.symantec.EnrollRequestType;
import io.certgate.ws.symantec.RenewRequestType;
import io.certgate.ws.symantec.ResponseType;
import io.certgate.ws.symantec.RevokeRequestType;
import io.certgate.ws.symantec.TransactionRequestType;
import io.certgate.ws.symantec.soap.CertManagerPortType;
import io.certgate.ws.symantec.soap.SymantecFault;
import io.certgate.web.support.CallerContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ejb.EJB;
import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The CertManager SOAP service (contract: ws-contracts certmanager.wsdl), served at
 * /vswebservices/soap/certmanager. Each operation turns its request into the form's field map and runs the
 * same {@link SymantecOperations}; errors become a SOAP fault carrying StatusCode and Message.
 */
@WebService(serviceName = "CertManagerService", portName = "CertManagerPort",
        targetNamespace = "urn:symantec:api:soap",
        endpointInterface = "io.certgate.ws.symantec.soap.CertManagerPortType",
        wsdlLocation = "WEB-INF/wsdl/certmanager.wsdl")
@jakarta.jws.HandlerChain(file = "client-faults.xml") // soap:Client for the caller's mistakes
public class CertManagerSoapEndpoint implements CertManagerPortType {

    @Resource
    private WebServiceContext context;

    @EJB
    private EnrollmentService enrollments;

    @EJB
    private RaAuthentication authentication;

    @Override
    public ResponseType enroll(EnrollRequestType request) throws SymantecFault {
        return run("enroll", enrollFields(request, new HashMap<>()));
    }

    @Override
    public ResponseType renew(RenewRequestType request) throws SymantecFault {
        Map<String, String> f = enrollFields(request, new HashMap<>());
        if (request != null) {
            f.put("original_certificate", request.getOriginalCertificate());
            f.put("original_transaction_id", request.getOriginalTransactionId());
            f.put("original_challenge", request.getOriginalChallenge());
        }
        return run("renew", f);
    }

    @Override
    public ResponseType pickup(TransactionRequestType request) throws SymantecFault {
        return run("pickup", transactionFields(request));
    }

    @Override
    public ResponseType approve(TransactionRequestType request) throws SymantecFault {
        return run("approve", transactionFields(request));
    }

    @Override
    public ResponseType reject(TransactionRequestType request) throws SymantecFault {
        return run("reject", transactionFields(request));
    }

    @Override
    public ResponseType revoke(RevokeRequestType request) throws SymantecFault {
        Map<String, String> f = new HashMap<>();
        if (request != null) {
            f.put("certSerial", request.getCertSerial());
            f.put("reason", request.getReason());
            f.put("challenge", request.getChallenge());
        }
        return run("revoke", f);
    }

    private ResponseType run(String operation, Map<String, String> fields) throws SymantecFault {
        CallerContext caller = CDI.current().select(CallerContext.class).get();
        try {
            HttpServletRequest http = (HttpServletRequest) context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
            return new SymantecOperations(enrollments, authentication, caller)
                    .execute(operation, ClientCertificates.of(http), blanksAsAbsent(fields));
        } catch (RuntimeException e) {
            SymantecOperations.SymantecError error = SymantecOperations.error(operation, e, caller.requestId());
            throw new SymantecFault(error.getMessage(), error.fault());
        }
    }

    private static Map<String, String> enrollFields(EnrollRequestType r, Map<String, String> f) {
        if (r == null) {
            return f;
        }
        f.put("firstName", r.getFirstName());
        f.put("lastName", r.getLastName());
        f.put("email", r.getEmail());
        f.put("csr", r.getCsr());
        f.put("certProductType", r.getCertProductType());
        f.put("serverType", r.getServerType());
        f.put("validityPeriod", r.getValidityPeriod());
        f.put("specificEndDate", r.getSpecificEndDate());
        f.put("challenge", r.getChallenge());
        f.put("subject_alt_names", r.getSubjectAltNames());
        f.put("signatureAlgorithm", r.getSignatureAlgorithm());
        f.put("ctLogOption", r.getCtLogOption());
        return f;
    }

    private static Map<String, String> transactionFields(TransactionRequestType r) {
        Map<String, String> f = new HashMap<>();
        if (r != null) {
            f.put("transaction_id", r.getTransactionId());
        }
        return f;
    }

    /** An empty element means absent, as an empty form field does. */
    private static Map<String, String> blanksAsAbsent(Map<String, String> f) {
        f.replaceAll((k, v) -> v == null || v.isEmpty() ? null : v);
        return f;
    }
}
