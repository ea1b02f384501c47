package io.certgate.web.acme;

import io.certgate.domain.acme.AcmeAccount;
import io.certgate.domain.acme.AcmeAuthorization;
import io.certgate.domain.acme.AcmeChallenge;
import io.certgate.domain.acme.AcmeStatus;
import io.certgate.ejb.acme.AcmeAccounts;
import io.certgate.ejb.acme.AcmeCall;
import io.certgate.ejb.acme.AcmeError;
import io.certgate.ejb.acme.AcmeException;
import io.certgate.ejb.acme.AcmeNonces;
import io.certgate.ejb.acme.AcmeOrders;
import io.certgate.ejb.acme.AcmeRenewals;
import io.certgate.ejb.acme.AcmeRules;
import io.certgate.ejb.acme.Jws;
import io.certgate.ejb.acme.Verified;
import io.certgate.ejb.ca.Pem;
import io.certgate.web.OpenApiNames;
import io.certgate.web.support.BoundedBody;
import io.certgate.web.support.CallerContext;
import io.certgate.web.support.JsonFields;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * ACME (RFC 8555) per organization under {@code /acme/{org}}: the directory, newNonce (HEAD, GET), newAccount,
 * account (POST-as-GET, contact update, deactivation) and its orders, newOrder, order, finalize, authorization,
 * challenge, certificate (application/pem-certificate-chain), revokeCert, keyChange, and renewalInfo (RFC 9773, GET).
 * HTTPS only; POST bodies are JWS ({@code application/jose+json}) of at most {@link Jws#MAX_BYTES}; every answer
 * carries a fresh Replay-Nonce and the directory's index link. The ejb verifies each request before its payload is
 * read; this class only translates URLs and JSON.
 */
@Path("acme/{org}")
@Tag(name = OpenApiNames.TAG_ACME)
public class AcmeResource {

    static final String JOSE = "application/jose+json";
    static final String PEM_CHAIN = "application/pem-certificate-chain";
    static final String JSON = "application/json";
    /** Seconds before a client asks for renewal information again (RFC 9773 4.3). */
    static final int RENEWAL_INFO_RETRY = 21600;

    @EJB
    private AcmeAccounts accounts;

    @EJB
    private AcmeOrders orders;

    @EJB
    private AcmeRenewals renewals;

    @EJB
    private AcmeNonces nonces;

    @Inject
    private CallerContext caller;

    @Context
    private HttpServletRequest http;

    @Context
    private UriInfo uri;

    @PathParam("org")
    private String org;

    @GET
    @Path("directory")
    @Operation(summary = "The ACME directory of the organization")
    public Response directory() {
        return get(() -> {
            JsonObjectBuilder meta = Json.createObjectBuilder()
                    .add("externalAccountRequired", accounts.externalAccountRequired(org));
            JsonObject body = Json.createObjectBuilder().add("newNonce", url("new-nonce"))
                    .add("newAccount", url("new-account")).add("newOrder", url("new-order"))
                    .add("revokeCert", url("revoke-cert")).add("keyChange", url("key-change"))
                    .add("renewalInfo", url("renewal-info")).add("meta", meta).build();
            return Response.ok(body.toString(), JSON);
        });
    }

    @HEAD
    @Path("new-nonce")
    @Operation(summary = "A fresh Replay-Nonce (200)")
    public Response headNonce() {
        return get(() -> Response.ok().header("Cache-Control", "no-store"));
    }

    @GET
    @Path("new-nonce")
    @Operation(summary = "A fresh Replay-Nonce (204)")
    public Response getNonce() {
        return get(() -> Response.noContent().header("Cache-Control", "no-store"));
    }

    @GET
    @Path("renewal-info/{certId}")
    @Operation(summary = "When to renew a certificate (RFC 9773)")
    public Response renewalInfo(@PathParam("certId") String certId) {
        return get(() -> {
            AcmeRules.RenewalWindow w = renewals.renewalInfo(org, certId, caller.requestId());
            JsonObject body = Json.createObjectBuilder().add("suggestedWindow", Json.createObjectBuilder()
                    .add("start", w.start().toString()).add("end", w.end().toString())).build();
            return Response.ok(body.toString(), JSON).header("Retry-After", RENEWAL_INFO_RETRY);
        });
    }

    @POST
    @Path("new-account")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Finds or creates the account of the signing key (external account binding required)")
    public Response newAccount(InputStream body) {
        return post(body, call -> {
            Verified v = accounts.authenticateKeyOrAccount(call, false);
            JsonObject p = v.jws().payloadObject();
            JsonObject eab = JsonFields.object(p, "externalAccountBinding", AcmeResource::malformed);
            AcmeAccounts.Registration r = accounts.newAccount(v, new AcmeAccounts.NewAccount(
                    JsonFields.strings(p, "contact", 16, AcmeResource::malformed),
                    Boolean.TRUE.equals(JsonFields.flag(p, "termsOfServiceAgreed", AcmeResource::malformed)),
                    Boolean.TRUE.equals(JsonFields.flag(p, "onlyReturnExisting", AcmeResource::malformed)),
                    eab == null ? null : eab.toString()));
            return Response.status(r.created() ? 201 : 200).header("Location", accountUrl(r.account().getId()))
                    .header("Content-Type", JSON).entity(account(r.account()).toString());
        });
    }

    @POST
    @Path("account/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "The account (POST-as-GET), or its contacts changed, or deactivated")
    public Response account(@PathParam("id") String id, InputStream body) {
        return post(body, call -> {
            Verified v = accounts.authenticate(call);
            List<String> contact = null;
            boolean deactivate = false;
            if (!v.jws().postAsGet()) {
                JsonObject p = v.jws().payloadObject();
                if (p.containsKey("contact")) {
                    contact = JsonFields.strings(p, "contact", 16, AcmeResource::malformed);
                }
                String status = JsonFields.string(p, "status", AcmeResource::malformed);
                if (status != null && !status.equals("deactivated")) {
                    throw malformed("an account's status can only become deactivated");
                }
                deactivate = status != null;
            }
            AcmeAccount a = accounts.account(v, id(id), contact, deactivate);
            return Response.ok(account(a).toString(), JSON);
        });
    }

    @POST
    @Path("account/{id}/orders")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "The account's orders (POST-as-GET)")
    public Response accountOrders(@PathParam("id") String id, InputStream body) {
        return post(body, call -> {
            Verified v = accounts.authenticate(call);
            JsonArrayBuilder list = Json.createArrayBuilder();
            orders.orders(v, id(id)).forEach(o -> list.add(url("order/" + o)));
            return Response.ok(Json.createObjectBuilder().add("orders", list).build().toString(), JSON);
        });
    }

    @POST
    @Path("key-change")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Replaces the account's key (the inner JWS signed by the new key)")
    public Response keyChange(InputStream body) {
        return post(body, call -> {
            Verified v = accounts.authenticate(call);
            AcmeAccount a = accounts.changeKey(v, v.jws().kid(), v.jws().payloadObject().toString());
            return Response.ok(account(a).toString(), JSON);
        });
    }

    @POST
    @Path("new-order")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A new order for DNS names of the organization's name policy")
    public Response newOrder(InputStream body) {
        return post(body, call -> {
            Verified v = accounts.authenticate(call);
            JsonObject p = v.jws().payloadObject();
            if (p.containsKey("notBefore") || p.containsKey("notAfter")) {
                throw malformed("notBefore and notAfter are not supported: the validity is the server's");
            }
            JsonValue ids = p.get("identifiers");
            if (ids == null || ids.getValueType() != JsonValue.ValueType.ARRAY
                    || ids.asJsonArray().size() > AcmeRules.MAX_IDENTIFIERS) {
                throw new AcmeException(AcmeError.MALFORMED, "identifiers must be an array of at most "
                        + AcmeRules.MAX_IDENTIFIERS + " objects");
            }
            List<AcmeRules.Identifier> identifiers = new ArrayList<>();
            for (JsonValue i : ids.asJsonArray()) {
                if (i.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw malformed("an identifier is an object {type, value}");
                }
                identifiers.add(new AcmeRules.Identifier(JsonFields.string(i.asJsonObject(), "type",
                        AcmeResource::malformed), JsonFields.string(i.asJsonObject(), "value", AcmeResource::malformed)));
            }
            AcmeOrders.OrderView o = orders.newOrder(v, identifiers, JsonFields.string(p, "replaces",
                    AcmeResource::malformed));
            return Response.status(201).header("Location", url("order/" + o.order().getId()))
                    .header("Content-Type", JSON).entity(order(o).toString());
        });
    }

    @POST
    @Path("order/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "An order of the account (POST-as-GET)")
    public Response order(@PathParam("id") String id, InputStream body) {
        return post(body, call -> {
            Verified v = accounts.authenticate(call);
            return Response.ok(order(orders.order(v, id(id))).toString(), JSON);
        });
    }

    @POST
    @Path("order/{id}/finalize")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Finalizes a ready order with a CSR; the certificate is issued in this request")
    public Response finalizeOrder(@PathParam("id") String id, InputStream body) {
        return post(body, call -> {
            Verified v = accounts.authenticate(call);
            String csr = JsonFields.string(v.jws().payloadObject(), "csr", AcmeResource::malformed);
            if (csr == null) {
                throw malformed("finalize needs a csr");
            }
            AcmeOrders.OrderView o = orders.finalizeOrder(v, id(id), Jws.base64Url(csr));
            return Response.ok(order(o).toString(), JSON).header("Location", url("order/" + o.order().getId()));
        });
    }

    @POST
    @Path("authz/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "An authorization of the account (POST-as-GET), or deactivated")
    public Response authorization(@PathParam("id") String id, InputStream body) {
        return post(body, call -> {
            Verified v = accounts.authenticate(call);
            boolean deactivate = false;
            if (!v.jws().postAsGet()) {
                String status = JsonFields.string(v.jws().payloadObject(), "status", AcmeResource::malformed);
                if (!"deactivated".equals(status)) {
                    throw malformed("an authorization's status can only become deactivated");
                }
                deactivate = true;
            }
            return Response.ok(authorization(orders.authorization(v, id(id), deactivate)).toString(), JSON);
        });
    }

    @POST
    @Path("challenge/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A challenge (POST-as-GET), or checked now ({} as payload)")
    public Response challenge(@PathParam("id") String id, InputStream body) {
        return post(body, call -> {
            Verified v = accounts.authenticate(call);
            AcmeOrders.ChallengeView c = v.jws().postAsGet() ? orders.challenge(v, id(id))
                    : orders.respond(v, id(id));
            return Response.ok(challenge(c.challenge()).toString(), JSON).header("Link",
                    "<" + url("authz/" + c.authorization().authorization().getId()) + ">;rel=\"up\"");
        });
    }

    @POST
    @Path("cert/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A certificate and the CA certificates above it, but the root (PEM)")
    public Response certificate(@PathParam("id") String id, InputStream body) {
        return post(body, call -> {
            Verified v = accounts.authenticate(call);
            AcmeOrders.CertificateChain c = orders.certificate(v, id(id));
            return Response.ok(c.certificate().getCertPem().strip() + "\n" + Pem.certificates(c.above()),
                    PEM_CHAIN);
        });
    }

    @POST
    @Path("revoke-cert")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revokes a certificate, signed by the ordering account or the certificate's key")
    public Response revokeCert(InputStream body) {
        return post(body, call -> {
            Verified v = accounts.authenticateKeyOrAccount(call, true);
            JsonObject p = v.jws().payloadObject();
            String cert = JsonFields.string(p, "certificate", AcmeResource::malformed);
            if (cert == null) {
                throw malformed("revokeCert needs a certificate");
            }
            Long reason = JsonFields.wholeNumber(p, "reason", AcmeResource::malformed);
            if (reason != null && (reason < 0 || reason > 10)) {
                throw new AcmeException(AcmeError.BAD_REVOCATION_REASON, "reason " + reason + " is no CRL reason");
            }
            orders.revoke(v, Jws.base64Url(cert), reason == null ? null : reason.intValue());
            return Response.ok();
        });
    }

    /** What a request does once the facade has read it. */
    @FunctionalInterface
    private interface Action {
        Response.ResponseBuilder run(AcmeCall call) throws IOException;
    }

    /** A POST: directory, HTTPS, JOSE content type, bounded body; then the action; a fresh nonce either way. */
    private Response post(InputStream body, Action action) {
        return answer(() -> {
            String type = http.getContentType();
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(JOSE)) {
                return Response.fromResponse(AcmeProblems.problem(415, "malformed", "ACME requests are " + JOSE));
            }
            String text;
            try {
                text = BoundedBody.read(body, Jws.MAX_BYTES);
            } catch (BoundedBody.BodyTooLargeException e) {
                return Response.fromResponse(AcmeProblems.problem(413, "malformed", "the request is larger than "
                        + Jws.MAX_BYTES + " bytes"));
            }
            String requestUrl = uri.getRequestUri().toString();
            return action.run(new AcmeCall(org, requestUrl, url("account/"), text, caller.requestId()));
        });
    }

    private Response get(java.util.function.Supplier<Response.ResponseBuilder> action) {
        return answer(action::get);
    }

    /**
     * The directory must exist (checked first: the organization's id is then a well-formed one, safe in URLs) and
     * HTTPS be used; errors as problem documents; a Replay-Nonce and the index link on every answer of a directory.
     */
    private Response answer(Action0 action) {
        Response.ResponseBuilder b;
        if (!accounts.directoryExists(org)) {
            return AcmeProblems.problem(404, "malformed", "no ACME directory here");
        } else if (!http.isSecure()) {
            b = Response.fromResponse(AcmeProblems.problem(403, "malformed", "ACME needs HTTPS"));
        } else {
            try {
                b = action.run();
            } catch (IOException e) {
                b = Response.fromResponse(AcmeProblems.problem(400, "malformed", "the request body cannot be read"));
            } catch (RuntimeException e) {
                b = Response.fromResponse(AcmeProblems.of(e, caller.requestId()));
                if (e instanceof AcmeException a && a.error() == AcmeError.CONFLICT && a.location() != null) {
                    b.header("Location", accountUrl(Long.parseLong(a.location())));
                }
            }
            b.header("Replay-Nonce", nonces.issue());
        }
        return b.header("Link", "<" + url("directory") + ">;rel=\"index\"").build();
    }

    @FunctionalInterface
    private interface Action0 {
        Response.ResponseBuilder run() throws IOException;
    }

    private JsonObject account(AcmeAccount a) {
        JsonArrayBuilder contact = Json.createArrayBuilder();
        if (a.getContact() != null) {
            for (String c : a.getContact().split("\n")) {
                contact.add(c);
            }
        }
        return Json.createObjectBuilder().add("status", a.getStatus().wire()).add("contact", contact)
                .add("orders", url("account/" + a.getId() + "/orders")).add("createdAt", a.getCreatedAt().toString())
                .build();
    }

    private JsonObject order(AcmeOrders.OrderView o) {
        JsonArrayBuilder identifiers = Json.createArrayBuilder();
        o.order().identifiers().forEach(n -> identifiers.add(identifier(n)));
        JsonArrayBuilder authorizations = Json.createArrayBuilder();
        o.authorizations().forEach(z -> authorizations.add(url("authz/" + z.getId())));
        JsonObjectBuilder b = Json.createObjectBuilder().add("status", o.status().wire())
                .add("expires", o.order().getExpiresAt().toString()).add("identifiers", identifiers)
                .add("authorizations", authorizations).add("finalize", url("order/" + o.order().getId() + "/finalize"));
        if (o.order().getCertSn() != null) {
            b.add("certificate", url("cert/" + o.order().getCertSn()));
        }
        if (o.replaces() != null) {
            b.add("replaces", o.replaces());
        }
        if (o.status() == AcmeStatus.INVALID) {
            b.add("error", AcmeProblems.document(AcmeProblems.type(AcmeError.UNAUTHORIZED), o.order().getErrorDetail()
                    != null ? o.order().getErrorDetail() : "an authorization of the order is not valid, or it expired"));
        }
        return b.build();
    }

    private JsonObject authorization(AcmeOrders.AuthorizationView z) {
        AcmeAuthorization a = z.authorization();
        JsonArrayBuilder challenges = Json.createArrayBuilder();
        for (AcmeChallenge c : z.challenges()) {
            challenges.add(challenge(c));
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("identifier", identifier(a.getIdentifier()))
                .add("status", z.status().wire()).add("expires", a.getExpiresAt().toString())
                .add("challenges", challenges);
        if (a.isWildcard()) {
            b.add("wildcard", true);
        }
        return b.build();
    }

    private JsonObject challenge(AcmeChallenge c) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", c.getType()).add("url", url("challenge/" + c.getId()))
                .add("status", c.getStatus().wire()).add("token", c.getToken());
        if (c.getValidatedAt() != null) {
            b.add("validated", c.getValidatedAt().toString());
        }
        if (c.getErrorKind() != null) {
            b.add("error", AcmeProblems.document(AcmeProblems.type(AcmeError.valueOf(c.getErrorKind())),
                    c.getErrorDetail()));
        }
        return b.build();
    }

    private static JsonObject identifier(String value) {
        return Json.createObjectBuilder().add("type", "dns").add("value", value).build();
    }

    /** This directory's URL of a resource, on the scheme, host and port the client used. */
    private String url(String resource) {
        return uri.getBaseUri().toString().replaceAll("/+$", "") + "/acme/" + org + "/" + resource;
    }

    private String accountUrl(long id) {
        return url("account/" + id);
    }

    private static long id(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new AcmeException(AcmeError.NOT_FOUND, "no such resource");
    }

    private static AcmeException malformed(String message) {
        return new AcmeException(AcmeError.MALFORMED, message);
    }
}
