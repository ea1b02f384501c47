package io.certgate.web.console;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.ejb.ca.CertificateInventory;
import io.certgate.ejb.device.DeviceRegistry;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** One certificate of the organization ({@code sn}: its certSn) with its PEM, as it stands now. */
@Named
@ViewScoped
public class CertificateDetails implements Serializable {

    private static final long serialVersionUID = 1L;

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

    private Long sn;
    private transient IssuedCertificate certificate;
    private String assetId;

    /** Before every rendering, after the actions. */
    public void load() {
        certificate = null;
        if (!organization.isChosen() || sn == null || FacesContext.getCurrentInstance().isValidationFailed()) {
            return;
        }
        messages.attempt("Reading certificate " + sn, () -> {
            Caller reader = guard.reading(organization.getId());
            IssuedCertificate c = inventory.find(reader, sn);
            assetId = c.getDeviceId() == null ? null
                    : devices.assetIds(reader, List.of(c.getDeviceId())).get(c.getDeviceId());
            return c;
        }).ifPresent(c -> certificate = c);
    }

    public IssuedCertificate getCertificate() {
        return certificate;
    }

    public String getAssetId() {
        return assetId;
    }

    public Long getSn() {
        return sn;
    }

    public void setSn(Long sn) {
        this.sn = sn;
    }
}
