package io.certgate.web.admin.schema;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Operators' decisions and the devices' self-enrollment settings (AdminResource). */
public final class AdminDecisions {

    private AdminDecisions() {
    }

    @Schema(name = "AdminTransactionDecision", description = "a CertManager transaction, decided")
    public static class Transaction {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true)
        public String transactionId;

        @Schema(required = true, enumeration = {"issued", "rejected"})
        public String status;

        @Schema(description = "hexadecimal, once issued")
        public String serialNumber;
    }

    @Schema(name = "AdminDigiCertRequestDecision", description = "a DigiCert request, decided")
    public static class DigiCertRequest {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true)
        public long requestId;

        @Schema(required = true, enumeration = {"approved", "rejected"})
        public String status;

        @Schema(description = "once issued")
        public Long certificateId;
    }

    @Schema(name = "AdminDomainValidated")
    public static class DomainValidated {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true)
        public String name;

        @Schema(required = true, description = "ISO-8601")
        public String validatedAt;

        @Schema(required = true)
        public String validatedBy;
    }

    @Schema(name = "AdminEnrollmentSecretRequest")
    public static class EnrollmentSecretRequest {
        @Schema(description = "hours the secret stays valid, at most 90 days", defaultValue = "168")
        public Long validHours;
    }

    @Schema(name = "AdminEnrollmentSecret", description = "a one-time enrollment secret, shown once")
    public static class EnrollmentSecret {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true)
        public String assetId;

        @Schema(required = true, description = "EST Basic password or SCEP challenge password; only its SHA-256 is "
                + "kept")
        public String secret;

        @Schema(required = true)
        public long validHours;
    }

    @Schema(name = "AdminEnrollmentApprovalRequest")
    public static class EnrollmentApprovalRequest {
        @Schema(description = "whether the product's devices wait for an operator", defaultValue = "true")
        public Boolean required;
    }

    @Schema(name = "AdminEnrollmentApproval")
    public static class EnrollmentApproval {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true)
        public String productKey;

        @Schema(required = true)
        public boolean required;
    }

    @Schema(name = "AdminSelfEnrollment")
    public static class SelfEnrollment {
        @Schema(required = true)
        public long requestId;

        @Schema(required = true)
        public long deviceId;

        @Schema(required = true, enumeration = {"est", "scep"})
        public String protocol;

        @Schema(required = true, enumeration = {"pending", "issued", "rejected"})
        public String status;

        @Schema(required = true, description = "ISO-8601")
        public String requestedAt;

        @Schema(required = true, description = "PEM")
        public String csr;

        @Schema(description = "the certificate issued, once approved")
        public Long certSn;

        @Schema(description = "the operator that decided")
        public String decidedBy;

        @Schema(description = "the deciding operator's comment, when it gave one (the console's pending page)")
        public String decisionComment;
    }

    @Schema(name = "AdminPendingSelfEnrollments")
    public static class PendingSelfEnrollments {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true, description = "oldest first")
        public List<SelfEnrollment> pending;
    }
}
