package io.certgate.web.enos;

import io.certgate.web.support.Jsons;
import io.certgate.domain.access.Caller;
import io.certgate.domain.device.Device;
import io.certgate.ejb.device.DeviceDraft;
import io.certgate.ejb.device.DeviceRegistry;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import jakarta.ws.rs.Path;
import io.certgate.web.OpenApiNames;
import io.certgate.web.enos.schema.EnosAnswers;
import io.certgate.web.enos.schema.EnosBodies;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** EnOS connect-service v2.1 devices: action=create (POST) and action=get (GET or POST). */
@Path("connect-service/v2.1/devices")
@Tag(name = OpenApiNames.TAG_ENOS)
@SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.ENOS_BEARER))
@SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.ENOS_ACCESS_TOKEN),
        @SecurityRequirement(name = OpenApiNames.ENOS_TIMESTAMP),
        @SecurityRequirement(name = OpenApiNames.ENOS_SIGNATURE)})
public class EnosDeviceResource extends EnosResource {

    @EJB
    private DeviceRegistry devices;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or get a device", description = "action=create makes a device of one of the caller's "
            + "products and answers it with its secret (shown only here); action=get answers the device named in the "
            + "query or the body. " + EnosOpenApi.ERRORS)
    @APIResponse(responseCode = "200", description = "the envelope: data the new device (create) or the device (get)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {
                    EnosAnswers.NewDevice.class, EnosAnswers.Device.class, EnosAnswers.Refusal.class})))
    @APIResponse(responseCode = "401", ref = OpenApiNames.ENOS_REFUSED)
    @APIResponse(responseCode = "413", ref = OpenApiNames.ENOS_REFUSED)
    public Response post(
            @Parameter(description = "create or get", required = true, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"create", "get"})) @QueryParam("action") String action,
            @BeanParam EnosQuery query,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnosBodies.Device.class))) InputStream body) {
        return super.post(action, body);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a device", description = EnosOpenApi.ERRORS)
    @APIResponse(responseCode = "200", description = "the envelope: data the device", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {EnosAnswers.Device.class,
                    EnosAnswers.Refusal.class})))
    @APIResponse(responseCode = "401", ref = OpenApiNames.ENOS_REFUSED)
    public Response get(@Parameter(description = "get", required = true, schema = @Schema(type = SchemaType.STRING,
            enumeration = "get")) @QueryParam("action") String action,
            @BeanParam EnosQuery query) {
        return super.get(action);
    }

    @Override
    protected Set<String> readActions() {
        return Set.of("get");
    }

    @Override
    protected JsonValue dispatch(String act, EnosRequest req, Caller caller) {
        switch (act) {
            case "create":
                Device d = devices.create(caller, new DeviceDraft(req.string("productKey"),
                        req.string("deviceKey"), req.i18n("deviceName"), req.string("deviceDesc"),
                        req.string("timezone")));
                return Jsons.PROVIDER.createObjectBuilder()
                        .add("assetId", d.getAssetId())
                        .add("productKey", d.getProduct().getProductKey())
                        .add("deviceKey", d.getDeviceKey())
                        .add("deviceSecret", d.getDeviceSecret())
                        .build();
            case "get":
                return device(devices.find(caller, req.device()));
            default:
                throw unknownAction(act, "create or get");
        }
    }

    /** The device without its secret: the secret is shown once, when the device is created. */
    static JsonObject device(Device d) {
        return Jsons.PROVIDER.createObjectBuilder()
                .add("orgId", d.getOrgId())
                .add("assetId", d.getAssetId())
                .add("productKey", d.getProduct().getProductKey())
                .add("deviceKey", d.getDeviceKey())
                .add("deviceName", Jsons.PROVIDER.createObjectBuilder().add("defaultValue", d.getName()))
                .add("deviceDesc", d.getDescription() == null ? "" : d.getDescription())
                .add("timezone", d.getTimezone())
                .add("createTime", d.getCreatedAt().toEpochMilli())
                .build();
    }
}
