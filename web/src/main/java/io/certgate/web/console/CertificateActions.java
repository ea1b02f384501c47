package io.certgate.web.console;

import io.certgate.domain.ca.RevocationReason;
import io.certgate.ejb.ca.CertificateInventory;
import io.certgate.web.admin.CertificateAdminViews;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.faces.model.SelectItem;
import java.util.List;

/** The change of the certificate page: revoke it with an RFC 5280 reason (through the ledger: audit, CRL, OCSP). */
@Named
@RequestScoped
public class CertificateActions {

    @EJB
    private CertificateInventory inventory;

    @Inject
    private ConsoleOrganization organization;

    @Inject
    private CertificateDetails details;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    private RevocationReason reason = RevocationReason.UNSPECIFIED;

    public void revoke() {
        Long sn = details.getSn();
        if (sn == null) {
            messages.error("Revoking: no certificate named.");
            return;
        }
        messages.attempt("Revoking certificate " + sn, () -> inventory.revoke(
                guard.changing(organization.getId(), OperatorAction.ADMINISTER), sn,
                reason == null ? RevocationReason.UNSPECIFIED : reason))
                .ifPresent(c -> messages.done("Certificate " + c.getCertSn() + " revoked ("
                        + CertificateAdminViews.reasonName(c.getRevocationReason()) + ")."));
    }

    /** The reasons an operator may give, by their RFC 5280 names. */
    public List<SelectItem> getReasons() {
        return CertificateAdminViews.reasonNames().entrySet().stream()
                .map(e -> new SelectItem(e.getKey(), e.getValue())).toList();
    }

    public RevocationReason getReason() {
        return reason;
    }

    public void setReason(RevocationReason reason) {
        this.reason = reason;
    }
}
