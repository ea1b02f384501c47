package io.certgate.web.digicert.schema;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * CertCentral request bodies as DigiCertRequests reads them; unknown fields (organization{id}, ...) are ignored, the
 * key decides the organization.
 */
public final class DigiCertBodies {

    private DigiCertBodies() {
    }

    @Schema(name = "DigiCertOrderRequest")
    public static class Order {
        @Schema(required = true)
        public OrderCertificate certificate;

        @Schema(name = "order_validity", description = "one of years (default 1, at most 3), days, "
                + "custom_expiration_date")
        public Validity orderValidity;

        @Schema(name = "validity_years", description = "the older form of order_validity.years")
        public Integer validityYears;

        @Schema(name = "validity_days")
        public Integer validityDays;

        @Schema(name = "custom_expiration_date", description = "dd MMM yyyy (or YYYY-MM-DD)")
        public String customExpirationDate;

        @Schema(description = "stored on the request")
        public String comments;

        @Schema(name = "skip_approval", description = "true issues at once (when the domains are validated); false "
                + "waits for an approver", defaultValue = "false")
        public Boolean skipApproval;

        @Schema(name = "dcv_method", enumeration = {"http-token", "dns-txt-token", "email", "dns-cname-token"})
        public String dcvMethod;

        @Schema(name = "disable_renewal_notifications")
        public Boolean disableRenewalNotifications;

        @Schema(name = "payment_method")
        public String paymentMethod;

        @Schema(name = "renewal_of_order_id")
        public Integer renewalOfOrderId;

        @Schema(name = "cs_provisioning_method", description = "code signing: recorded")
        public String csProvisioningMethod;
    }

    @Schema(name = "DigiCertOrderRequestCertificate")
    public static class OrderCertificate {
        @Schema(name = "common_name", description = "TLS and client products: required (a DNS name; wildcard "
                + "products need *.); code signing: ignored, the CSR's subject is used")
        public String commonName;

        @Schema(name = "dns_names", description = "SANs after the common name")
        public List<String> dnsNames;

        @Schema(description = "client_premium: required, the SANs")
        public List<String> emails;

        @Schema(required = true, description = "PEM PKCS#10, headers optional: RSA 2048/3072/4096 or EC P-256/P-384, "
                + "signed with SHA-256, -384 or -512")
        public String csr;

        @Schema(name = "signature_hash", required = true, enumeration = {"sha256", "sha384", "sha512"})
        public String signatureHash;

        @Schema(name = "server_platform", description = "recorded on the order")
        public DigiCertOrders.ServerPlatform serverPlatform;

        @Schema(name = "ca_cert_id", description = "one of GET /product's allowed_ca_certs; default the RSA root")
        public String caCertId;

        @Schema(name = "is_rsassa_pss", description = "RSA CA only: signed RSASSA-PSS")
        public Boolean rsassaPss;

        @Schema(name = "profile_option", description = "recorded")
        public String profileOption;

        @Schema(name = "organization_units")
        public List<String> organizationUnits;
    }

    @Schema(name = "DigiCertValidity")
    public static class Validity {
        public Integer years;

        public Integer days;

        @Schema(name = "custom_expiration_date", description = "dd MMM yyyy (or YYYY-MM-DD)")
        public String customExpirationDate;
    }

    @Schema(name = "DigiCertReissueRequest")
    public static class Reissue {
        @Schema(required = true)
        public ReissueCertificate certificate;

        public String comments;

        @Schema(name = "skip_approval", defaultValue = "false")
        public Boolean skipApproval;

        @Schema(name = "dcv_method", enumeration = {"http-token", "dns-txt-token", "email", "dns-cname-token"})
        public String dcvMethod;

        @Schema(name = "store_reissue_as_duplicate", description = "public TLS: the new certificate is a duplicate")
        public Boolean storeReissueAsDuplicate;

        @Schema(name = "cs_provisioning_method")
        public String csProvisioningMethod;
    }

    @Schema(name = "DigiCertReissueCertificate", description = "the order's certificate fields, and its validity")
    public static class ReissueCertificate extends OrderCertificate {
        @Schema(name = "cert_validity", description = "days override years, custom_expiration_date both; at most 397 "
                + "days and never past the order's validity")
        public Validity certValidity;
    }

    @Schema(name = "DigiCertRevokeRequest")
    public static class Revoke {
        @Schema(name = "revocation_reason", enumeration = {"unspecified", "keyCompromise", "affiliationChanged",
                "superseded", "cessationOfOperation"}, defaultValue = "unspecified", description = "CertCentral's "
                + "name; snake case (key_compromise) is accepted too")
        public String revocationReason;

        @Schema(description = "certgate's earlier name of revocation_reason, still accepted")
        public String reason;

        public String comments;

        @Schema(name = "skip_approval", description = "revoked at once when the key may skip approval (an admin key, "
                + "no second person required); otherwise the revoke request waits for an approver")
        public Boolean skipApproval;
    }

    @Schema(name = "DigiCertOrderStatusUpdate")
    public static class OrderStatus {
        @Schema(required = true, enumeration = "canceled")
        public String status;

        public String note;
    }

    @Schema(name = "DigiCertRequestStatus")
    public static class Decision {
        @Schema(required = true, enumeration = {"approved", "rejected"})
        public String status;

        @Schema(name = "processor_comment")
        public String processorComment;
    }

    @Schema(name = "DigiCertDcvMethodRequest")
    public static class DcvMethod {
        @Schema(name = "dcv_method", required = true, enumeration = {"http-token", "dns-txt-token", "email",
                "dns-cname-token"})
        public String dcvMethod;
    }
}
