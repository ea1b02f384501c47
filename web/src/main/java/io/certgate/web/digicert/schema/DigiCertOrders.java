package io.certgate.web.digicert.schema;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Orders: placing, reissuing, order info and lists (DigiCertOrderResource, DigiCertViews.order). */
public final class DigiCertOrders {

    private DigiCertOrders() {
    }

    @Schema(name = "DigiCertOrderPlaced", description = "201: the order and its request; issued at once (skip_approval "
            + "and nothing to wait for) also certificate_id and certificate_chain")
    public static class Placed {
        @Schema(required = true, description = "the order id")
        public long id;

        @Schema(required = true)
        public List<RequestRef> requests;

        @Schema(name = "certificate_id", description = "when issued at once")
        public Long certificateId;

        @Schema(name = "certificate_chain", description = "when issued at once: the certificate, then its issuing CA, then the root")
        public List<ChainEntry> certificateChain;

        @Schema(name = "dcv_random_value", description = "while the order's domains wait for a token DCV method")
        public String dcvRandomValue;
    }

    @Schema(name = "DigiCertRequestRef")
    public static class RequestRef {
        @Schema(required = true)
        public long id;

        @Schema(description = "pending or approved (absent in reissue answers)", example = "approved")
        public String status;
    }

    @Schema(name = "DigiCertChainEntry")
    public static class ChainEntry {
        @Schema(name = "subject_common_name", required = true)
        public String subjectCommonName;

        @Schema(required = true, description = "PEM")
        public String pem;
    }

    @Schema(name = "DigiCertReissuePlaced", description = "201: {id, requests:[{id}]} while it waits for approval, "
            + "{id, certificate_id} once issued")
    public static class ReissuePlaced {
        @Schema(required = true, description = "the order id")
        public long id;

        @Schema(name = "certificate_id")
        public Long certificateId;

        public List<RequestRef> requests;

        @Schema(name = "dcv_random_value")
        public String dcvRandomValue;
    }

    @Schema(name = "DigiCertOrderInfo")
    public static class Info {
        @Schema(required = true)
        public long id;

        @Schema(required = true)
        public OrderCertificate certificate;

        @Schema(required = true, description = "pending, needs_approval, issued, rejected, revoked, expired, ...")
        public String status;

        @Schema(name = "is_renewal", required = true)
        public boolean renewal;

        @Schema(name = "is_renewed", required = true)
        public boolean renewed;

        @Schema(name = "date_created", required = true, description = "RFC 3339")
        public String dateCreated;

        @Schema(name = "order_validity", required = true)
        public OrderValidity orderValidity;

        @Schema(name = "order_valid_till", required = true, description = "YYYY-MM-DD: the end of the order's validity")
        public String orderValidTill;

        @Schema(name = "date_issued", description = "RFC 3339: when the order's current certificate was issued")
        public String dateIssued;

        @Schema(name = "cert_validity", description = "the current certificate's validity, once issued")
        public CertValidity certValidity;

        @Schema(required = true)
        public DigiCertAccount.Product product;

        @Schema(required = true)
        public DigiCertAccount.Organization organization;

        @Schema(name = "disable_renewal_notifications", required = true)
        public boolean disableRenewalNotifications;

        @Schema(required = true, description = "the order's requests (new_request, reissue, duplicate, revoke)")
        public List<RequestEntry> requests;

        @Schema(name = "renewed_order_id")
        public Long renewedOrderId;

        @Schema(name = "renewal_of_order_id")
        public Long renewalOfOrderId;

        @Schema(name = "dcv_method")
        public String dcvMethod;

        @Schema(name = "cs_provisioning_method", description = "code signing orders")
        public String csProvisioningMethod;

        @Schema(name = "payment_method")
        public String paymentMethod;
    }

    @Schema(name = "DigiCertOrderCertificate", description = "what the order asks; the issued certificate's facts "
            + "once it has one")
    public static class OrderCertificate {
        @Schema(description = "the certificate id, once issued")
        public Long id;

        @Schema(name = "common_name")
        public String commonName;

        @Schema(name = "dns_names", required = true)
        public List<String> dnsNames;

        @Schema(description = "client_premium orders")
        public List<String> emails;

        @Schema(name = "organization_units", required = true)
        public List<String> organizationUnits;

        @Schema(name = "signature_hash", required = true, example = "sha256")
        public String signatureHash;

        @Schema(name = "ca_cert", required = true)
        public DigiCertAccount.CaCert caCert;

        @Schema(name = "server_platform")
        public ServerPlatform serverPlatform;

        @Schema(name = "profile_option")
        public String profileOption;

        @Schema(name = "serial_number", description = "hexadecimal, upper case")
        public String serialNumber;

        @Schema(description = "SHA-1 of the certificate (CertCentral's thumbprint), hexadecimal, upper case")
        public String thumbprint;

        @Schema(name = "thumbprint_sha256", description = "SHA-256 of the certificate, hexadecimal, upper case")
        public String thumbprintSha256;

        @Schema(name = "date_created", description = "RFC 3339")
        public String dateCreated;

        @Schema(name = "valid_from", description = "YYYY-MM-DD")
        public String validFrom;

        @Schema(name = "valid_till", description = "YYYY-MM-DD")
        public String validTill;

        @Schema(name = "days_remaining")
        public Long daysRemaining;

        @Schema(name = "key_size")
        public Integer keySize;

        @Schema(description = "the CSR of the latest request, PEM")
        public String csr;
    }

    @Schema(name = "DigiCertServerPlatform")
    public static class ServerPlatform {
        @Schema(required = true, example = "-1")
        public int id;
    }

    @Schema(name = "DigiCertOrderValidity", description = "the plan as ordered (one of years, days, "
            + "custom_expiration_date) and its end")
    public static class OrderValidity {
        public Integer years;

        public Integer days;

        @Schema(name = "custom_expiration_date")
        public String customExpirationDate;

        @Schema(name = "valid_till", required = true, description = "YYYY-MM-DD")
        public String validTill;
    }

    @Schema(name = "DigiCertOrderRequestEntry")
    public static class RequestEntry {
        @Schema(required = true)
        public long id;

        @Schema(required = true, description = "RFC 3339")
        public String date;

        @Schema(required = true, enumeration = {"new_request", "reissue", "duplicate", "revoke"})
        public String type;

        @Schema(required = true, example = "approved")
        public String status;

        public String comments;
    }

    @Schema(name = "DigiCertOrderList")
    public static class OrderList {
        @Schema(required = true)
        public List<Info> orders;

        @Schema(required = true)
        public DigiCertAccount.Page page;
    }

    @Schema(name = "DigiCertIssuedCertificates", description = "the order's reissues (or duplicates): those that "
            + "brought a certificate with it, those still waiting (pending, approved) or refused (rejected) without")
    public static class IssuedCertificates {
        @Schema(required = true)
        public List<IssuedCertificate> certificates;
    }

    @Schema(name = "DigiCertIssuedCertificate")
    public static class IssuedCertificate {
        @Schema(description = "the certificate id, once issued")
        public Long id;

        @Schema(name = "serial_number", description = "once issued")
        public String serialNumber;

        @Schema(name = "common_name", description = "the certificate's, or as requested")
        public String commonName;

        @Schema(name = "dns_names", required = true)
        public List<String> dnsNames;

        @Schema(name = "date_created", description = "once issued")
        public String dateCreated;

        @Schema(name = "valid_from", description = "once issued")
        public String validFrom;

        @Schema(name = "valid_till", description = "once issued")
        public String validTill;

        @Schema(required = true, enumeration = {"pending", "approved", "issued", "rejected"}, description = "CertCentral's "
                + "values: pending (waits for an approver), approved (waits for DCV), issued, rejected (or canceled)")
        public String status;

        @Schema(name = "certificate_status", enumeration = {"valid", "expired", "revoked"}, description = "once issued: "
                + "the certificate's own state")
        public String certificateStatus;

        @Schema(name = "key_size", description = "once issued")
        public Integer keySize;

        @Schema(name = "request_id", required = true)
        public long requestId;

        @Schema(name = "date_requested", required = true)
        public String dateRequested;
    }

    @Schema(name = "DigiCertDcvChecked", description = "every pending domain shows control")
    public static class DcvChecked {
        @Schema(name = "order_status", required = true)
        public String orderStatus;

        @Schema(name = "dcv_status", required = true, enumeration = "valid")
        public String dcvStatus;
    }

    @Schema(name = "DigiCertRevocation", description = "201: the revoke request: pending until an approver decides, "
            + "approved at once with skip_approval by a key that may skip approval")
    public static class Revocation {
        @Schema(required = true)
        public long id;

        @Schema(required = true, description = "RFC 3339")
        public String date;

        @Schema(required = true, enumeration = "revoke")
        public String type;

        @Schema(required = true, enumeration = {"pending", "approved"})
        public String status;

        @Schema(required = true)
        public DigiCertApprovals.Person requester;

        @Schema(required = true, description = "empty when none")
        public String comments;
    }

    @Schema(name = "DigiCertStatusChanges", description = "the orders whose status changed in the window")
    public static class StatusChanges {
        @Schema(required = true)
        public List<StatusChange> orders;
    }

    @Schema(name = "DigiCertStatusChange")
    public static class StatusChange {
        @Schema(name = "order_id", required = true)
        public long orderId;

        @Schema(name = "certificate_id", description = "the order's certificate, once it has one")
        public Long certificateId;

        @Schema(required = true, description = "the order's status now (as order info says it)")
        public String status;
    }

    @Schema(name = "DigiCertCertValidity")
    public static class CertValidity {
        @Schema(required = true, description = "days from valid_from to valid_till")
        public int days;
    }
}
