package io.certgate.web.console;

import io.certgate.ejb.ca.AuthorityReport;
import io.certgate.ejb.ca.AuthorityReports;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The server's certificate authorities: each root (subject, serial, validity, key), the CRL it publishes now
 * (number, thisUpdate, nextUpdate), the public URLs of both, and where the keys are kept (key custody).
 */
@Named
@RequestScoped
public class AuthoritiesPage {

    @EJB
    private AuthorityReports reports;

    @EJB
    private io.certgate.ejb.ca.IssuingCaAdministration issuingCas;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    private List<AuthorityView> views = List.of();
    private List<io.certgate.ejb.ca.IssuingCaAdministration.IssuingCaReport> issuing = List.of();
    private boolean issuingLoaded;
    private String custody;
    private String ocspUrl;
    private String allRootsUrl;
    private java.util.Map<String, String> fingerprints = java.util.Map.of();
    private java.util.Map<String, String> ocspHealth = java.util.Map.of();

    public void load() {
        messages.attempt("Reading the certificate authorities", () -> {
            guard.readingServer();
            AuthorityReport report = reports.current();
            custody = report.custodyDescription();
            ocspUrl = report.ocspUrl();
            allRootsUrl = report.allRootsUrl();
            fingerprints = reports.fingerprints();
            ocspHealth = reports.ocspHealth();
            return report.roots().stream().map(AuthorityView::new).toList();
        }).ifPresent(v -> views = v);
        loadIssuing(); // again after a rollover of this post
    }

    private void loadIssuing() {
        issuingLoaded = true;
        messages.attempt("Reading the issuing CAs", () -> issuingCas.list(guard.server(OperatorAction.READ)))
                .ifPresent(v -> issuing = v);
    }

    /**
     * Every issuing CA under the roots: scope, generation, state, whether it signs now, its CRL and URLs. Read on
     * first use too: a post of the page's rollover form looks for its button in this list before the page loads.
     */
    public List<io.certgate.ejb.ca.IssuingCaAdministration.IssuingCaReport> getIssuingCas() {
        if (!issuingLoaded) {
            loadIssuing();
        }
        return issuing;
    }

    public List<AuthorityView> getAuthorities() {
        return views;
    }

    /** SHA-256 fingerprints by "root:RSA-1" (a root generation) or "ca:12" (an issuing CA). */
    public java.util.Map<String, String> getFingerprints() {
        return fingerprints;
    }

    /** "answering" or what the OCSP responder said instead, by "ca:12". */
    public java.util.Map<String, String> getOcspHealth() {
        return ocspHealth;
    }

    public String getCustody() {
        return custody;
    }

    public String getOcspUrl() {
        return ocspUrl;
    }

    /** The URL that serves both roots in one PEM. */
    public String getAllRootsUrl() {
        return allRootsUrl;
    }
}
