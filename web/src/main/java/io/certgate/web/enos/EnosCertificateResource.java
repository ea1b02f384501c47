package io.certgate.web.enos;

import io.certgate.web.support.Jsons;
import io.certgate.domain.access.Caller;
import io.certgate.ejb.binding.CertificateBindingService;
import io.certgate.ejb.ca.CertificateAuthorities;
import jakarta.ejb.EJB;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;

/**
 * EnOS connect-service v2.0 certificates: {@code POST /connect-service/v2.0/certificates?action=apply|renew|
 * revoke|list} (documented form, identity in the query) and {@code POST .../certificates/{action}?action=..}
 * (the SDK's form, identity in the body); list also answers GET.
 */
@Path("connect-service/v2.0/certificates")
public class EnosCertificateResource extends EnosResource {

    @EJB
    private CertificateBindingService bindings;

    @EJB
    private CertificateAuthorities authorities;

    @POST
    @Path("{action}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response postWithPathAction(@PathParam("action") String pathAction, @QueryParam("action") String queryAction,
                                       InputStream body) {
        if (queryAction != null && !queryAction.equals(pathAction)) {
            return EnosResponses.error(caller.requestId(), pathAction, new EnosRequestException(
                    "invalid argument: the action in the path and in the query differ"));
        }
        return handle(pathAction, body);
    }

    @Override
    protected Set<String> readActions() {
        return Set.of("list", "get");
    }

    @Override
    protected JsonValue dispatch(String action, EnosRequest req, Caller caller) {
        switch (action) {
            case "apply":
                return EnosCertificateAssembler.issued(bindings.apply(caller, req.device(), req.string("csr"),
                        req.smallInteger("validDay"), req.issueAuthority()), authorities);
            case "renew":
                return EnosCertificateAssembler.issued(bindings.renew(caller, req.device(), req.certSn(),
                        req.string("csr"), req.smallInteger("validDay"), req.issueAuthority()), authorities);
            case "revoke":
                long sn = req.certSn();
                bindings.revoke(caller, req.device(), sn, req.reason());
                return Jsons.PROVIDER.createValue(String.valueOf(sn));
            case "list":
            case "get":
                return EnosCertificateAssembler.list(bindings.list(caller, req.device()), Instant.now());
            default:
                throw unknownAction(action, "apply, renew, revoke or list");
        }
    }
}
