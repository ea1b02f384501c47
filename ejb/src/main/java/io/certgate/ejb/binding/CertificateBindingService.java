package io.certgate.ejb.binding;

import io.certgate.domain.binding.IssuedCertificate;
import io.certgate.domain.binding.KeyBinding;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.domain.device.Device;
import io.certgate.domain.device.DeviceIdentifier;
import io.certgate.ejb.ca.CertificateIssuer;
import io.certgate.ejb.ca.SignedCertificate;
import io.certgate.ejb.ca.ValidatedCsr;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.device.DeviceRegistry;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The certificate lifecycle of devices: apply, renew, revoke, list. Each issue signs, persists and binds in
 * the caller's transaction, so a certificate is returned only once the database holds it.
 */
@Stateless
public class CertificateBindingService {

    private static final Logger LOG = Logger.getLogger(CertificateBindingService.class.getName());

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private DeviceRegistry devices;

    @EJB
    private CertificateIssuer issuer;

    @EJB
    private io.certgate.ejb.access.AuditTrail audit;

    /** Issues a certificate for a CSR and binds it to the device. */
    public IssuedCertificate apply(String orgId, DeviceIdentifier deviceId, String csrPem, Integer validDay,
                                   String issueAuthority) {
        if (deviceId == null || !deviceId.isComplete()) {
            throw new io.certgate.ejb.device.InvalidDeviceIdentifierException();
        }
        if (csrPem == null || csrPem.isBlank()) {
            throw new InvalidArgumentException("Invalid Argument csr:csr is missing");
        }
        IssueAuthority authority = parseAuthority(issueAuthority, IssueAuthority.RSA);
        Device device = devices.find(orgId, deviceId);
        requireBiDirectionalAuth(device);
        ValidityPeriod validity = ValidityPolicy.resolve(validDay, device.getProduct(),
                issuer.rootNotAfter(authority), Instant.now());
        ValidatedCsr csr = issuer.validate(csrPem, authority);
        return issueAndBind(device, authority, csr.subject(), csr.publicKey(), validity, null);
    }

    /**
     * Issues a successor of a valid certificate bound to the device: with a CSR for its subject and key,
     * without one for the old certificate's subject and key. The old certificate stays valid.
     */
    public IssuedCertificate renew(String orgId, DeviceIdentifier deviceId, Long certSn, String csrPem,
                                   Integer validDay, String issueAuthority) {
        if (deviceId == null || !deviceId.isComplete()) {
            throw new io.certgate.ejb.device.InvalidDeviceIdentifierException();
        }
        long sn = RenewalPolicy.requireCertSn(certSn);
        Device device = devices.find(orgId, deviceId);
        requireBiDirectionalAuth(device);
        IssuedCertificate old = em.find(IssuedCertificate.class, sn);
        RenewalPolicy.checkRenewable(old != null && old.isBoundTo(device),
                old == null ? null : old.statusAt(Instant.now()));
        boolean withCsr = csrPem != null && !csrPem.isBlank();
        IssueAuthority authority = parseAuthority(issueAuthority, withCsr ? IssueAuthority.RSA : old.getIssueAuthority());
        ValidityPeriod validity = ValidityPolicy.resolve(validDay, device.getProduct(),
                issuer.rootNotAfter(authority), Instant.now());
        X500Name subject;
        SubjectPublicKeyInfo key;
        if (withCsr) {
            ValidatedCsr csr = issuer.validate(csrPem, authority);
            subject = csr.subject();
            key = csr.publicKey();
        } else {
            X509CertificateHolder previous = io.certgate.ejb.ca.Pem.parseCertificate(old.getCertPem());
            subject = previous.getSubject();
            key = previous.getSubjectPublicKeyInfo();
            issuer.checkKey(key, authority);
        }
        return issueAndBind(device, authority, subject, key, validity, old.getCertSn());
    }

    /** Revokes one of the device's certificates. */
    public IssuedCertificate revoke(String orgId, DeviceIdentifier deviceId, Long certSn, Integer reasonCode) {
        if (deviceId == null || !deviceId.isComplete()) {
            throw new io.certgate.ejb.device.InvalidDeviceIdentifierException();
        }
        long sn = RenewalPolicy.requireCertSn(certSn);
        RevocationReason reason = reasonCode == null ? RevocationReason.UNSPECIFIED
                : RevocationReason.ofCode(reasonCode).orElseThrow(() -> new InvalidArgumentException(
                        "invalid argument: reason must be one of 0, 1, 3, 4, 5, 6, 9"));
        Device device = devices.find(orgId, deviceId);
        IssuedCertificate cert = em.find(IssuedCertificate.class, sn);
        if (cert == null || !cert.isBoundTo(device)) {
            throw new UnknownCertificateException();
        }
        if (cert.isRevoked()) {
            throw new CertificateAlreadyRevokedException();
        }
        cert.revoke(reason, Instant.now());
        audit.record(orgId, "certificate.revoke", "certSn=" + sn + " assetId=" + device.getAssetId(),
                "revoked (" + reason + ")");
        LOG.info(() -> "Revoked certSn " + sn + " (serial " + cert.getSerialNumber() + ", reason " + reason
                + ") of device " + device.getAssetId() + " in org " + orgId);
        return cert;
    }

    /** The device's certificates, oldest first. */
    public List<IssuedCertificate> list(String orgId, DeviceIdentifier deviceId) {
        Device device = devices.find(orgId, deviceId);
        return em.createNamedQuery(IssuedCertificate.BY_DEVICE, IssuedCertificate.class)
                .setParameter("device", device).getResultList();
    }

    private IssuedCertificate issueAndBind(Device device, IssueAuthority authority, X500Name subject,
                                           SubjectPublicKeyInfo key, ValidityPeriod validity, Long renewedFrom) {
        String keyHash = CertificateIssuer.publicKeySha256(key);
        KeyBinding binding = em.find(KeyBinding.class, keyHash);
        if (binding == null) {
            em.persist(new KeyBinding(keyHash, device, Instant.now()));
            try {
                em.flush(); // two requests racing with one key for two devices: the primary key decides
            } catch (PersistenceException e) {
                throw new KeyAlreadyBoundException();
            }
        } else if (!binding.getDevice().getId().equals(device.getId())) {
            throw new KeyAlreadyBoundException();
        }
        SignedCertificate signed = issuer.sign(authority, subject, key, validity.notBefore(), validity.notAfter());
        IssuedCertificate cert = new IssuedCertificate(device, authority, signed.serialHex(),
                subject.toString(), signed.certificate().getIssuer().toString(), keyHash, signed.pem(),
                Instant.now(), validity.notBefore(), validity.notAfter(), renewedFrom);
        em.persist(cert);
        em.flush(); // the certSn comes from the database; a failure here means the client gets nothing
        audit.record(device.getOrgId(), renewedFrom == null ? "certificate.apply" : "certificate.renew",
                "certSn=" + cert.getCertSn() + " assetId=" + device.getAssetId(), "issued serial "
                        + cert.getSerialNumber() + (renewedFrom == null ? "" : " renewing certSn " + renewedFrom));
        LOG.info(() -> "Issued certSn " + cert.getCertSn() + " (" + authority + ", serial " + cert.getSerialNumber()
                + ", until " + cert.getNotAfter() + ") to device " + device.getAssetId() + " in org "
                + device.getOrgId() + (renewedFrom == null ? "" : ", renewing certSn " + renewedFrom));
        return cert;
    }

    private static void requireBiDirectionalAuth(Device device) {
        if (!device.getProduct().isBiDirectionalAuth()) {
            throw new BiDirectionalAuthNotSupportedException();
        }
    }

    private static IssueAuthority parseAuthority(String value, IssueAuthority defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return IssueAuthority.parse(value).orElseThrow(() -> new InvalidArgumentException(
                "invalid argument: issueAuthority must be RSA or ECC"));
    }


}
