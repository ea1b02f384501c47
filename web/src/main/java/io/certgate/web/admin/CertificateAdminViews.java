package io.certgate.web.admin;

import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.ejb.ca.CertificatePage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The admin API's JSON for certificates: a summary per certificate (status as of the query's instant; times in
 * ISO-8601 UTC; assetId, revokedAt, revocationReason and renewedFrom null when they do not apply), the details
 * (the summary, the PEM and the public key's SHA-256) and a page of a search.
 */
public final class CertificateAdminViews {

    /** RFC 5280 CRLReason names. */
    private static final Map<RevocationReason, String> REASON_NAMES = new EnumMap<>(Map.of(
            RevocationReason.UNSPECIFIED, "unspecified",
            RevocationReason.KEY_COMPROMISE, "keyCompromise",
            RevocationReason.AFFILIATION_CHANGED, "affiliationChanged",
            RevocationReason.SUPERSEDED, "superseded",
            RevocationReason.CESSATION_OF_OPERATION, "cessationOfOperation",
            RevocationReason.CERTIFICATE_HOLD, "certificateHold",
            RevocationReason.PRIVILEGE_WITHDRAWN, "privilegeWithdrawn"));

    private CertificateAdminViews() {
    }

    /** The RFC 5280 name of a revocation reason (as the admin API and the console write it). */
    public static String reasonName(RevocationReason r) {
        String name = REASON_NAMES.get(r);
        if (name == null) {
            throw new IllegalStateException("no RFC 5280 name for " + r);
        }
        return name;
    }

    /** Every revocation reason an operator may give, with its RFC 5280 name. */
    public static Map<RevocationReason, String> reasonNames() {
        return REASON_NAMES;
    }

    /** One certificate as the admin API lists it (the console's CSV export writes the same fields). */
    public static JsonObject summary(IssuedCertificate c, Instant at, String assetId) {
        return summaryBuilder(c, at, assetId).build();
    }

    static JsonObject details(IssuedCertificate c, Instant at, String assetId) {
        return summaryBuilder(c, at, assetId).add("publicKeySha256", c.getPublicKeySha256()).add("pem", c.getCertPem())
                .build();
    }

    static JsonObject page(CertificatePage page, Map<Long, String> assetIds) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (IssuedCertificate c : page.certificates()) {
            a.add(summary(c, page.at(), c.getDeviceId() == null ? null : assetIds.get(c.getDeviceId())));
        }
        return Json.createObjectBuilder().add("at", page.at().toString()).add("total", page.total())
                .add("offset", page.offset()).add("limit", page.limit()).add("certificates", a).build();
    }

    private static JsonObjectBuilder summaryBuilder(IssuedCertificate c, Instant at, String assetId) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("certSn", c.getCertSn())
                .add("serial", c.getSerialNumber())
                .add("subject", c.getSubjectDn())
                .add("issuer", c.getIssuerDn())
                .add("authority", c.getIssueAuthority().name())
                .add("issuedAt", c.getSignedAt().toString())
                .add("notBefore", c.getNotBefore().toString())
                .add("notAfter", c.getNotAfter().toString())
                .add("status", c.statusAt(at).name().toLowerCase(Locale.ROOT));
        nullable(b, "assetId", assetId);
        nullable(b, "revokedAt", c.getRevokedAt() == null ? null : c.getRevokedAt().toString());
        nullable(b, "revocationReason", c.getRevocationReason() == null ? null : reasonName(c.getRevocationReason()));
        if (c.getRenewedFrom() == null) {
            b.addNull("renewedFrom");
        } else {
            b.add("renewedFrom", c.getRenewedFrom());
        }
        return b;
    }

    private static void nullable(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
