package io.certgate.web.console;

import io.certgate.ejb.access.Statistics;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The home page: pick an organization by its orgId; what it holds and what waits for an approver; server totals. */
@Named
@RequestScoped
public class HomePage {

    /** A count with its name on the page (read in EL as {@code c.label()}: EL 5 reads no record components). */
    public record Count(String label, long value) {
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("products", "Products"),
            Map.entry("devices", "Devices"),
            Map.entry("certificates", "Certificates"),
            Map.entry("revokedCertificates", "Revoked certificates"),
            Map.entry("credentials", "API credentials (EnOS service accounts, DigiCert keys)"),
            Map.entry("raAccounts", "CertManager RA accounts"),
            Map.entry("pendingTransactions", "Pending CertManager transactions"),
            Map.entry("pendingDigiCertRequests", "Pending DigiCert requests"),
            Map.entry("pendingSelfEnrollments", "Pending device self-enrollments"),
            Map.entry("auditRecords", "Audit records"),
            Map.entry("keyBindings", "Public keys bound to devices"),
            Map.entry("transactions", "CertManager transactions"));

    @EJB
    private Statistics statistics;

    @Inject
    private ConsoleOrganization organization;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    private List<Count> organizationCounts = List.of();
    private List<Count> serverCounts = List.of();

    public void load() {
        if (organization.isChosen()) {
            messages.attempt("Reading the counts of " + organization.getId(),
                    () -> statistics.counts(guard.reading(organization.getId())))
                    .ifPresent(c -> organizationCounts = counts(c));
        }
        messages.attempt("Reading the server's counts", () -> {
            guard.readingServer();
            return statistics.counts();
        }).ifPresent(c -> serverCounts = counts(c));
    }

    static List<Count> counts(Map<String, Long> raw) {
        List<Count> list = new ArrayList<>();
        raw.forEach((k, v) -> list.add(new Count(LABELS.getOrDefault(k, k), v)));
        return list;
    }

    public List<Count> getOrganizationCounts() {
        return organizationCounts;
    }

    public List<Count> getServerCounts() {
        return serverCounts;
    }
}
