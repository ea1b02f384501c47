package io.certgate.web.admin;

import io.certgate.domain.access.AuditRecord;
import io.certgate.ejb.access.ApiCredentials;
import io.certgate.ejb.access.AuditTrail;
import io.certgate.ejb.access.Statistics;
import io.certgate.ejb.common.CallerContext;
import io.certgate.ejb.common.CertgateException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import java.util.function.Supplier;

/** Operators' API: create credentials of an organization (secrets shown once), read its audit trail, counts. */
@Path("admin/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminResource {

    @EJB
    private ApiCredentials credentials;

    @EJB
    private AuditTrail audit;

    @EJB
    private Statistics statistics;

    @Inject
    private CallerContext caller;

    @Context
    private SecurityContext security;

    @POST
    @Path("orgs/{orgId}/enos-service-accounts")
    public Response createEnosServiceAccount(@PathParam("orgId") String orgId) {
        return created(() -> {
            ApiCredentials.ServiceAccount a = credentials.createEnosServiceAccount(orgId, operator());
            return Json.createObjectBuilder().add("orgId", a.orgId()).add("appKey", a.appKey())
                    .add("appSecret", a.appSecret()).build();
        });
    }

    @POST
    @Path("orgs/{orgId}/digicert-keys")
    public Response createDigiCertKey(@PathParam("orgId") String orgId) {
        return created(() -> Json.createObjectBuilder().add("orgId", orgId)
                .add("key", credentials.createDigiCertKey(orgId, operator())).build());
    }

    @GET
    @Path("orgs/{orgId}/audit")
    public Response audit(@PathParam("orgId") String orgId, @QueryParam("max") @DefaultValue("100") int max) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (AuditRecord r : audit.recent(orgId, max)) {
            a.add(Json.createObjectBuilder().add("at", r.getAt().toString()).add("orgId", r.getOrgId())
                    .add("actor", r.getActor()).add("action", r.getAction()).add("target", r.getTarget())
                    .add("outcome", r.getOutcome()).add("requestId", r.getRequestId()));
        }
        return Response.ok(a.build().toString()).build();
    }

    @GET
    @Path("stats")
    public Response stats() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (Map.Entry<String, Long> e : statistics.counts().entrySet()) {
            b.add(e.getKey(), e.getValue());
        }
        return Response.ok(b.build().toString()).build();
    }

    private String operator() {
        String name = security.getUserPrincipal() == null ? "unknown" : security.getUserPrincipal().getName();
        caller.set("admin:" + name, null);
        return name;
    }

    private static Response created(Supplier<JsonObject> action) {
        try {
            return Response.status(201).entity(action.get().toString()).build();
        } catch (RuntimeException e) {
            Throwable t = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (t instanceof CertgateException) {
                return Response.status(400).entity(Json.createObjectBuilder().add("error", t.getMessage()).build()
                        .toString()).build();
            }
            throw e;
        }
    }
}
