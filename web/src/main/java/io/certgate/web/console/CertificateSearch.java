package io.certgate.web.console;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.domain.device.DeviceIdentifier;
import io.certgate.ejb.ca.CertificateInventory;
import io.certgate.ejb.ca.CertificateColumn;
import io.certgate.ejb.common.ListOrder;
import io.certgate.ejb.ca.CertificatePage;
import io.certgate.ejb.ca.CertificateQuery;
import io.certgate.ejb.common.BulkOutcome;
import io.certgate.ejb.device.DeviceRegistry;
import io.certgate.web.admin.CertificateAdminRequests;
import io.certgate.web.admin.CertificateAdminViews;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The organization's certificates searched by device (assetId), status, serial (hex), subject (substring) and
 * expiring within N days, in the order of a column (certSn breaking ties, so paging is stable), a page of a chosen
 * size at a time, with a jump to any page: the admin API's search, with its parameters read the same way. The
 * search form is a GET: a search is a link, and so is its CSV export ({@link ConsoleDownloads}). Admins revoke
 * the ticked rows with one reason after a second step that names them ({@link CertificateInventory#revokeAll}).
 */
@Named
@RequestScoped
public class CertificateSearch extends ConsoleList<CertificateColumn> {

    static final int PAGE = 25;

    @EJB
    private CertificateInventory inventory;

    @EJB
    private DeviceRegistry devices;

    @Inject
    private ConsoleOrganization organization;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    private String device;
    private String status;
    private String serial;
    private String subject;
    private Integer expiring;

    private CertificatePage page;
    private Map<Long, String> assetIds = Map.of();
    private List<Long> chosen = List.of();
    private RevocationReason reason = RevocationReason.UNSPECIFIED;
    private List<BulkOutcome> outcomes = List.of();
    private boolean decided;

    public CertificateSearch() {
        super(CertificateColumn.class, PAGE);
    }

    /**
     * The console's search as the business layer's query: the same readings of status and serial as the admin
     * API's; the device by assetId.
     */
    static CertificateQuery query(DeviceRegistry devices, Caller reader, String device, String status, String serial,
                                  String subject, Integer expiring, String sort, int offset, int limit) {
        Long deviceId = device == null ? null : devices.find(reader, DeviceIdentifier.of(device, null, null)).getId();
        return new CertificateQuery(deviceId, CertificateAdminRequests.status(status),
                CertificateAdminRequests.serial(serial), subject, expiring, offset, limit, CertificateColumn.parse(sort));
    }

    public void load() {
        if (!organization.isChosen() || FacesContext.getCurrentInstance().isValidationFailed()) {
            return;
        }
        if (!paged(messages, "Searching certificates")) {
            return;
        }
        messages.attempt("Searching certificates", () -> {
            Caller reader = guard.reading(organization.getId());
            CertificatePage found = inventory.search(reader, query(devices, reader, device, status, serial, subject,
                    expiring, getSort(), getOffset(), getSize()));
            List<Long> ids = found.certificates().stream().map(IssuedCertificate::getDeviceId)
                    .filter(Objects::nonNull).distinct().toList();
            assetIds = devices.assetIds(reader, ids);
            return found;
        }).ifPresent(p -> page = p);
    }

    /** First step of a bulk revocation: the ticked rows, named back for a confirmation. */
    public void chooseForRevocation() {
        chosen = ConsoleForms.ticked(messages, "Revoking certificates", "certSn").orElse(List.of());
        if (chosen.isEmpty()) {
            messages.error("Revoking certificates: tick the certificates to revoke first.");
        }
    }

    /**
     * Whether the confirmation step is in the page: after the first step, and while the confirmation's own post is
     * decoded (this bean is request-scoped: only the post's confirmedSn fields say it was there).
     */
    public boolean isConfirming() {
        return !chosen.isEmpty() || (!decided && FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterValuesMap().containsKey("confirmedSn"));
    }

    /** Second step: revokes the confirmed certificates with the one reason, each on its own. */
    public void revokeChosen() {
        decided = true;
        List<Long> confirmed = ConsoleForms.ticked(messages, "Revoking certificates", "confirmedSn").orElse(List.of());
        RevocationReason r = reason == null ? RevocationReason.UNSPECIFIED : reason;
        java.util.Optional<List<BulkOutcome>> result = messages.attempt("Revoking certificates", () -> inventory.revokeAll(
                guard.changing(organization.getId(), OperatorAction.ADMINISTER), confirmed, r));
        result.ifPresent(all -> {
            outcomes = all;
            messages.bulk(all, "Certificate", "certificate(s)", "revoked", " (" + CertificateAdminViews.reasonName(r)
                    + ")");
        });
        if (result.isEmpty()) {
            chosen = confirmed; // refused as a whole (a role, a malformed list): the step stays for another try
        }
    }


    public List<IssuedCertificate> getCertificates() {
        return page == null ? List.of() : page.certificates();
    }

    /**
     * Whether the results (and their forms) are in the page: when rendering, once the search found a page; before
     * that, while a post is decoded, always, since this request-scoped search has not run yet and the bulk forms
     * must be found to act.
     */
    public boolean isSearched() {
        return page != null || FacesContext.getCurrentInstance().getCurrentPhaseId() != jakarta.faces.event.PhaseId.RENDER_RESPONSE;
    }

    @Override
    public long getTotal() {
        return page == null ? 0 : page.total();
    }

    public String assetId(IssuedCertificate c) {
        return c.getDeviceId() == null ? "" : assetIds.getOrDefault(c.getDeviceId(), "");
    }

    @Override
    protected ListOrder<CertificateColumn> defaultOrder() {
        return CertificateColumn.defaultFor(expiring);
    }

    @Override
    protected Map<String, String> filter() {
        return named("org", organization.getId(), "device", device, "status", status, "serial", serial, "subject",
                subject, "expiring", expiring == null ? null : String.valueOf(expiring));
    }

    @Override
    protected int shown() {
        return page == null ? 0 : page.certificates().size();
    }

    public List<Long> getChosen() {
        return chosen;
    }

    public List<BulkOutcome> getOutcomes() {
        return outcomes;
    }

    public RevocationReason getReason() { return reason; }
    public void setReason(RevocationReason v) { reason = v; }
    public String getDevice() { return device; }
    public void setDevice(String v) { device = ConsoleForms.trimmed(v); }
    public String getStatus() { return status; }
    public void setStatus(String v) { status = ConsoleForms.trimmed(v); }
    public String getSerial() { return serial; }
    public void setSerial(String v) { serial = ConsoleForms.trimmed(v); }
    public String getSubject() { return subject; }
    public void setSubject(String v) { subject = ConsoleForms.trimmed(v); }
    public Integer getExpiring() { return expiring; }
    public void setExpiring(Integer v) { expiring = v; }
}
