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
    public record Count(String label, long value, String link) {
    }

    /** The page that lists what an organization's count counts. */
    private static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("products", "products.xhtml"),
            Map.entry("devices", "products.xhtml"),
            Map.entry("certificates", "certificates.xhtml"),
            Map.entry("revokedCertificates", "certificates.xhtml?status=revoked"),
            Map.entry("credentials", "credentials.xhtml"),
            Map.entry("raAccounts", "credentials.xhtml"),
            Map.entry("pendingTransactions", "pending.xhtml"),
            Map.entry("pendingDigiCertRequests", "pending.xhtml"),
            Map.entry("pendingSelfEnrollments", "pending.xhtml"),
            Map.entry("auditRecords", "audit.xhtml"));

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

    private java.util.SortedSet<String> organizations = new java.util.TreeSet<>();
    private boolean known;

    public void load() {
        messages.attempt("Listing the organizations", () -> {
            guard.readingServer();
            return statistics.organizations();
        }).ifPresent(o -> organizations = o);
        known = organization.isChosen() && messages.attempt("Looking up " + organization.getId(),
                () -> statistics.knows(organization.getId())).orElse(false);
        if (organization.isChosen() && !known) {
            messages.error("There is no organization " + organization.getId() + " on this server (no credential, "
                    + "RA account or product names it): choose one of the list.");
            return;
        }
        if (organization.isChosen()) {
            messages.attempt("Reading the counts of " + organization.getId(),
                    () -> statistics.counts(guard.reading(organization.getId())))
                    .ifPresent(c -> organizationCounts = counts(c, organization.getId()));
        }
        messages.attempt("Reading the server's counts", () -> {
            guard.readingServer();
            return statistics.counts();
        }).ifPresent(c -> serverCounts = counts(c, null));
    }

    /** The counts with their names and, for an organization's, a link to the page that lists them. */
    static List<Count> counts(Map<String, Long> raw, String orgId) {
        List<Count> list = new ArrayList<>();
        raw.forEach((k, v) -> list.add(new Count(LABELS.getOrDefault(k, k), v, orgId == null || !PAGES.containsKey(k)
                ? null : PAGES.get(k) + (PAGES.get(k).contains("?") ? "&" : "?") + "org="
                + java.net.URLEncoder.encode(orgId, java.nio.charset.StandardCharsets.UTF_8))));
        return list;
    }

    public List<Count> getOrganizationCounts() {
        return organizationCounts;
    }

    /** Whether the chosen organization is one the server knows (no counts of one it does not). */
    public boolean isKnown() {
        return known;
    }

    /** The organizations the picker offers. */
    public java.util.SortedSet<String> getOrganizations() {
        return organizations;
    }

    public List<Count> getServerCounts() {
        return serverCounts;
    }
}
