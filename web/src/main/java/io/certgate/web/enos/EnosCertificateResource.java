package io.certgate.web.enos;

import io.certgate.ejb.binding.CertificateBindingService;
import io.certgate.ejb.ca.CertificateAuthorities;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

/**
 * EnOS connect-service v2.0 certificates: {@code POST /connect-service/v2.0/certificates?action=apply|renew|
 * revoke|list} (documented form, identity in the query) and {@code POST .../certificates/{action}?action=..}
 * (the SDK's form, identity in the body); list also answers GET.
 */
@Path("connect-service/v2.0/certificates")
@Produces(MediaType.APPLICATION_JSON)
public class EnosCertificateResource {

    @EJB
    private CertificateBindingService bindings;

    @EJB
    private CertificateAuthorities authorities;

    @Context
    private UriInfo uriInfo;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(@QueryParam("action") String action, InputStream body) {
        return dispatch(action, body);
    }

    @POST
    @Path("{action}")
    @Consumes(MediaType.WILDCARD)
    public Response postWithPathAction(@PathParam("action") String pathAction, @QueryParam("action") String queryAction,
                                       InputStream body) {
        if (queryAction != null && !queryAction.equals(pathAction)) {
            return EnosResponses.error(UUID.randomUUID().toString(), pathAction, new EnosRequestException(
                    "invalid argument: the action in the path and in the query differ"));
        }
        return dispatch(pathAction, body);
    }

    @GET
    public Response get(@QueryParam("action") String action) {
        if (!"list".equals(action) && !"get".equals(action)) {
            return EnosResponses.error(UUID.randomUUID().toString(), String.valueOf(action), new EnosRequestException(
                    "invalid argument: GET supports action=list only"));
        }
        return dispatch(action, null);
    }

    private Response dispatch(String action, InputStream bodyStream) {
        return EnosBodies.handle(action, bodyStream, text -> dispatchText(action, text));
    }

    private Response dispatchText(String action, String text) {
        String act = action == null ? "" : action;
        return EnosResponses.call(act, () -> {
            EnosRequest req = EnosRequest.of(uriInfo.getQueryParameters(), text);
            switch (act) {
                case "apply":
                    return EnosCertificateAssembler.issued(bindings.apply(req.orgId(), req.device(),
                            req.string("csr"), req.smallInteger("validDay"), req.string("issueAuthority")), authorities);
                case "renew":
                    return EnosCertificateAssembler.issued(bindings.renew(req.orgId(), req.device(),
                            req.integer("certSn", "certSN"), req.string("csr"), req.smallInteger("validDay"),
                            req.string("issueAuthority")), authorities);
                case "revoke":
                    Long sn = req.integer("certSn", "certSN");
                    bindings.revoke(req.orgId(), req.device(), sn, req.smallInteger("reason"));
                    return jakarta.json.Json.createValue(String.valueOf(sn));
                case "list":
                case "get":
                    return EnosCertificateAssembler.list(bindings.list(req.orgId(), req.device()), Instant.now());
                default:
                    throw new EnosRequestException("invalid argument: unknown action '" + truncate(act)
                            + "'; expected apply, renew, revoke or list");
            }
        });
    }

    static String truncate(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9_.-]", "?");
        return clean.length() > 32 ? clean.substring(0, 32) + "..." : clean;
    }
}
