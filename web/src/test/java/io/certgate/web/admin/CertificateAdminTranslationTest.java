package io.certgate.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.ca.CertificateAlreadyRevokedException;
import io.certgate.domain.ca.CertificateStatus;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.ejb.ca.CertificatePage;
import io.certgate.ejb.ca.CertificateQuery;
import io.certgate.ejb.ca.UnknownCertificateException;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.device.UnknownDeviceException;
import io.certgate.ejb.enrollment.TransactionNotPendingException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin API's certificate wire: query parameters, certSn, revocation reasons, the JSON, the refusals. */
class CertificateAdminTranslationTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void queryParametersAbsentOrBlankAreTheDefaults() {
        CertificateQuery q = CertificateAdminRequests.query(null, null, "", " ", null, null, "");
        assertEquals(new CertificateQuery(null, null, null, null, null, 0, CertificateQuery.DEFAULT_LIMIT), q);
        CertificateQuery e = CertificateAdminRequests.expiring(null, null, null);
        assertEquals(30, e.expiringWithinDays());
        assertEquals(7, CertificateAdminRequests.expiring("7", "5", "20").expiringWithinDays());
    }

    @Test
    void queryParametersAreRead() {
        CertificateQuery q = CertificateAdminRequests.query(4L, "Revoked", "0A:1b:FF", "meter", null, "10", "500");
        assertEquals(new CertificateQuery(4L, CertificateStatus.REVOKED, new BigInteger("0a1bff", 16), "meter", null, 10,
                500), q);
        assertEquals(CertificateStatus.EXPIRED, CertificateAdminRequests.status("expired"));
        assertEquals(CertificateStatus.VALID, CertificateAdminRequests.status(" VALID "));
        assertEquals(new BigInteger("ab", 16), CertificateAdminRequests.serial("0xAB"));
        assertEquals(new BigInteger("1234", 16), CertificateAdminRequests.serial("12 34"));
    }

    @Test
    void malformedParametersAreRefusedNamingThem() {
        assertEquals("status must be valid, expired or revoked", assertThrows(InvalidArgumentException.class,
                () -> CertificateAdminRequests.status("active")).getMessage());
        assertThrows(InvalidArgumentException.class, () -> CertificateAdminRequests.serial("xyz"));
        assertThrows(InvalidArgumentException.class, () -> CertificateAdminRequests.serial("0x"));
        assertThrows(InvalidArgumentException.class, () -> CertificateAdminRequests.serial("a".repeat(65)));
        assertThrows(InvalidArgumentException.class, () -> CertificateAdminRequests.query(null, null, "00", null, null,
                null, null), "zero is no serial");
        assertEquals("limit must be a whole number", assertThrows(InvalidArgumentException.class,
                () -> CertificateAdminRequests.query(null, null, null, null, null, null, "ten")).getMessage());
        assertThrows(InvalidArgumentException.class, () -> CertificateAdminRequests.query(null, null, null, null, null,
                null, "501"));
        assertThrows(InvalidArgumentException.class, () -> CertificateAdminRequests.query(null, null, null, null, "1.5",
                null, null));
        assertThrows(InvalidArgumentException.class, () -> CertificateAdminRequests.query(null, "revoked", null, null,
                "30", null, null));
        assertThrows(InvalidArgumentException.class, () -> CertificateAdminRequests.expiring("-1", null, null));
    }

    @Test
    void aCertSnThatIsNoNumberNamesNoCertificate() {
        assertEquals(42L, CertificateAdminRequests.certSn("42"));
        for (String bad : new String[] {"abc", "0", "-3", "99999999999999999999", "1e3"}) {
            assertThrows(UnknownCertificateException.class, () -> CertificateAdminRequests.certSn(bad), bad);
        }
    }

    @Test
    void revocationReasonsAreTheRfc5280Names() {
        assertEquals(RevocationReason.KEY_COMPROMISE, CertificateAdminRequests.reason("{\"reason\":\"keyCompromise\"}"));
        assertEquals(RevocationReason.CESSATION_OF_OPERATION,
                CertificateAdminRequests.reason("{\"reason\":\"cessationofoperation\"}"));
        assertEquals(RevocationReason.PRIVILEGE_WITHDRAWN,
                CertificateAdminRequests.reason("{\"reason\":\"privilegeWithdrawn\"}"));
        assertEquals(RevocationReason.UNSPECIFIED, CertificateAdminRequests.reason(null));
        assertEquals(RevocationReason.UNSPECIFIED, CertificateAdminRequests.reason(""));
        assertEquals(RevocationReason.UNSPECIFIED, CertificateAdminRequests.reason("{}"));
        assertEquals(RevocationReason.UNSPECIFIED, CertificateAdminRequests.reason("{\"reason\":null}"));
        for (RevocationReason r : RevocationReason.values()) {
            assertEquals(r, CertificateAdminRequests.reason("{\"reason\":\"" + CertificateAdminViews.reasonName(r) + "\"}"),
                    "every reason the ledger knows has a name that reads back");
        }
        // the CA's own reasons, other spellings, codes and malformed bodies are refused
        for (String bad : new String[] {"{\"reason\":\"cACompromise\"}", "{\"reason\":\"removeFromCRL\"}",
                "{\"reason\":\"key_compromise\"}", "{\"reason\":1}", "{\"reason\":\"\"}", "[\"keyCompromise\"]",
                "{\"reason\":", "keyCompromise"}) {
            assertThrows(InvalidArgumentException.class, () -> CertificateAdminRequests.reason(bad), bad);
        }
    }

    private static IssuedCertificate cert(Long deviceId, Instant notAfter) {
        IssuedCertificate c = new IssuedCertificate("acme", deviceId, IssueAuthority.ECC, "ab01", "C=CN,O=it,CN=meter", "CN=root",
                "f00d", "-----BEGIN CERTIFICATE-----\n...", notAfter.minus(Duration.ofDays(2)),
                notAfter.minus(Duration.ofDays(2)).minusSeconds(60), notAfter, null);
        try { // the database numbers it
            java.lang.reflect.Field sn = IssuedCertificate.class.getDeclaredField("certSn");
            sn.setAccessible(true);
            sn.set(c, 17L);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return c;
    }

    @Test
    void aSummarySaysTheStatusAtTheQueryInstantAndNullsWhatDoesNotApply() {
        JsonObject valid = CertificateAdminViews.summary(cert(null, NOW), NOW, null);
        assertEquals("valid", valid.getString("status"), "valid up to and including notAfter");
        assertEquals(17, valid.getInt("certSn"));
        assertEquals("ab01", valid.getString("serial"));
        assertEquals("ECC", valid.getString("authority"));
        assertEquals("2026-03-01T10:00:00Z", valid.getString("notAfter"));
        assertEquals("C=CN,O=it,CN=meter", valid.getString("subject"));
        assertEquals("CN=root", valid.getString("issuer"));
        for (String absent : List.of("assetId", "revokedAt", "revocationReason", "renewedFrom")) {
            assertEquals(JsonValue.NULL, valid.get(absent), absent);
        }
        assertEquals("expired", CertificateAdminViews.summary(cert(null, NOW.minusMillis(1)), NOW, null)
                .getString("status"));
        IssuedCertificate revoked = cert(3L, NOW.minus(Duration.ofDays(1)));
        revoked.revoke(RevocationReason.KEY_COMPROMISE, NOW.minus(Duration.ofDays(3)));
        JsonObject r = CertificateAdminViews.summary(revoked, NOW, "asset-3");
        assertEquals("revoked", r.getString("status"), "revoked wins over expired");
        assertEquals("keyCompromise", r.getString("revocationReason"));
        assertEquals("2026-02-26T10:00:00Z", r.getString("revokedAt"));
        assertEquals("asset-3", r.getString("assetId"));
        JsonObject d = CertificateAdminViews.details(revoked, NOW, "asset-3");
        assertTrue(d.getString("pem").startsWith("-----BEGIN CERTIFICATE-----"));
        assertEquals("f00d", d.getString("publicKeySha256"));
    }

    @Test
    void aPageNamesEachDevicesAssetId() {
        CertificatePage page = new CertificatePage(NOW, 12, 10, 2, List.of(cert(5L, NOW.plusSeconds(1)), cert(null,
                NOW.plusSeconds(1))));
        JsonObject p = CertificateAdminViews.page(page, Map.of(5L, "asset-5"));
        assertEquals(12, p.getInt("total"));
        assertEquals(10, p.getInt("offset"));
        assertEquals(2, p.getInt("limit"));
        assertEquals(NOW.toString(), p.getString("at"));
        assertEquals("asset-5", p.getJsonArray("certificates").getJsonObject(0).getString("assetId"));
        assertEquals(JsonValue.NULL, p.getJsonArray("certificates").getJsonObject(1).get("assetId"));
    }

    @Test
    void refusalsAreStatusErrorCodeAndMessage() {
        AdminAnswers.Refusal twice = AdminAnswers.refusal(new CertificateAlreadyRevokedException());
        assertEquals(409, twice.status());
        assertEquals("conflict", twice.body().getString("error"));
        assertEquals("The certificate has already been revoked.", twice.body().getString("message"));
        AdminAnswers.Refusal unknown = AdminAnswers.refusal(new EJBException(new UnknownCertificateException()));
        assertEquals(404, unknown.status(), "unwrapped from the EJB container's exception");
        assertEquals("not_found", unknown.body().getString("error"));
        assertEquals(404, AdminAnswers.refusal(new UnknownDeviceException()).status());
        assertEquals(409, AdminAnswers.refusal(new TransactionNotPendingException()).status());
        AdminAnswers.Refusal bad = AdminAnswers.refusal(new InvalidArgumentException("limit must be a whole number"));
        assertEquals(400, bad.status());
        assertEquals("invalid_request", bad.body().getString("error"));
        assertEquals("limit must be a whole number", bad.body().getString("message"));
        assertNull(AdminAnswers.refusal(new IllegalStateException("bug")), "not a business error: not the caller's");
        assertNull(AdminAnswers.refusal(new EJBException(new IllegalStateException("bug"))));
    }
}
