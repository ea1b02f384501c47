package io.certgate.web.enos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.certgate.domain.device.DeviceIdentifier;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

class EnosTranslationTest {

    @Test
    void paramsDataSortsQueryParametersByNameThenAppendsTheBody() {
        MultivaluedHashMap<String, String> q = new MultivaluedHashMap<>();
        q.add("orgId", "o1");
        q.add("action", "apply");
        q.add("assetId", "a1");
        assertEquals("actionapplyassetIda1orgIdo1{\"csr\":\"x\"}", EnosAuthentication.paramsData(q, "{\"csr\":\"x\"}"));
        assertEquals("", EnosAuthentication.paramsData(new MultivaluedHashMap<>(), ""));
    }

    @Test
    void identityFromQueryWinsOverBody() {
        MultivaluedHashMap<String, String> q = new MultivaluedHashMap<>();
        q.add("assetId", "fromQuery");
        EnosRequest r = EnosRequest.of(q, "{\"device\":{\"assetId\":\"fromBody\"},\"orgId\":\"o\"}", "caller");
        assertEquals(DeviceIdentifier.of("fromQuery", null, null), r.device());
        assertEquals("o", r.orgId());
    }

    @Test
    void sdkFormDeviceObjectAndCallerOrgDefault() {
        EnosRequest r = EnosRequest.of(new MultivaluedHashMap<>(),
                "{\"device\":{\"productKey\":\"pk\",\"deviceKey\":\"dk\"},\"certSN\":\"42\"}", "callerOrg");
        assertEquals(DeviceIdentifier.of(null, "pk", "dk"), r.device());
        assertEquals("callerOrg", r.orgId());
        assertEquals(42L, r.integer("certSn", "certSN"));
    }

    @Test
    void wrongTypesAreRequestErrors() {
        assertThrows(EnosRequestException.class, () -> EnosRequest.of(new MultivaluedHashMap<>(), "[1]"));
        assertThrows(EnosRequestException.class, () -> EnosRequest.of(new MultivaluedHashMap<>(), "{bad"));
        EnosRequest r = EnosRequest.of(new MultivaluedHashMap<>(),
                "{\"validDay\":\"x\",\"certSn\":1.5,\"big\":99999999999,\"flag\":\"yes\",\"device\":[]}");
        assertThrows(EnosRequestException.class, () -> r.smallInteger("validDay"));
        assertThrows(EnosRequestException.class, () -> r.integer("certSn"));
        assertThrows(EnosRequestException.class, () -> r.smallInteger("big"));
        assertThrows(EnosRequestException.class, () -> r.bool("flag"));
        assertThrows(EnosRequestException.class, r::device);
        assertNull(r.integer("absent"));
    }

    @Test
    void i18nTextsAcceptStringOrObject() {
        EnosRequest r = EnosRequest.of(new MultivaluedHashMap<>(),
                "{\"a\":\"plain\",\"b\":{\"defaultValue\":\"nested\",\"i18nValue\":{}}}");
        assertEquals("plain", r.i18n("a"));
        assertEquals("nested", r.i18n("b"));
    }
}
