package io.certgate.web.admin.schema;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organization's certificates as operators see them (CertificateAdminViews). */
public final class AdminCertificates {

    private AdminCertificates() {
    }

    @Schema(name = "AdminCertificate", description = "status as of the answer's instant; times ISO-8601 UTC")
    public static class Summary {
        @Schema(required = true, description = "the certificate's number (EnOS certSn)")
        public long certSn;

        @Schema(required = true, description = "X.509 serial number, hexadecimal")
        public String serial;

        @Schema(required = true)
        public String subject;

        @Schema(required = true)
        public String issuer;

        @Schema(required = true, enumeration = {"RSA", "ECC"})
        public String authority;

        @Schema(required = true)
        public String issuedAt;

        @Schema(required = true)
        public String notBefore;

        @Schema(required = true)
        public String notAfter;

        @Schema(required = true, enumeration = {"valid", "expired", "revoked"})
        public String status;

        @Schema(required = true, nullable = true, description = "the device it is bound to; null when none")
        public String assetId;

        @Schema(required = true, nullable = true)
        public String revokedAt;

        @Schema(required = true, nullable = true, enumeration = {"unspecified", "keyCompromise", "affiliationChanged",
                "superseded", "cessationOfOperation", "certificateHold", "privilegeWithdrawn"})
        public String revocationReason;

        @Schema(required = true, nullable = true, description = "the certSn it renewed")
        public Long renewedFrom;
    }

    @Schema(name = "AdminCertificateDetails")
    public static class Details extends Summary {
        @Schema(required = true, description = "SHA-256 of the public key, hexadecimal")
        public String publicKeySha256;

        @Schema(required = true)
        public String pem;
    }

    @Schema(name = "AdminCertificatePage")
    public static class Page {
        @Schema(required = true, description = "the instant the statuses are worked out at")
        public String at;

        @Schema(required = true, description = "how many match")
        public long total;

        @Schema(required = true)
        public int offset;

        @Schema(required = true)
        public int limit;

        @Schema(required = true)
        public List<Summary> certificates;
    }

    @Schema(name = "AdminRevokeRequest")
    public static class RevokeRequest {
        @Schema(enumeration = {"unspecified", "keyCompromise", "affiliationChanged", "superseded",
                "cessationOfOperation", "certificateHold", "privilegeWithdrawn"}, defaultValue = "unspecified")
        public String reason;
    }
}
