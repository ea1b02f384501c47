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

    /** How a count is named on the page, and the page that lists what an organization's count counts (or none). */
    private record Shown(String label, String page) {
    }

    private static final Map<String, Shown> SHOWN = Map.ofEntries(
            Map.entry("products", new Shown("Products", "products.xhtml")),
            Map.entry("devices", new Shown("Devices", "products.xhtml")),
            Map.entry("certificates", new Shown("Certificates", "certificates.xhtml")),
            Map.entry("revokedCertificates", new Shown("Revoked certificates", "certificates.xhtml?status=revoked")),
            Map.entry("credentials", new Shown("API credentials (EnOS service accounts, DigiCert keys)",
                    "credentials.xhtml")),
            Map.entry("raAccounts", new Shown("CertManager RA accounts", "credentials.xhtml")),
            Map.entry("pendingTransactions", new Shown("Pending CertManager transactions", "pending.xhtml")),
            Map.entry("pendingDigiCertRequests", new Shown("Pending DigiCert requests", "pending.xhtml")),
            Map.entry("pendingSelfEnrollments", new Shown("Pending device self-enrollments", "pending.xhtml")),
            Map.entry("auditRecords", new Shown("Audit records", "audit.xhtml")),
            Map.entry("keyBindings", new Shown("Public keys bound to devices", null)),
            Map.entry("transactions", new Shown("CertManager transactions", null)));

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
        raw.forEach((k, v) -> {
            Shown shown = SHOWN.getOrDefault(k, new Shown(k, null));
            list.add(new Count(shown.label(), v, orgId == null || shown.page() == null ? null
                    : shown.page() + (shown.page().contains("?") ? "&" : "?") + "org="
                    + java.net.URLEncoder.encode(orgId, java.nio.charset.StandardCharsets.UTF_8)));
        });
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
