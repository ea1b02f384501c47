package io.certgate.web.admin;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An organization's counts, as the console's home page shows them: what it holds and what waits for an approver.
 */
@Schema(name = "OrganizationSummary", description = "What an organization holds and what waits for an approver")
public record OrganizationSummary(@Schema String orgId, @Schema long products, @Schema long devices,
                                  @Schema long certificates, @Schema long revokedCertificates,
                                  @Schema(description = "EnOS service accounts and DigiCert keys") long credentials,
                                  @Schema long raAccounts, @Schema long pendingTransactions,
                                  @Schema long pendingDigiCertRequests, @Schema long pendingSelfEnrollments,
                                  @Schema long auditRecords) {

    /** From the counts {@code Statistics.counts(caller)} answers (the home page's); a count it lacks is a bug. */
    static OrganizationSummary of(String orgId, Map<String, Long> counts) {
        return new OrganizationSummary(orgId, count(counts, "products"), count(counts, "devices"),
                count(counts, "certificates"), count(counts, "revokedCertificates"), count(counts, "credentials"),
                count(counts, "raAccounts"), count(counts, "pendingTransactions"),
                count(counts, "pendingDigiCertRequests"), count(counts, "pendingSelfEnrollments"),
                count(counts, "auditRecords"));
    }

    private static long count(Map<String, Long> counts, String name) {
        Long n = counts.get(name);
        if (n == null) {
            throw new IllegalStateException("the organization's counts lack " + name);
        }
        return n;
    }
}
