package io.certgate.web.admin;

import io.certgate.domain.enrollment.EnrollmentTransaction;
import io.certgate.domain.enrollment.OrderRequest;
import io.certgate.ejb.enrollment.CertificateOrders;
import io.certgate.ejb.ca.CsrFacts;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What waits for an approver, as the console's pending page shows it: CertManager transactions of RA accounts that
 * need approval and DigiCert requests placed without skip_approval, oldest first, each with the subject its CSR
 * asks for. Decided by {@code POST .../transactions/{id}/approve|reject} and
 * {@code .../digicert-requests/{id}/approve|reject}.
 */
public final class PendingViews {

    private PendingViews() {
    }

    @Schema(name = "PendingTransaction", description = "A CertManager transaction waiting for an approver")
    public record PendingTransaction(@Schema String transactionId,
                                     @Schema(description = "the RA account that submitted it") String accountName,
                                     @Schema(enumeration = {"enroll", "renew"}) String kind,
                                     @Schema String certProductType,
                                     @Schema(description = "the subject the CSR asks for") String subject,
                                     @Schema String firstName, @Schema String lastName, @Schema String email,
                                     @Schema(description = "comma-separated", nullable = true) String subjectAltNames,
                                     @Schema String validityPeriod, @Schema String signatureAlgorithm,
                                     @Schema Instant createdAt) {

        static PendingTransaction of(EnrollmentTransaction t) {
            return new PendingTransaction(t.getTransactionId(), t.getAccountName(),
                    t.getKind().name().toLowerCase(Locale.ROOT), t.getCertProductType().name(),
                    CsrFacts.of(t.getCsrPem()).subject(), t.getFirstName(), t.getLastName(), t.getEmail(),
                    t.getSubjectAltNames(), t.getValidityPeriod(), t.getSignatureAlgorithm(), t.getCreatedAt());
        }
    }

    @Schema(name = "PendingTransactionList", description = "The organization's pending CertManager transactions")
    public record PendingTransactionList(@Schema String orgId, @Schema(enumeration = "pending") String status,
                                         @Schema long total, @Schema List<PendingTransaction> transactions) {

        static PendingTransactionList of(String orgId, List<EnrollmentTransaction> pending) {
            return new PendingTransactionList(orgId, "pending", pending.size(),
                    pending.stream().map(PendingTransaction::of).toList());
        }
    }

    @Schema(name = "PendingDigiCertRequest", description = "A DigiCert request waiting for an approver")
    public record PendingDigiCertRequest(@Schema long requestId, @Schema long orderId,
                                         @Schema(enumeration = {"new_request", "reissue", "duplicate"}) String type,
                                         @Schema String status, @Schema(nullable = true) String commonName,
                                         @Schema List<String> dnsNames,
                                         @Schema(description = "the subject the CSR asks for") String subject,
                                         @Schema(description = "the actor that placed it (as the audit trail names it)")
                                         String requestedBy,
                                         @Schema(nullable = true) String comments, @Schema Instant createdAt) {

        static PendingDigiCertRequest of(OrderRequest r) {
            var content = r.getContent();
            return new PendingDigiCertRequest(r.getId(), r.getOrder().getId(), r.getType(), r.getStatus(),
                    content == null ? null : content.getCommonName(),
                    CertificateOrders.split(content == null ? null : content.getDnsNames()),
                    CsrFacts.of(r.getCsrPem()).subject(), r.getRequestedBy(), r.getComments(), r.getCreatedAt());
        }
    }

    @Schema(name = "PendingDigiCertRequestList", description = "The organization's pending DigiCert requests")
    public record PendingDigiCertRequestList(@Schema String orgId, @Schema(enumeration = "pending") String status,
                                             @Schema long total, @Schema List<PendingDigiCertRequest> requests) {

        static PendingDigiCertRequestList of(String orgId, List<OrderRequest> pending) {
            return new PendingDigiCertRequestList(orgId, "pending", pending.size(),
                    pending.stream().map(PendingDigiCertRequest::of).toList());
        }
    }

    /** A device's self-enrollment request as the admin API answers it (the console's CSV export writes the same). */
    public static jakarta.json.JsonObjectBuilder selfEnrollment(io.certgate.domain.binding.SelfEnrollment r) {
        jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder().add("requestId", r.getId()).add("deviceId", r.getDeviceId())
                .add("protocol", r.getProtocol()).add("status", r.getStatus().name().toLowerCase(java.util.Locale.ROOT))
                .add("requestedAt", r.getRequestedAt().toString()).add("csr", r.getCsrPem());
        if (r.getCertSn() != null) {
            b.add("certSn", r.getCertSn());
        }
        if (r.getDecidedBy() != null) {
            b.add("decidedBy", r.getDecidedBy());
        }
        if (r.getDecisionComment() != null) {
            b.add("decisionComment", r.getDecisionComment());
        }
        return b;
    }

    /** A pending transaction as the admin API lists it (the console's CSV export writes the same). */
    public static jakarta.json.JsonObject transaction(EnrollmentTransaction t) {
        return RecordJson.of(PendingTransaction.of(t));
    }

    /** A pending DigiCert request as the admin API lists it (the console's CSV export writes the same). */
    public static jakarta.json.JsonObject digiCertRequest(OrderRequest r) {
        return RecordJson.of(PendingDigiCertRequest.of(r));
    }
}
