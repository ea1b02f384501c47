package io.certgate.domain.ca;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A certificate this CA signed: the ledger's record, whichever facade asked for it. {@code certSn} is the
 * project's sequential certificate number (the APIs' certSn); {@code serialNumber} is the X.509 serial (random,
 * unique). Its own guards refuse revoking twice and renewing a revoked or expired certificate.
 */
@Entity
@Table(name = "CG_CERTIFICATE") // schema: ejb META-INF/sql
@NamedQuery(name = IssuedCertificate.BY_DEVICE,
        query = "SELECT c FROM IssuedCertificate c WHERE c.orgId = :orgId AND c.deviceId = :deviceId ORDER BY c.certSn")
@NamedQuery(name = IssuedCertificate.BY_ORG_AND_SERIAL,
        query = "SELECT c FROM IssuedCertificate c WHERE c.orgId = :orgId AND c.serialNumber = :serial")
@NamedQuery(name = IssuedCertificate.BY_ROOT_AND_SERIAL, query = "SELECT c FROM IssuedCertificate c "
        + "WHERE c.issueAuthority = :authority AND c.issuingCaId IS NULL AND c.serialNumber = :serial")
@NamedQuery(name = IssuedCertificate.BY_ISSUING_CA_AND_SERIAL, query = "SELECT c FROM IssuedCertificate c "
        + "WHERE c.issuingCaId = :ca AND c.serialNumber = :serial")
public class IssuedCertificate {

    public static final String BY_ROOT_AND_SERIAL = "IssuedCertificate.byRootAndSerial";
    public static final String BY_ISSUING_CA_AND_SERIAL = "IssuedCertificate.byIssuingCaAndSerial";

    public static final String BY_DEVICE = "IssuedCertificate.byDevice";
    public static final String BY_ORG_AND_SERIAL = "IssuedCertificate.byOrgAndSerial";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "CERT_SN")
    private Long certSn;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    /** The id of the device it is bound to (binding's); null for certificates of no device. */
    @Column(name = "DEVICE_ID")
    private Long deviceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "ISSUE_AUTHORITY", nullable = false, length = 8)
    private IssueAuthority issueAuthority;

    /** Lower-case hex of the X.509 serial number. */
    @Column(name = "SERIAL_NUMBER", nullable = false, length = 64)
    private String serialNumber;

    @Column(name = "SUBJECT_DN", nullable = false, length = 1024)
    private String subjectDn;

    @Column(name = "ISSUER_DN", nullable = false, length = 1024)
    private String issuerDn;

    /** Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo. */
    @Column(name = "PUBLIC_KEY_SHA256", nullable = false, length = 64)
    private String publicKeySha256;

    @Column(name = "CERT_PEM", nullable = false, length = 8000)
    private String certPem;

    @Column(name = "SIGNED_AT", nullable = false)
    private Instant signedAt;

    @Column(name = "NOT_BEFORE", nullable = false)
    private Instant notBefore;

    @Column(name = "NOT_AFTER", nullable = false)
    private Instant notAfter;

    @Column(name = "REVOKED", nullable = false)
    private boolean revoked;

    @Enumerated(EnumType.STRING)
    @Column(name = "REVOCATION_REASON", length = 32)
    private RevocationReason revocationReason;

    @Column(name = "REVOKED_AT")
    private Instant revokedAt;

    /** certSn of the certificate this one renewed, if any. */
    @Column(name = "RENEWED_FROM")
    private Long renewedFrom;

    /** The issuing CA that signed it; null for certificates a root signed (before the hierarchy). */
    @Column(name = "ISSUING_CA_ID")
    private Long issuingCaId;

    /** The narrowest expiry warning written for it so far, in days before notAfter; null before the first. */
    @Column(name = "EXPIRY_WARNED_DAYS")
    private Integer expiryWarnedDays;

    protected IssuedCertificate() {
    }

    /** A certificate of an organization, bound to a device when {@code deviceId} is not null. */
    public IssuedCertificate(String orgId, Long deviceId, IssueAuthority issueAuthority, String serialNumber,
                             String subjectDn, String issuerDn, String publicKeySha256, String certPem,
                             Instant signedAt, Instant notBefore, Instant notAfter, Long renewedFrom) {
        this.orgId = orgId;
        this.deviceId = deviceId;
        this.issueAuthority = issueAuthority;
        this.serialNumber = serialNumber;
        this.subjectDn = subjectDn;
        this.issuerDn = issuerDn;
        this.publicKeySha256 = publicKeySha256;
        this.certPem = certPem;
        this.signedAt = signedAt;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.renewedFrom = renewedFrom;
    }

    /** A certificate signed by an issuing CA. */
    public IssuedCertificate(String orgId, Long deviceId, IssueAuthority issueAuthority, Long issuingCaId,
                             String serialNumber, String subjectDn, String issuerDn, String publicKeySha256,
                             String certPem, Instant signedAt, Instant notBefore, Instant notAfter, Long renewedFrom) {
        this(orgId, deviceId, issueAuthority, serialNumber, subjectDn, issuerDn, publicKeySha256, certPem, signedAt,
                notBefore, notAfter, renewedFrom);
        this.issuingCaId = issuingCaId;
    }

    /** Status at {@code now}: revoked wins over expired. */
    public CertificateStatus statusAt(Instant now) {
        if (revoked) {
            return CertificateStatus.REVOKED;
        }
        return now.isAfter(notAfter) ? CertificateStatus.EXPIRED : CertificateStatus.VALID;
    }

    /** Revokes it; a certificate is revoked once ({@link CertificateAlreadyRevokedException}). */
    public void revoke(RevocationReason reason, Instant at) {
        if (revoked) {
            throw new CertificateAlreadyRevokedException();
        }
        this.revoked = true;
        this.revocationReason = reason;
        this.revokedAt = at;
    }

    /** Refuses a revoked or expired certificate as the original of a renewal or reissue. */
    public void requireRenewableAt(Instant now) {
        CertificateStatus status = statusAt(now);
        if (status != CertificateStatus.VALID) {
            throw new CertificateNotRenewableException(status);
        }
    }

    /**
     * Notes that its expiry warning for {@code thresholdDays} is written: true once per threshold, and only for a
     * threshold narrower than every one warned before (a warning 7 days ahead makes a later one 30 days ahead
     * moot); false for a revoked certificate, which nobody needs to replace.
     */
    public boolean noteExpiryWarning(int thresholdDays) {
        if (revoked || (expiryWarnedDays != null && expiryWarnedDays <= thresholdDays)) {
            return false;
        }
        expiryWarnedDays = thresholdDays;
        return true;
    }

    public boolean isBoundTo(long otherDeviceId) {
        return deviceId != null && deviceId == otherDeviceId;
    }

    public Long getCertSn() { return certSn; }
    /** The issuing CA that signed it, or null when a root did. */
    public Long getIssuingCaId() { return issuingCaId; }

    public String getOrgId() { return orgId; }
    public Long getDeviceId() { return deviceId; }
    public IssueAuthority getIssueAuthority() { return issueAuthority; }
    public String getSerialNumber() { return serialNumber; }
    public String getSubjectDn() { return subjectDn; }
    public String getIssuerDn() { return issuerDn; }
    public String getPublicKeySha256() { return publicKeySha256; }
    public String getCertPem() { return certPem; }
    public Instant getSignedAt() { return signedAt; }
    public Instant getNotBefore() { return notBefore; }
    public Instant getNotAfter() { return notAfter; }
    public boolean isRevoked() { return revoked; }
    public RevocationReason getRevocationReason() { return revocationReason; }
    public Instant getRevokedAt() { return revokedAt; }
    public Long getRenewedFrom() { return renewedFrom; }
    public Integer getExpiryWarnedDays() { return expiryWarnedDays; }
}
