package io.certgate.web.console;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.device.Device;
import io.certgate.ejb.ca.CertificateFacts;
import io.certgate.ejb.ca.CertificateInventory;
import io.certgate.ejb.ca.OcspAnswer;
import io.certgate.ejb.device.DeviceRegistry;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * One certificate of the organization ({@code sn}: its certSn) as it stands now: the ledger's record, what the
 * certificate says of itself ({@link CertificateFacts}), what the OCSP responder answers about it, the certificates
 * it renewed and that renewed it, and its device and product.
 */
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
    private transient CertificateFacts facts;
    private transient OcspAnswer ocsp;
    private transient List<IssuedCertificate> renewedBy = List.of();
    private String assetId;
    private String productKey;

    /** Before every rendering, after the actions. */
    public void load() {
        certificate = null;
        if (!organization.isChosen() || sn == null || FacesContext.getCurrentInstance().isValidationFailed()) {
            return;
        }
        messages.attempt("Reading certificate " + sn, () -> {
            Caller reader = guard.reading(organization.getId());
            IssuedCertificate c = inventory.find(reader, sn);
            Device device = c.getDeviceId() == null ? null : devices.byId(reader, c.getDeviceId());
            assetId = device == null ? null : device.getAssetId();
            productKey = device == null ? null : device.getProduct().getProductKey();
            facts = inventory.facts(reader, sn);
            renewedBy = inventory.renewedBy(reader, sn);
            ocsp = messages.attempt("Asking the OCSP responder", () -> inventory.ocspStatus(reader, sn)).orElse(null);
            return c;
        }).ifPresent(c -> certificate = c);
    }

    public IssuedCertificate getCertificate() {
        return certificate;
    }

    public CertificateFacts getFacts() {
        return facts;
    }

    public OcspAnswer getOcsp() {
        return ocsp;
    }

    public List<IssuedCertificate> getRenewedBy() {
        return renewedBy;
    }

    public String getAssetId() {
        return assetId;
    }

    public String getProductKey() {
        return productKey;
    }

    public Long getSn() {
        return sn;
    }

    public void setSn(Long sn) {
        this.sn = sn;
    }
}
