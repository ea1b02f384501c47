package io.certgate.ejb.binding;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.domain.device.Device;
import io.certgate.domain.device.DeviceIdentifier;
import io.certgate.ejb.ca.CertificateLedger;
import io.certgate.ejb.ca.CertificateProfile;
import io.certgate.ejb.ca.Issuance;
import io.certgate.ejb.ca.Pem;
import io.certgate.ejb.ca.UnknownCertificateException;
import io.certgate.ejb.ca.ValidatedCsr;
import io.certgate.ejb.ca.ValidityRequest;
import io.certgate.ejb.common.MissingParameterException;
import io.certgate.ejb.device.DeviceRegistry;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Certificates bound to devices: apply, renew, revoke, list through the ledger. What is binding's own: the
 * device and its product (bi-directional authentication, validity default and maximum), and one public key,
 * one device.
 */
@Stateless
public class CertificateBindingService {

    @EJB
    private DeviceRegistry devices;

    @EJB
    private CertificateLedger ledger;

    @EJB
    private KeyBindings keys;

    /**
     * Issues a certificate for a CSR and binds it to the device. {@code validDays} null: the product's default;
     * {@code authority} null: RSA.
     */
    public IssuedCertificate apply(Caller caller, DeviceIdentifier deviceId, String csrPem, Integer validDays,
                                   IssueAuthority authority) {
        Caller.require(caller);
        if (csrPem == null || csrPem.isBlank()) {
            throw new MissingParameterException("csr");
        }
        Device device = devices.find(caller, deviceId);
        requireBiDirectionalAuth(device);
        IssueAuthority a = authority == null ? IssueAuthority.RSA : authority;
        ValidityRequest validity = validity(device, validDays);
        ValidatedCsr csr = ledger.validateCsr(csrPem, a);
        return issue(caller, device, a, csr.subject(), csr.publicKey(), validity, null);
    }

    /**
     * Issues a successor of a valid certificate bound to the device: with a CSR for its subject and key
     * ({@code authority} null: RSA), without one for the old certificate's subject, key and authority. The old
     * certificate stays valid.
     */
    public IssuedCertificate renew(Caller caller, DeviceIdentifier deviceId, long certSn, String csrPem,
                                   Integer validDays, IssueAuthority authority) {
        Caller.require(caller);
        Device device = devices.find(caller, deviceId);
        requireBiDirectionalAuth(device);
        IssuedCertificate old = boundCertificate(caller, device, certSn);
        old.requireRenewableAt(Instant.now());
        boolean withCsr = csrPem != null && !csrPem.isBlank();
        IssueAuthority a = authority != null ? authority : withCsr ? IssueAuthority.RSA : old.getIssueAuthority();
        ValidityRequest validity = validity(device, validDays);
        if (withCsr) {
            ValidatedCsr csr = ledger.validateCsr(csrPem, a);
            return issue(caller, device, a, csr.subject(), csr.publicKey(), validity, old.getCertSn());
        }
        X509CertificateHolder previous = Pem.parseCertificate(old.getCertPem());
        ledger.checkKey(previous.getSubjectPublicKeyInfo(), a);
        return issue(caller, device, a, previous.getSubject(), previous.getSubjectPublicKeyInfo(), validity,
                old.getCertSn());
    }

    /**
     * A device re-enrolls (EST simplereenroll) with its current certificate as its credential: a valid
     * certificate of this CA bound to a device. The new certificate keeps the subject (RFC 7030 4.2.2) and is
     * a renewal of the current one.
     */
    public IssuedCertificate reenrollWithCertificate(java.security.cert.X509Certificate presented, String csrPem,
                                                    String protocol) {
        IssuedCertificate current = ledger.presented(presented).orElseThrow(DeviceAuthenticationException::new);
        if (current.getDeviceId() == null || current.isRevoked()
                || current.statusAt(Instant.now()) != io.certgate.domain.ca.CertificateStatus.VALID) {
            throw new DeviceAuthenticationException();
        }
        Caller owner = Caller.of(current.getOrgId(), protocol, null);
        Device device = devices.byId(owner, current.getDeviceId());
        Caller caller = Caller.of(device.getOrgId(), protocol + ":" + device.getAssetId(), null);
        IssueAuthority authority = ledger.authorityFor(csrPem);
        ValidatedCsr csr = ledger.validateCsr(csrPem, authority);
        // the same encoding, not X500Name.equals, which ignores the order of the RDNs (RFC 7030 4.2.2: identical)
        if (!sameEncoding(csr.subject(), Pem.parseCertificate(current.getCertPem()).getSubject())) {
            throw new SubjectChangedException();
        }
        return renew(caller, DeviceIdentifier.of(device.getAssetId(), null, null), current.getCertSn(), csrPem, null,
                authority);
    }

    /** Revokes one of the device's certificates. */
    public IssuedCertificate revoke(Caller caller, DeviceIdentifier deviceId, long certSn, RevocationReason reason) {
        Caller.require(caller);
        Device device = devices.find(caller, deviceId);
        IssuedCertificate cert = boundCertificate(caller, device, certSn);
        return ledger.revoke(caller, cert, reason, "assetId=" + device.getAssetId());
    }

    /** The device's certificates, oldest first. */
    public List<IssuedCertificate> list(Caller caller, DeviceIdentifier deviceId) {
        Caller.require(caller);
        return ledger.boundTo(caller, devices.find(caller, deviceId).getId());
    }

    private IssuedCertificate boundCertificate(Caller caller, Device device, long certSn) {
        IssuedCertificate cert = ledger.find(caller, certSn);
        if (!cert.isBoundTo(device.getId())) {
            throw new UnknownCertificateException();
        }
        return cert;
    }

    private IssuedCertificate issue(Caller caller, Device device, IssueAuthority authority, X500Name subject,
                                    SubjectPublicKeyInfo key, ValidityRequest validity, Long renews) {
        bindKey(CertificateLedger.publicKeySha256(key), device);
        return ledger.issue(caller, new Issuance(authority, subject, key, validity, CertificateProfile.Usage.DEVICE,
                List.of(), device.getId(), renews, renews == null ? "certificate.apply" : "certificate.renew",
                "assetId=" + device.getAssetId()));
    }

    /** One key, one device: the same device may present its key again (also concurrently), another may not. */
    private void bindKey(String keyHash, Device device) {
        Long holder = keys.boundDevice(keyHash); // a key seen before (renewals): no extra transaction
        if (holder == null) {
            try {
                if (keys.claim(keyHash, device.getId())) {
                    return;
                }
            } catch (EJBException | jakarta.persistence.PersistenceException raced) {
                // another request bound this key a moment ago: see to which device below
            }
            holder = keys.holder(keyHash);
        }
        if (holder == null || !holder.equals(device.getId())) {
            throw new KeyAlreadyBoundException();
        }
    }

    private static ValidityRequest validity(Device device, Integer validDays) {
        int days = validDays == null ? device.getProduct().getDefaultValidDay() : validDays;
        return ValidityRequest.days(days, device.getProduct().getMaxValidDay());
    }

    private static void requireBiDirectionalAuth(Device device) {
        if (!device.getProduct().isBiDirectionalAuth()) {
            throw new BiDirectionalAuthNotSupportedException();
        }
    }

    static boolean sameEncoding(org.bouncycastle.asn1.x500.X500Name a, org.bouncycastle.asn1.x500.X500Name b) {
        try {
            return java.util.Arrays.equals(a.getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER),
                    b.getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
