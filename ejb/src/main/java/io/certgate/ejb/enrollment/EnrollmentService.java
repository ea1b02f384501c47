package io.certgate.ejb.enrollment;

import io.certgate.domain.access.Caller;
import io.certgate.domain.access.RaAccount;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.domain.enrollment.CertProductType;
import io.certgate.domain.enrollment.EnrollmentTransaction;
import io.certgate.domain.enrollment.TransactionKind;
import io.certgate.domain.enrollment.TransactionStatus;
import io.certgate.ejb.ca.CertificateLedger;
import io.certgate.ejb.ca.CertificateProfile;
import io.certgate.ejb.ca.Issuance;
import io.certgate.ejb.ca.InvalidCsrException;
import io.certgate.ejb.ca.Pem;
import io.certgate.ejb.ca.UnknownCertificateException;
import io.certgate.ejb.ca.ValidatedCsr;
import io.certgate.ejb.ca.ValidityRequest;
import io.certgate.ejb.common.BulkOutcome;
import io.certgate.ejb.common.BulkRun;
import io.certgate.ejb.common.DecisionComments;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.MissingParameterException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Instant;
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
 * Enrollment transactions for RA accounts: enroll, renew, pickup, revoke, approve, reject. Every method takes
 * the caller and sees only its organization's transactions. Certificates are issued through the ledger in the
 * same transaction as the enrollment record that returns them. Separation of duties: an approver (an RA account
 * with the approver role, or an operator) decides a pending request, never the account that submitted it.
 */
@Stateless
public class EnrollmentService {

    private static final Logger LOG = Logger.getLogger(EnrollmentService.class.getName());

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private CertificateLedger ledger;

    @EJB
    private io.certgate.ejb.access.AuditTrail audit;

    public EnrollmentOutcome enroll(Caller caller, RaAccount account, EnrollmentRequest request) {
        requireOwnAccount(caller, account);
        ValidatedEnrollment v = EnrollmentRules.validate(request, account.isAllowSpecificEndDate(), Instant.now());
        return submit(caller, account, v, TransactionKind.ENROLL, null);
    }

    /**
     * Renews a valid certificate named by original_certificate or original_transaction_id (at least one; when
     * both are given they must name the same transaction), proven by the original's challenge phrase. The
     * original stays valid until it expires or is revoked.
     */
    public EnrollmentOutcome renew(Caller caller, RaAccount account, EnrollmentRequest request) {
        requireOwnAccount(caller, account);
        boolean hasCert = request.originalCertificate() != null && !request.originalCertificate().isBlank();
        boolean hasId = request.originalTransactionId() != null && !request.originalTransactionId().isBlank();
        if (!hasCert && !hasId) {
            throw new MissingParameterException("original_certificate or original_transaction_id");
        }
        EnrollmentTransaction original = null;
        if (hasId) {
            original = find(caller, EnrollmentRules.transactionId("original_transaction_id",
                    request.originalTransactionId()));
        }
        if (hasCert) {
            X509CertificateHolder originalCert;
            try {
                originalCert = Pem.parseCertificate(request.originalCertificate());
            } catch (IllegalArgumentException e) {
                throw new InvalidArgumentException("invalid value for original_certificate: not a base64 certificate");
            }
            EnrollmentTransaction byCert = byCertificate(caller, originalCert);
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
            throw new OriginalNotIssuedException();
        }
        original.getCertificate().requireRenewableAt(Instant.now());
        return submit(caller, account, v, TransactionKind.RENEW, original.getTransactionId());
    }

    public EnrollmentOutcome pickup(Caller caller, String transactionId) {
        Caller.require(caller);
        EnrollmentTransaction t = find(caller, EnrollmentRules.transactionId("transaction_id", transactionId));
        if (t.getStatus() == TransactionStatus.REJECTED) {
            throw new TransactionRejectedException();
        }
        return outcome(t);
    }

    /** The organization's transactions waiting for an approver, oldest first. */
    public java.util.List<EnrollmentTransaction> pending(Caller caller) {
        String orgId = Caller.require(caller).requireOrganization();
        return em.createQuery("SELECT t FROM EnrollmentTransaction t WHERE t.orgId = :orgId AND t.status = :status "
                + "ORDER BY t.createdAt, t.transactionId", EnrollmentTransaction.class).setParameter("orgId", orgId)
                .setParameter("status", TransactionStatus.PENDING).getResultList();
    }

    /**
     * One page of the organization's transactions waiting for an approver, in the order asked for (oldest first
     * when none), the transaction id breaking ties.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public io.certgate.ejb.common.Page<EnrollmentTransaction> pending(Caller caller,
            io.certgate.ejb.common.ListOrder<TransactionColumn> order, io.certgate.ejb.common.PageRequest page) {
        String orgId = Caller.require(caller).requireOrganization();
        return io.certgate.ejb.common.OrderedPages.inStatus(em, EnrollmentTransaction.class, "t", orgId,
                TransactionStatus.PENDING, order, new io.certgate.ejb.common.ListOrder<>(TransactionColumn.CREATED_AT,
                        false), "t.transactionId", page);
    }

    /** An RA account with the approver role approves another account's pending request. */
    public EnrollmentOutcome approve(Caller caller, RaAccount approver, String transactionId) {
        return decide(caller, requireApprover(caller, approver), transactionId, true);
    }

    /** An RA account with the approver role rejects another account's pending request. */
    public EnrollmentOutcome reject(Caller caller, RaAccount approver, String transactionId) {
        return decide(caller, requireApprover(caller, approver), transactionId, false);
    }

    /** An operator (admin API, acting for the organization it names) approves a pending request. */
    public EnrollmentOutcome approveAsOperator(Caller operator, String transactionId) {
        return decideAsOperator(operator, transactionId, true, null);
    }

    /** An operator (admin API, acting for the organization it names) rejects a pending request. */
    public EnrollmentOutcome rejectAsOperator(Caller operator, String transactionId) {
        return decideAsOperator(operator, transactionId, false, null);
    }

    /**
     * An operator approves or rejects a pending request with a comment ({@link DecisionComments}), which the
     * transaction keeps and its audit record names.
     */
    public EnrollmentOutcome decideAsOperator(Caller operator, String transactionId, boolean approve, String comment) {
        return decide(operator, null, transactionId, approve, DecisionComments.of(comment));
    }

    /**
     * Approves or rejects each transaction with the one comment, each in its own transaction through the single
     * decision (the same rules, one audit record each); the outcome per transaction id, in the order given.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<BulkOutcome> decideAllAsOperator(Caller operator, List<String> transactionIds, boolean approve,
                                                 String comment) {
        Caller.require(operator).requireOrganization();
        String c = DecisionComments.of(comment);
        EnrollmentService self = context.getBusinessObject(EnrollmentService.class);
        return BulkRun.each(transactionIds, "transaction", id -> self.decideAsOperator(operator, id, approve, c));
    }

    private EnrollmentOutcome decide(Caller caller, String approverAccount, String transactionId, boolean approve) {
        return decide(caller, approverAccount, transactionId, approve, null);
    }

    private EnrollmentOutcome decide(Caller caller, String approverAccount, String transactionId, boolean approve,
                                     String comment) {
        Caller.require(caller);
        EnrollmentTransaction t = find(caller, EnrollmentRules.transactionId("transaction_id", transactionId));
        if (approverAccount != null && approverAccount.equals(t.getAccountName())) {
            throw new SelfApprovalException();
        }
        if (t.getStatus() != TransactionStatus.PENDING) {
            throw new TransactionNotPendingException();
        }
        String decision = (approve ? "approved by " : "rejected by ") + caller.actor() + "; requested by ra:"
                + t.getAccountName();
        if (approve) {
            issue(caller, t, revalidCsr(t));
        } else {
            t.rejected(decider(caller), Instant.now());
        }
        t.commented(comment);
        audit.record(caller, approve ? "transaction.approve" : "transaction.reject",
                "transaction=" + t.getTransactionId(), DecisionComments.outcome(decision, comment));
        LOG.info(() -> "Transaction " + t.getTransactionId() + " " + decision + " requestId=" + caller.requestId());
        return outcome(t);
    }

    /** Who decided, as the transaction records it (at most 64 characters). */
    private static String decider(Caller caller) {
        String actor = caller.actor();
        return actor.length() <= 64 ? actor : actor.substring(0, 64);
    }

    private static String requireApprover(Caller caller, RaAccount account) {
        requireOwnAccount(caller, account);
        if (!account.isApprover()) {
            throw new NotAnApproverException();
        }
        return account.getName();
    }

    private static void requireOwnAccount(Caller caller, RaAccount account) {
        if (account == null || !account.getOrgId().equals(Caller.require(caller).requireOrganization())) {
            throw new io.certgate.domain.access.CallerRequiredException();
        }
    }

    /** Revokes the certificate with this serial (hex) of the account's organization, proven by its challenge. */
    public EnrollmentOutcome revoke(Caller caller, String certSerial, RevocationReason reason, String challenge) {
        Caller.require(caller);
        String serial = EnrollmentRules.text("certSerial", certSerial, 64).toLowerCase(java.util.Locale.ROOT)
                .replace(":", "");
        String phrase = EnrollmentRules.text("challenge", challenge, EnrollmentRules.MAX_ID);
        BigInteger number;
        try {
            number = new BigInteger(serial, 16);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid value for certSerial: expected the serial number in hex");
        }
        IssuedCertificate cert = ledger.findBySerial(caller, number).orElseThrow(UnknownCertificateException::new);
        EnrollmentTransaction t = transactionOf(cert);
        if (t == null) {
            throw new UnknownCertificateException(); // a device certificate: revoked through its device, not here
        }
        if (!ChallengePhrases.matches(phrase, t.getChallengeHash())) {
            throw new ChallengePhraseMismatchException();
        }
        ledger.revoke(caller, cert, reason, "transaction=" + t.getTransactionId());
        return new EnrollmentOutcome(t.getTransactionId(), t.getStatus(), null, cert.getSerialNumber());
    }

    private EnrollmentOutcome submit(Caller caller, RaAccount account, ValidatedEnrollment v, TransactionKind kind,
                                     String originalTransactionId) {
        // the CSR is checked now even when approval comes later, so a bad CSR never waits for an approver
        ValidatedCsr csr = validateCsr(v);
        EnrollmentTransaction t = new EnrollmentTransaction(newTransactionId(), account.getOrgId(), account.getName(),
                kind, v.productType(), v.serverType(), v.validityPeriod(), v.specificEndDate(), v.firstName(),
                v.lastName(), v.email(), v.csr(), String.join(",", v.subjectAltNames()), v.signatureAlgorithm().name(),
                v.ctLogOption(), ChallengePhrases.hash(v.challenge()), originalTransactionId, Instant.now());
        em.persist(t);
        audit.record(caller, "transaction." + kind.name().toLowerCase(java.util.Locale.ROOT),
                "transaction=" + t.getTransactionId(), account.isRequireApproval() ? "pending approval"
                        : "submitted" + (originalTransactionId == null ? "" : " renewing " + originalTransactionId));
        if (account.isRequireApproval()) {
            LOG.info(() -> kind + " transaction " + t.getTransactionId() + " of RA account " + account.getName()
                    + " awaits approval requestId=" + caller.requestId());
        } else {
            issue(caller, t, csr);
        }
        return outcome(t);
    }

    private ValidatedCsr revalidCsr(EnrollmentTransaction t) {
        return validateCsr(revalidate(t));
    }

    /** Issues the transaction's certificate through the ledger: years or the specific end date, TLS or code signing. */
    private void issue(Caller caller, EnrollmentTransaction t, ValidatedCsr csr) {
        SignatureAlgorithm alg = SignatureAlgorithm.valueOf(t.getSignatureAlgorithm());
        ValidityRequest validity = t.getSpecificEndDate() != null ? ValidityRequest.until(t.getSpecificEndDate())
                : ValidityRequest.years(Integer.parseInt(t.getValidityPeriod().substring(0, 1)));
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
        IssuedCertificate cert = ledger.issue(caller, new Issuance(alg.root(), csr.subject(), csr.publicKey(), validity,
                usage, dnsNames, null, renewedCertSn(caller, t), "certificate.issue", "transaction=" + t.getTransactionId()));
        t.issued(cert, decider(caller), Instant.now());
    }

    /** The certSn of the certificate a renew transaction renews (its original's); null for an enrollment. */
    private Long renewedCertSn(Caller caller, EnrollmentTransaction t) {
        if (t.getKind() != TransactionKind.RENEW || t.getOriginalTransactionId() == null) {
            return null;
        }
        IssuedCertificate original = find(caller, t.getOriginalTransactionId()).getCertificate();
        return original == null ? null : original.getCertSn();
    }

    private ValidatedCsr validateCsr(ValidatedEnrollment v) {
        ValidatedCsr csr = ledger.validateCsr(v.csr(), v.signatureAlgorithm().keyType());
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
                    ledger.pkcs7(cert));
        }
        return new EnrollmentOutcome(t.getTransactionId(), t.getStatus(), text, cert.getSerialNumber());
    }

    private EnrollmentTransaction find(Caller caller, String transactionId) {
        String orgId = Caller.require(caller).requireOrganization();
        EnrollmentTransaction t = transactionId == null ? null : em.find(EnrollmentTransaction.class, transactionId);
        if (t == null || !t.getOrgId().equals(orgId)) {
            throw new UnknownTransactionException();
        }
        return t;
    }

    private EnrollmentTransaction byCertificate(Caller caller, X509CertificateHolder cert) {
        IssuedCertificate stored = ledger.findBySerial(caller, cert.getSerialNumber()).orElse(null);
        EnrollmentTransaction t = stored == null ? null : transactionOf(stored);
        if (t == null || !Pem.parseCertificate(stored.getCertPem()).equals(cert)) {
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
