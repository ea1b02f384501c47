package io.certgate.web.console;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.device.DeviceIdentifier;
import io.certgate.ejb.ca.CertificateInventory;
import io.certgate.ejb.ca.CertificatePage;
import io.certgate.ejb.ca.CertificateQuery;
import io.certgate.ejb.device.DeviceRegistry;
import io.certgate.web.admin.CertificateAdminRequests;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The organization's certificates searched by device (assetId), status, serial (hex), subject (substring) and
 * expiring within N days, newest first (soonest end first when expiring), a page at a time: the admin API's
 * search, with its parameters read the same way. The search form is a GET: a search is a link.
 */
@Named
@RequestScoped
public class CertificateSearch {

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
    private Integer offset = 0;

    private CertificatePage page;
    private Map<Long, String> assetIds = Map.of();

    public void load() {
        if (!organization.isChosen() || jakarta.faces.context.FacesContext.getCurrentInstance().isValidationFailed()) {
            return;
        }
        messages.attempt("Searching certificates", () -> {
            Caller reader = guard.reading(organization.getId());
            Long deviceId = device == null ? null
                    : devices.find(reader, DeviceIdentifier.of(device, null, null)).getId();
            CertificatePage found = inventory.search(reader, new CertificateQuery(deviceId,
                    CertificateAdminRequests.status(status), CertificateAdminRequests.serial(serial), subject, expiring,
                    offset, PAGE));
            List<Long> ids = found.certificates().stream().map(IssuedCertificate::getDeviceId)
                    .filter(Objects::nonNull).distinct().toList();
            assetIds = devices.assetIds(reader, ids);
            return found;
        }).ifPresent(p -> page = p);
    }

    public List<IssuedCertificate> getCertificates() {
        return page == null ? List.of() : page.certificates();
    }

    public boolean isSearched() {
        return page != null;
    }

    public long getTotal() {
        return page == null ? 0 : page.total();
    }

    public boolean isMore() {
        return page != null && offset + page.certificates().size() < page.total();
    }

    public String assetId(IssuedCertificate c) {
        return c.getDeviceId() == null ? "" : assetIds.getOrDefault(c.getDeviceId(), "");
    }

    public Integer getPreviousOffset() {
        return ConsoleForms.previousOffset(offset, PAGE);
    }

    public Integer getNextOffset() {
        return offset + PAGE;
    }

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
    public Integer getOffset() { return offset; }
    public void setOffset(Integer v) { offset = v == null ? 0 : v; }

}
