package io.certgate.ejb.enrollment;

import io.certgate.domain.access.RaAccount;
import io.certgate.domain.binding.CertificateStatus;
import io.certgate.domain.binding.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.domain.enrollment.CertProductType;
import io.certgate.domain.enrollment.EnrollmentTransaction;
import io.certgate.domain.enrollment.TransactionKind;
import io.certgate.domain.enrollment.TransactionStatus;
import io.certgate.ejb.binding.CertificateAlreadyRevokedException;
import io.certgate.ejb.binding.CertificateNotRenewableException;
import io.certgate.ejb.binding.UnknownCertificateException;
import io.certgate.ejb.ca.CertificateIssuer;
import io.certgate.ejb.ca.CertificateProfile;
import io.certgate.ejb.ca.InvalidCsrException;
import io.certgate.ejb.ca.Pem;
import io.certgate.ejb.ca.SignedCertificate;
import io.certgate.ejb.ca.ValidatedCsr;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.MissingParameterException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Enrollment transactions for RA accounts: enroll, renew, pickup, revoke, approve, reject. Every query is
 * scoped by the account's organization. Certificates are signed and stored in the same transaction as the
 * enrollment record that returns them.
 */
@Stateless
public class EnrollmentService {

    private static final Logger LOG = Logger.getLogger(EnrollmentService.class.getName());

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private CertificateIssuer issuer;

    @EJB
    private io.certgate.ejb.access.AuditTrail audit;

    public EnrollmentOutcome enroll(RaAccount account, EnrollmentRequest request) {
        ValidatedEnrollment v = EnrollmentRules.validate(request, account.isAllowSpecificEndDate(), Instant.now());
        return submit(account, v, TransactionKind.ENROLL, null);
    }

    /**
     * Renews a valid certificate named by original_certificate or original_transaction_id (at least one; when
     * both are given they must name the same transaction), proven by the original's challenge phrase. The
     * original stays valid until it expires or is revoked.
     */
    public EnrollmentOutcome renew(RaAccount account, EnrollmentRequest request) {
        boolean hasCert = request.originalCertificate() != null && !request.originalCertificate().isBlank();
        boolean hasId = request.originalTransactionId() != null && !request.originalTransactionId().isBlank();
        if (!hasCert && !hasId) {
            throw new MissingParameterException("original_certificate or original_transaction_id");
        }
        EnrollmentTransaction original = null;
        if (hasId) {
            original = find(account, EnrollmentRules.transactionId("original_transaction_id",
                    request.originalTransactionId()));
        }
        if (hasCert) {
            X509CertificateHolder originalCert;
            try {
                originalCert = Pem.parseCertificate(request.originalCertificate());
            } catch (IllegalArgumentException e) {
                throw new InvalidArgumentException("invalid value for original_certificate: not a base64 certificate");
            }
            EnrollmentTransaction byCert = byCertificate(account, originalCert);
            if (original != null && !original.getTransactionId().equals(byCert.getTransactionId())) {
                throw new InvalidArgumentException("original_certificate and original_transaction_id name different "
                        + "transactions");
            }
            original = byCert;
        }
        String originalChallenge = EnrollmentRules.text("original_challenge", request.originalChallenge(),
                EnrollmentRules.MAX_ID);
        ValidatedEnrollment v = EnrollmentRules.validate(request, account.isAllowSpecificEndDate(), Instant.now());
        if (!ChallengePhrases.matches(originalChallenge, original.getChallengeHash())) {
            throw new ChallengePhraseMismatchException();
        }
        if (original.getStatus() == TransactionStatus.REJECTED) {
            throw new TransactionRejectedException();
        }
        if (original.getStatus() != TransactionStatus.ISSUED) {
            throw new CertificateNotRenewableException("The original transaction has no certificate yet (pending "
                    + "approval).");
        }
        CertificateStatus status = original.getCertificate().statusAt(Instant.now());
        if (status == CertificateStatus.REVOKED) {
            throw new CertificateNotRenewableException(CertificateNotRenewableException.REVOKED);
        }
        if (status == CertificateStatus.EXPIRED) {
            throw new CertificateNotRenewableException(CertificateNotRenewableException.EXPIRED);
        }
        return submit(account, v, TransactionKind.RENEW, original.getTransactionId());
    }

    public EnrollmentOutcome pickup(RaAccount account, String transactionId) {
        EnrollmentTransaction t = find(account, EnrollmentRules.transactionId("transaction_id", transactionId));
        if (t.getStatus() == TransactionStatus.REJECTED) {
            throw new TransactionRejectedException();
        }
        return outcome(t);
    }

    public EnrollmentOutcome approve(RaAccount account, String transactionId) {
        EnrollmentTransaction t = find(account, EnrollmentRules.transactionId("transaction_id", transactionId));
        if (t.getStatus() != TransactionStatus.PENDING) {
            throw new TransactionNotPendingException();
        }
        issue(t, account.getName());
        audit.record(t.getOrgId(), "transaction.approve", "transaction=" + t.getTransactionId(), "approved");
        return outcome(t);
    }

    public EnrollmentOutcome reject(RaAccount account, String transactionId) {
        EnrollmentTransaction t = find(account, EnrollmentRules.transactionId("transaction_id", transactionId));
        if (t.getStatus() != TransactionStatus.PENDING) {
            throw new TransactionNotPendingException();
        }
        t.rejected(account.getName(), Instant.now());
        audit.record(t.getOrgId(), "transaction.reject", "transaction=" + t.getTransactionId(), "rejected");
        LOG.info(() -> "Transaction " + t.getTransactionId() + " rejected by RA account " + account.getName());
        return outcome(t);
    }

    /** Revokes the certificate with this serial (hex) of the account's organization, proven by its challenge. */
    public EnrollmentOutcome revoke(RaAccount account, String certSerial, RevocationReason reason, String challenge) {
        String serial = EnrollmentRules.text("certSerial", certSerial, 64).toLowerCase(java.util.Locale.ROOT)
                .replace(":", "");
        String phrase = EnrollmentRules.text("challenge", challenge, EnrollmentRules.MAX_ID);
        BigInteger number;
        try {
            number = new BigInteger(serial, 16);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid value for certSerial: expected the serial number in hex");
        }
        List<IssuedCertificate> certs = em.createNamedQuery(IssuedCertificate.BY_ORG_AND_SERIAL, IssuedCertificate.class)
                .setParameter("orgId", account.getOrgId()).setParameter("serial", number.toString(16)).getResultList();
        if (certs.isEmpty()) {
            throw new UnknownCertificateException();
        }
        IssuedCertificate cert = certs.get(0);
        EnrollmentTransaction t = transactionOf(cert);
        if (t == null) {
            throw new UnknownCertificateException(); // a device certificate: revoked through its device, not here
        }
        if (!ChallengePhrases.matches(phrase, t.getChallengeHash())) {
            throw new ChallengePhraseMismatchException();
        }
        if (cert.isRevoked()) {
            throw new CertificateAlreadyRevokedException();
        }
        cert.revoke(reason, Instant.now());
        audit.record(t.getOrgId(), "certificate.revoke", "certSn=" + cert.getCertSn() + " transaction="
                + t.getTransactionId(), "revoked (" + reason + ")");
        LOG.info(() -> "Revoked certSn " + cert.getCertSn() + " (serial " + cert.getSerialNumber() + ", reason "
                + reason + ") of transaction " + t.getTransactionId() + " by RA account " + account.getName());
        return new EnrollmentOutcome(t.getTransactionId(), t.getStatus(), null, cert.getSerialNumber());
    }

    private EnrollmentOutcome submit(RaAccount account, ValidatedEnrollment v, TransactionKind kind,
                                     String originalTransactionId) {
        // the CSR is checked now even when approval comes later, so a bad CSR never waits for an approver
        ValidatedCsr csr = validateCsr(v);
        EnrollmentTransaction t = new EnrollmentTransaction(newTransactionId(), account.getOrgId(), account.getName(),
                kind, v.productType(), v.serverType(), v.validityPeriod(), v.specificEndDate(), v.firstName(),
                v.lastName(), v.email(), v.csr(), String.join(",", v.subjectAltNames()), v.signatureAlgorithm().name(),
                v.ctLogOption(), ChallengePhrases.hash(v.challenge()), originalTransactionId, Instant.now());
        em.persist(t);
        audit.record(t.getOrgId(), "transaction." + kind.name().toLowerCase(java.util.Locale.ROOT),
                "transaction=" + t.getTransactionId(), account.isRequireApproval() ? "pending approval"
                        : "submitted" + (originalTransactionId == null ? "" : " renewing " + originalTransactionId));
        if (account.isRequireApproval()) {
            LOG.info(() -> kind + " transaction " + t.getTransactionId() + " of RA account " + account.getName()
                    + " awaits approval");
        } else {
            issue(t, csr, account.getName());
        }
        return outcome(t);
    }

    private void issue(EnrollmentTransaction t, String by) {
        ValidatedEnrollment v = revalidate(t);
        issue(t, validateCsr(v), by);
    }

    private void issue(EnrollmentTransaction t, ValidatedCsr csr, String by) {
        SignatureAlgorithm alg = SignatureAlgorithm.valueOf(t.getSignatureAlgorithm());
        Instant now = Instant.now();
        Instant notAfter = t.getSpecificEndDate() != null ? t.getSpecificEndDate()
                : now.atZone(ZoneOffset.UTC).plusYears(Integer.parseInt(t.getValidityPeriod().substring(0, 1)))
                        .toInstant();
        Instant rootEnd = issuer.rootNotAfter(alg.root());
        if (notAfter.isAfter(rootEnd)) {
            notAfter = rootEnd;
        }
        CertificateProfile.Usage usage = t.getCertProductType().isCodeSigning()
                ? CertificateProfile.Usage.CODE_SIGNING : CertificateProfile.Usage.TLS_SERVER;
        List<String> dnsNames = new ArrayList<>();
        if (usage == CertificateProfile.Usage.TLS_SERVER) {
            String cn = commonName(csr);
            dnsNames.add(cn.toLowerCase(java.util.Locale.ROOT));
            if (t.getSubjectAltNames() != null && !t.getSubjectAltNames().isBlank()) {
                Arrays.stream(t.getSubjectAltNames().split(",")).filter(n -> !dnsNames.contains(n)).forEach(dnsNames::add);
            }
        }
        SignedCertificate signed = issuer.sign(alg.root(), csr.subject(), csr.publicKey(), now.minusSeconds(60),
                notAfter, usage, dnsNames);
        IssuedCertificate cert = new IssuedCertificate(t.getOrgId(), null, alg.root(), signed.serialHex(),
                csr.subject().toString(), signed.certificate().getIssuer().toString(), signed.publicKeySha256(),
                signed.pem(), now, now.minusSeconds(60), notAfter, null);
        em.persist(cert);
        t.issued(cert, by, now);
        em.flush();
        audit.record(t.getOrgId(), "certificate.issue", "certSn=" + cert.getCertSn() + " transaction="
                + t.getTransactionId(), "issued serial " + cert.getSerialNumber());
        LOG.info(() -> "Issued certSn " + cert.getCertSn() + " (" + t.getCertProductType() + ", " + alg + ", serial "
                + cert.getSerialNumber() + ", until " + cert.getNotAfter() + ") for transaction "
                + t.getTransactionId() + " of org " + t.getOrgId());
    }

    private ValidatedCsr validateCsr(ValidatedEnrollment v) {
        ValidatedCsr csr = issuer.validate(v.csr(), v.signatureAlgorithm().keyType());
        if (!v.productType().isCodeSigning() && !EnrollmentRules.isHostname(commonName(csr))) {
            throw new InvalidCsrException("the CSR common name must be a fully qualified domain name");
        }
        return csr;
    }

    private static ValidatedEnrollment revalidate(EnrollmentTransaction t) {
        List<String> sans = t.getSubjectAltNames() == null || t.getSubjectAltNames().isBlank() ? List.of()
                : List.of(t.getSubjectAltNames().split(","));
        return new ValidatedEnrollment(t.getFirstName(), t.getLastName(), t.getEmail(), t.getCsrPem(),
                t.getCertProductType(), t.getServerType(), Integer.parseInt(t.getValidityPeriod().substring(0, 1)),
                t.getSpecificEndDate(), null, sans, SignatureAlgorithm.valueOf(t.getSignatureAlgorithm()),
                t.getCtLogOption());
    }

    private static String commonName(ValidatedCsr csr) {
        RDN[] cns = csr.subject().getRDNs(BCStyle.CN);
        return cns.length == 0 ? "" : IETFUtils.valueToString(cns[0].getFirst().getValue());
    }

    private EnrollmentOutcome outcome(EnrollmentTransaction t) {
        IssuedCertificate cert = t.getCertificate();
        if (t.getStatus() != TransactionStatus.ISSUED || cert == null) {
            return new EnrollmentOutcome(t.getTransactionId(), t.getStatus(), null, null);
        }
        String text = cert.getCertPem();
        if (t.getCertProductType().isCodeSigning()) {
            text = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(
                    issuer.pkcs7(Pem.parseCertificate(cert.getCertPem()), cert.getIssueAuthority()));
        }
        return new EnrollmentOutcome(t.getTransactionId(), t.getStatus(), text, cert.getSerialNumber());
    }

    private EnrollmentTransaction find(RaAccount account, String transactionId) {
        EnrollmentTransaction t = transactionId == null ? null : em.find(EnrollmentTransaction.class, transactionId);
        if (t == null || !t.getOrgId().equals(account.getOrgId())) {
            throw new UnknownTransactionException();
        }
        return t;
    }

    private EnrollmentTransaction byCertificate(RaAccount account, X509CertificateHolder cert) {
        List<IssuedCertificate> certs = em.createNamedQuery(IssuedCertificate.BY_ORG_AND_SERIAL, IssuedCertificate.class)
                .setParameter("orgId", account.getOrgId()).setParameter("serial", cert.getSerialNumber().toString(16))
                .getResultList();
        EnrollmentTransaction t = certs.isEmpty() ? null : transactionOf(certs.get(0));
        if (t == null || !Pem.parseCertificate(certs.get(0).getCertPem()).equals(cert)) {
            throw new UnknownTransactionException();
        }
        return t;
    }

    private EnrollmentTransaction transactionOf(IssuedCertificate cert) {
        return em.createNamedQuery(EnrollmentTransaction.BY_CERTIFICATE, EnrollmentTransaction.class)
                .setParameter("certificate", cert).getResultList().stream().findFirst().orElse(null);
    }


    /** 32 lower-case hex characters, as CertManager transaction ids look (128 random bits). */
    static String newTransactionId() {
        byte[] b = new byte[16];
        io.certgate.ejb.common.RandomIds.secureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

}
