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

/** EnOS connect-service v2.1 devices: action=create (POST) and action=get (GET or POST). */
@Path("connect-service/v2.1/devices")
public class EnosDeviceResource extends EnosResource {

    @EJB
    private DeviceRegistry devices;

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
