package io.certgate.web.console;

import io.certgate.domain.access.ApiCredential;
import io.certgate.domain.access.CredentialKind;
import io.certgate.domain.acme.AcmeAccount;
import io.certgate.domain.acme.AcmeEabKey;
import io.certgate.ejb.access.ApiCredentials;
import io.certgate.ejb.acme.AcmeAccounts;
import io.certgate.ejb.enrollment.RaAccountCredentials;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * An organization's credentials of every facade, as the admin API lists them: EnOS service accounts, DigiCert keys,
 * RA accounts with their client certificates, ACME binding keys and accounts. Never a secret (none is stored readable, except the EnOS secret,
 * which stays encrypted). View-scoped: a row's button acts on the row that was shown.
 */
@Named
@ViewScoped
public class CredentialsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ApiCredentials credentials;

    @EJB
    private RaAccountCredentials raAccounts;

    @EJB
    private AcmeAccounts acme;

    @Inject
    private ConsoleOrganization organization;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    private transient List<ApiCredential> apiCredentials = List.of();
    private transient List<RaAccountCredentials.WithCertificate> ra = List.of();
    private transient List<AcmeEabKey> acmeKeys = List.of();
    private transient List<AcmeAccount> acmeAccounts = List.of();

    /** Before every rendering, after the actions: what the organization holds now. */
    public void load() {
        if (!organization.isChosen()) {
            return;
        }
        String org = organization.getId();
        messages.attempt("Listing the API credentials of " + org, () -> credentials.list(guard.reading(org)))
                .ifPresent(c -> apiCredentials = c);
        messages.attempt("Listing the RA accounts of " + org, () -> raAccounts.list(guard.reading(org)))
                .ifPresent(a -> ra = a);
        messages.attempt("Listing the ACME binding keys of " + org, () -> acme.eabKeys(guard.reading(org)))
                .ifPresent(k -> acmeKeys = k);
        messages.attempt("Listing the ACME accounts of " + org, () -> acme.accounts(guard.reading(org)))
                .ifPresent(a -> acmeAccounts = a);
    }

    public List<AcmeEabKey> getAcmeKeys() {
        return acmeKeys == null ? List.of() : acmeKeys;
    }

    public List<AcmeAccount> getAcmeAccounts() {
        return acmeAccounts == null ? List.of() : acmeAccounts;
    }

    public List<ApiCredential> getEnosServiceAccounts() {
        return of(CredentialKind.ENOS_APP);
    }

    public List<ApiCredential> getDigiCertKeys() {
        return of(CredentialKind.DIGICERT_KEY);
    }

    public List<RaAccountCredentials.WithCertificate> getRaAccounts() {
        return ra == null ? List.of() : ra;
    }

    /** Whether it is the only enabled one of its kind: disabling it leaves the organization's clients of that kind out. */
    public boolean onlyEnabled(ApiCredential c) {
        return c.isEnabled() && of(c.getKind()).stream().filter(ApiCredential::isEnabled).count() == 1;
    }

    private List<ApiCredential> of(CredentialKind kind) {
        return apiCredentials == null ? List.of() : apiCredentials.stream().filter(c -> c.getKind() == kind).toList();
    }
}
