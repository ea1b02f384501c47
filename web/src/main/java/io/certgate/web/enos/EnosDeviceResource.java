package io.certgate.web.enos;

import io.certgate.domain.device.Device;
import io.certgate.ejb.device.DeviceDraft;
import io.certgate.ejb.device.DeviceRegistry;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/** EnOS connect-service v2.1 devices: action=create (POST) and action=get (GET or POST). */
@Path("connect-service/v2.1/devices")
@Produces(MediaType.APPLICATION_JSON)
public class EnosDeviceResource {

    @EJB
    private DeviceRegistry devices;

    @Context
    private UriInfo uriInfo;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(@QueryParam("action") String action, InputStream body) {
        return EnosBodies.handle(action, body, text -> dispatch(action, text));
    }

    @GET
    public Response get(@QueryParam("action") String action) {
        if (!"get".equals(action)) {
            return dispatch("unsupported GET " + action, "");
        }
        return dispatch(action, "");
    }

    private Response dispatch(String action, String text) {
        String act = action == null ? "" : action;
        return EnosResponses.call(act, () -> {
            EnosRequest req = EnosRequest.of(uriInfo.getQueryParameters(), text);
            switch (act) {
                case "create":
                    Device d = devices.create(req.orgId(), new DeviceDraft(req.string("productKey"),
                            req.string("deviceKey"), req.i18n("deviceName"), req.string("deviceDesc"),
                            req.string("timezone")));
                    return Json.createObjectBuilder()
                            .add("assetId", d.getAssetId())
                            .add("productKey", d.getProduct().getProductKey())
                            .add("deviceKey", d.getDeviceKey())
                            .add("deviceSecret", d.getDeviceSecret())
                            .build();
                case "get":
                    return device(devices.find(req.orgId(), req.device()));
                default:
                    throw new EnosRequestException("invalid argument: unknown action '"
                            + EnosCertificateResource.truncate(act) + "'; expected create or get");
            }
        });
    }

    /** The device without its secret: the secret is shown once, when the device is created. */
    static JsonObject device(Device d) {
        return Json.createObjectBuilder()
                .add("orgId", d.getOrgId())
                .add("assetId", d.getAssetId())
                .add("productKey", d.getProduct().getProductKey())
                .add("deviceKey", d.getDeviceKey())
                .add("deviceName", Json.createObjectBuilder().add("defaultValue", d.getName()))
                .add("deviceDesc", d.getDescription() == null ? "" : d.getDescription())
                .add("timezone", d.getTimezone())
                .add("createTime", d.getCreatedAt().toEpochMilli())
                .build();
    }
}
