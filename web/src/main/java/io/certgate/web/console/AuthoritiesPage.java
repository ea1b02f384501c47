package io.certgate.web.console;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.ejb.ca.CertificateAuthorities;
import io.certgate.ejb.ca.CrlPublisher;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's certificate authorities: each root (subject, serial, validity, key), the CRL it publishes now
 * (number, thisUpdate, nextUpdate), the public URLs of both, and where the keys are kept (key custody).
 */
@Named
@RequestScoped
public class AuthoritiesPage {

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private CrlPublisher crls;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    private List<AuthorityView> views = List.of();
    private String custody;
    private String ocspUrl;
    private String allRootsUrl;

    public void load() {
        messages.attempt("Reading the certificate authorities", () -> {
            guard.readingServer();
            List<AuthorityView> list = new ArrayList<>();
            for (IssueAuthority a : IssueAuthority.values()) {
                list.add(new AuthorityView(a.name(), authorities.certificate(a), crls.published(a),
                        authorities.caCertificateUrl(a), authorities.crlUrl(a)));
            }
            custody = authorities.custodyDescription();
            ocspUrl = authorities.ocspUrl();
            allRootsUrl = authorities.caCertificatesUrl();
            return list;
        }).ifPresent(v -> views = v);
    }

    public List<AuthorityView> getAuthorities() {
        return views;
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
