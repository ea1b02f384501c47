package io.certgate.web.console;

import io.certgate.ejb.access.ApiCredentials;
import io.certgate.ejb.enrollment.RaAccountCredentials;
import io.certgate.ejb.enrollment.RaAccountIssuer;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.function.Supplier;

/**
 * The changes of the credentials page, through the admin API's EJBs. What shows a secret (a new EnOS service
 * account or its rotated appSecret, a new or rotated DigiCert key, a new RA account's PKCS#12 and password) shows
 * it in this post's answer and nowhere else: it lives in this request-scoped bean only, and the form's one-shot
 * token ({@link FormTokens}) refuses a reload's second post; the PKCS#12 is a file that downloads once
 * ({@link OneTimeDownloads}). The other changes redirect (POST-redirect-GET).
 */
@Named
@RequestScoped
public class CredentialActions {

    static final String VIEW = "/credentials.xhtml";

    @EJB
    private ApiCredentials credentials;

    @EJB
    private RaAccountCredentials raAccounts;

    @EJB
    private RaAccountIssuer raAccountIssuer;

    @Inject
    private ConsoleOrganization organization;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    @Inject
    private ConsoleNotices notices;

    @Inject
    private FormTokens tokens;

    @Inject
    private OneTimeDownloads downloads;

    private String raName;
    private boolean raRequireApproval;
    private boolean raAllowSpecificEndDate;
    private boolean raApprover;

    /** Shown once, in this answer only. */
    private ApiCredentials.ServiceAccount enosSecret;
    private String digiCertKey;
    private RaAccountIssuer.NewRaAccount newRaAccount;
    private String newRaAccountDownload;

    public void createEnosServiceAccount() {
        once("Creating an EnOS service account", () -> credentials.createEnosServiceAccount(administering()))
                .ifPresent(a -> {
                    enosSecret = a;
                    messages.done("EnOS service account " + a.appKey() + " created. Copy its appSecret now: it is "
                            + "shown only this once.");
                });
    }

    public void rotateEnosSecret(String appKey) {
        once("Rotating the appSecret of EnOS service account " + appKey,
                () -> credentials.rotateEnosSecret(administering(), appKey))
                .ifPresent(a -> {
                    enosSecret = a;
                    messages.done("EnOS service account " + appKey + " has a new appSecret; the old one and its "
                            + "access tokens no longer work. Copy it now: it is shown only this once.");
                });
    }

    public String disableEnosServiceAccount(String appKey) {
        return redirectIf(messages.attempt("Disabling EnOS service account " + appKey,
                () -> credentials.disableEnosServiceAccount(administering(), appKey)),
                "EnOS service account " + appKey + " disabled; its access tokens no longer work.");
    }

    public void createDigiCertKey() {
        once("Creating a DigiCert key", () -> credentials.createDigiCertKey(administering()))
                .ifPresent(k -> {
                    digiCertKey = k;
                    messages.done("DigiCert key " + ApiCredentials.digiCertKeyId(k) + " created. Copy it now: it is "
                            + "shown only this once.");
                });
    }

    public void rotateDigiCertKey(String keyId) {
        once("Rotating DigiCert key " + keyId, () -> credentials.rotateDigiCertKey(administering(), keyId))
                .ifPresent(k -> {
                    digiCertKey = k;
                    messages.done("DigiCert key " + ApiCredentials.digiCertKeyId(k) + " replaces " + keyId
                            + ", which is disabled. Copy the new key now: it is shown only this once.");
                });
    }

    public String disableDigiCertKey(String keyId) {
        return redirectIf(messages.attempt("Disabling DigiCert key " + keyId,
                () -> credentials.disableDigiCertKey(administering(), keyId)), "DigiCert key " + keyId + " disabled.");
    }

    public void createRaAccount() {
        once("Creating RA account " + ConsoleForms.trimmed(raName), () -> raAccountIssuer.create(administering(),
                ConsoleForms.trimmed(raName), raRequireApproval, raAllowSpecificEndDate, raApprover))
                .ifPresent(a -> {
                    newRaAccount = a;
                    newRaAccountDownload = ConsoleDownloads.onceUrl(jakarta.faces.context.FacesContext.getCurrentInstance()
                            .getExternalContext().getRequestContextPath(), downloads.keep(new OneTimeDownloads.File(
                            a.account().getName() + ".p12", "application/x-pkcs12", a.p12())));
                    messages.done("RA account " + a.account().getName() + " created. Save its client certificate "
                            + "(PKCS#12) and copy its password now: the file downloads once, the password is shown "
                            + "only this once.");
                    raName = null;
                });
    }

    public String disableRaAccount(String name) {
        return redirectIf(messages.attempt("Disabling RA account " + name,
                () -> raAccounts.disable(administering(), name)).isPresent(),
                "RA account " + name + " disabled; its client certificate is revoked.");
    }

    private io.certgate.domain.access.Caller administering() {
        return guard.changing(organization.getId(), OperatorAction.ADMINISTER);
    }

    private <T> java.util.Optional<T> once(String what, Supplier<T> change) {
        return tokens.once(messages, what, change);
    }

    private String redirectIf(boolean done, String notice) {
        if (!done) {
            return null;
        }
        return notices.redirect(VIEW, organization.getId(), notice);
    }

    public ApiCredentials.ServiceAccount getEnosSecret() {
        return enosSecret;
    }

    public String getDigiCertKey() {
        return digiCertKey;
    }

    public RaAccountIssuer.NewRaAccount getNewRaAccount() {
        return newRaAccount;
    }

    /** Where the new RA account's PKCS#12 (certificate, key, root) downloads, once. */
    public String getNewRaAccountDownload() {
        return newRaAccountDownload;
    }

    public String getRaName() { return raName; }
    public void setRaName(String v) { raName = v; }
    public boolean isRaRequireApproval() { return raRequireApproval; }
    public void setRaRequireApproval(boolean v) { raRequireApproval = v; }
    public boolean isRaAllowSpecificEndDate() { return raAllowSpecificEndDate; }
    public void setRaAllowSpecificEndDate(boolean v) { raAllowSpecificEndDate = v; }
    public boolean isRaApprover() { return raApprover; }
    public void setRaApprover(boolean v) { raApprover = v; }
}
