package io.certgate.web.enos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.domain.device.DeviceIdentifier;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

class EnosTranslationTest {

    @Test
    void theListSaysExpiredPastNotAfterAndRevokedWhateverTheDate() {
        java.time.Instant now = java.time.Instant.parse("2026-06-01T00:00:00Z");
        io.certgate.domain.ca.IssuedCertificate valid = cert(now);
        io.certgate.domain.ca.IssuedCertificate expired = cert(now.minusMillis(1));
        io.certgate.domain.ca.IssuedCertificate revokedAndExpired = cert(now.minusSeconds(60));
        revokedAndExpired.revoke(RevocationReason.KEY_COMPROMISE, now.minusSeconds(120));
        jakarta.json.JsonArray list = EnosCertificateAssembler.list(java.util.List.of(valid, expired, revokedAndExpired),
                now).asJsonArray();
        assertEquals(0, list.getJsonObject(0).getInt("certStatus"), "valid up to and including notAfter");
        assertEquals(2, list.getJsonObject(1).getInt("certStatus"), "expired");
        assertEquals(1, list.getJsonObject(2).getInt("certStatus"), "revoked wins over expired");
    }

    private static io.certgate.domain.ca.IssuedCertificate cert(java.time.Instant notAfter) {
        return new io.certgate.domain.ca.IssuedCertificate("acme", 7L, IssueAuthority.RSA, "0a", "CN=x", "CN=root", "ab",
                "pem", notAfter.minusSeconds(86_400), notAfter.minusSeconds(86_460), notAfter, null);
    }

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
        EnosRequest r = EnosRequest.of(q, "{\"device\":{\"assetId\":\"fromBody\"},\"orgId\":\"o\"}");
        assertEquals(DeviceIdentifier.of("fromQuery", null, null), r.device());
        assertEquals("o", r.orgId());
    }

    @Test
    void sdkFormDeviceObjectAndCertSnAsString() {
        EnosRequest r = EnosRequest.of(new MultivaluedHashMap<>(),
                "{\"orgId\":\"o\",\"device\":{\"productKey\":\"pk\",\"deviceKey\":\"dk\"},\"certSN\":\"42\"}");
        assertEquals(DeviceIdentifier.of(null, "pk", "dk"), r.device());
        assertEquals("o", r.orgId());
        assertEquals(42L, r.certSn());
    }

    @Test
    void orgIdIsMandatory() {
        EnosRequest r = EnosRequest.of(new MultivaluedHashMap<>(), "{\"csr\":\"x\"}");
        assertEquals("Invalid Argument orgId:orgId is missing",
                assertThrows(EnosRequestException.class, r::orgId).getMessage());
    }

    @Test
    void issueAuthorityPresentMustBeRsaOrEcc() {
        MultivaluedHashMap<String, String> q = new MultivaluedHashMap<>();
        assertNull(EnosRequest.of(q, "{}").issueAuthority(), "absent: the operation's default");
        assertNull(EnosRequest.of(q, "{\"issueAuthority\":null}").issueAuthority());
        assertEquals(IssueAuthority.ECC, EnosRequest.of(q, "{\"issueAuthority\":\"ecc\"}").issueAuthority());
        assertThrows(EnosRequestException.class, () -> EnosRequest.of(q, "{\"issueAuthority\":\"\"}").issueAuthority());
        assertThrows(EnosRequestException.class, () -> EnosRequest.of(q, "{\"issueAuthority\":\"DSA\"}").issueAuthority());
    }

    @Test
    void revocationReasonsAndCertSnAreValueObjects() {
        MultivaluedHashMap<String, String> q = new MultivaluedHashMap<>();
        assertEquals(RevocationReason.UNSPECIFIED, EnosRequest.of(q, "{}").reason());
        assertEquals(RevocationReason.KEY_COMPROMISE, EnosRequest.of(q, "{\"reason\":1}").reason());
        assertThrows(EnosRequestException.class, () -> EnosRequest.of(q, "{\"reason\":2}").reason());
        assertThrows(EnosRequestException.class, () -> EnosRequest.of(q, "{}").certSn());
        assertThrows(EnosRequestException.class, () -> EnosRequest.of(q, "{\"certSn\":-1}").certSn());
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

    @Test
    void aBodyNestedTooDeeplyIsAnInvalidArgumentNotAnInternalError() {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        EnosRequestException e = assertThrows(EnosRequestException.class,
                () -> EnosRequest.of(new MultivaluedHashMap<>(), deep));
        assertEquals("invalid argument: the request body is not valid JSON", e.getMessage());
        assertThrows(EnosRequestException.class, () -> EnosRequest.of(new MultivaluedHashMap<>(), "[1]"), "no object");
    }
}
