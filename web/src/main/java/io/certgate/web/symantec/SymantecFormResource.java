package io.certgate.web.symantec;

import io.certgate.web.support.ClientCertificates;
import io.certgate.ejb.enrollment.RaAuthentication;
import io.certgate.ejb.enrollment.EnrollmentService;
import io.certgate.web.support.BoundedBody;
import io.certgate.ws.symantec.ObjectFactory;
import io.certgate.ws.symantec.ResponseType;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.Map;

/**
 * Form POST under /vswebservices/rest/services/{enroll|renew|pickup|revoke|approve|reject}, answering
 * {@code <Response xmlns="urn:symantec:api">}. Business errors are HTTP 200 with a non-zero StatusCode, as the
 * service documents; an unauthenticated caller gets 403 and an oversized body 413, each with the same XML.
 */
@Path("vswebservices/rest/services")
public class SymantecFormResource {

    static final String XML = "text/xml; charset=UTF-8";
    private static final JAXBContext JAXB = jaxb();

    @EJB
    private EnrollmentService enrollments;

    @EJB
    private RaAuthentication authentication;

    @Context
    private HttpServletRequest http;

    @jakarta.inject.Inject
    private io.certgate.web.support.CallerContext caller;

    @POST
    @Path("{operation}")
    @Consumes(MediaType.WILDCARD)
    public Response post(@PathParam("operation") String operation, InputStream body) {
        String text;
        try {
            text = BoundedBody.read(body, BoundedBody.DEFAULT_LIMIT);
        } catch (BoundedBody.BodyTooLargeException e) {
            return answer(413, SymantecOperations.refusal(SymantecStatus.REQUEST_TOO_LARGE, e.getMessage())
                    .response());
        } catch (IOException e) {
            return answer(400, SymantecOperations.refusal(SymantecStatus.INVALID_PARAMETER,
                    "the request body cannot be read").response());
        }
        try {
            Map<String, String> fields = FormFields.parse(text);
            ResponseType ok = new SymantecOperations(enrollments, authentication, caller)
                    .execute(operation, ClientCertificates.of(http), fields);
            return answer(200, ok);
        } catch (RuntimeException e) {
            SymantecOperations.SymantecError error = SymantecOperations.error(operation, e, caller.requestId());
            int status = error.status() == SymantecStatus.AUTHENTICATION_REQUIRED ? 403 : 200;
            return answer(status, error.response());
        }
    }

    static Response answer(int status, ResponseType body) {
        try {
            Marshaller m = JAXB.createMarshaller();
            m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            StringWriter out = new StringWriter();
            m.marshal(new ObjectFactory().createResponse(body), out);
            return Response.status(status).type(XML).entity(out.toString()).build();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write the urn:symantec:api answer", e);
        }
    }

    private static JAXBContext jaxb() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
