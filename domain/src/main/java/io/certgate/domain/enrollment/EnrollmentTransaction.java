package io.certgate.domain.enrollment;

import io.certgate.domain.ca.IssuedCertificate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An enrollment or renewal asked through an enterprise facade: who asked (organization, RA account), what
 * (the request as validated), the challenge phrase (salted hash only) and the outcome.
 */
@Entity
@Table(name = "CG_TRANSACTION")
@NamedQuery(name = EnrollmentTransaction.BY_CERTIFICATE,
        query = "SELECT t FROM EnrollmentTransaction t WHERE t.certificate = :certificate")
public class EnrollmentTransaction {

    public static final String BY_CERTIFICATE = "EnrollmentTransaction.byCertificate";

    @Id
    @Column(name = "TRANSACTION_ID", length = 32)
    private String transactionId;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @Column(name = "ACCOUNT_NAME", nullable = false, length = 64)
    private String accountName;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 16)
    private TransactionKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    private TransactionStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "CERT_PRODUCT_TYPE", nullable = false, length = 32)
    private CertProductType certProductType;

    @Column(name = "SERVER_TYPE", length = 64)
    private String serverType;

    @Column(name = "VALIDITY_PERIOD", nullable = false, length = 2)
    private String validityPeriod;

    /** The end date the applicant asked for, when the account allows it; null otherwise. */
    @Column(name = "SPECIFIC_END_DATE")
    private Instant specificEndDate;

    @Column(name = "FIRST_NAME", nullable = false, length = 240)
    private String firstName;

    @Column(name = "LAST_NAME", nullable = false, length = 240)
    private String lastName;

    @Column(name = "EMAIL", nullable = false, length = 240)
    private String email;

    @Column(name = "CSR_PEM", nullable = false, length = 16384)
    private String csrPem;

    /** Comma-separated DNS names. */
    @Column(name = "SUBJECT_ALT_NAMES", length = 26000)
    private String subjectAltNames;

    @Column(name = "SIGNATURE_ALGORITHM", nullable = false, length = 32)
    private String signatureAlgorithm;

    @Column(name = "CT_LOG_OPTION", nullable = false, length = 8)
    private String ctLogOption;

    /** PBKDF2 hash of the challenge phrase with its salt; never the phrase. */
    @Column(name = "CHALLENGE_HASH", nullable = false, length = 128)
    private String challengeHash;

    @Column(name = "ORIGINAL_TRANSACTION_ID", length = 32)
    private String originalTransactionId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "CERT_SN")
    private IssuedCertificate certificate;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "DECIDED_AT")
    private Instant decidedAt;

    @Column(name = "DECIDED_BY", length = 64)
    private String decidedBy;

    /** The deciding operator's comment, if it gave one. */
    @Column(name = "DECISION_COMMENT", length = 200)
    private String decisionComment;

    protected EnrollmentTransaction() {
    }

    public EnrollmentTransaction(String transactionId, String orgId, String accountName, TransactionKind kind,
                                 CertProductType certProductType, String serverType, String validityPeriod,
                                 Instant specificEndDate, String firstName, String lastName, String email,
                                 String csrPem, String subjectAltNames, String signatureAlgorithm,
                                 String ctLogOption, String challengeHash, String originalTransactionId,
                                 Instant createdAt) {
        this.transactionId = transactionId;
        this.orgId = orgId;
        this.accountName = accountName;
        this.kind = kind;
        this.status = TransactionStatus.PENDING;
        this.certProductType = certProductType;
        this.serverType = serverType;
        this.validityPeriod = validityPeriod;
        this.specificEndDate = specificEndDate;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.csrPem = csrPem;
        this.subjectAltNames = subjectAltNames;
        this.signatureAlgorithm = signatureAlgorithm;
        this.ctLogOption = ctLogOption;
        this.challengeHash = challengeHash;
        this.originalTransactionId = originalTransactionId;
        this.createdAt = createdAt;
    }

    public void issued(IssuedCertificate cert, String by, Instant at) {
        this.status = TransactionStatus.ISSUED;
        this.certificate = cert;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public void rejected(String by, Instant at) {
        this.status = TransactionStatus.REJECTED;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    /** The comment an operator gave with its decision (null: none). */
    public void commented(String comment) {
        this.decisionComment = comment;
    }

    public String getDecisionComment() { return decisionComment; }

    public String getTransactionId() { return transactionId; }
    public String getOrgId() { return orgId; }
    public String getAccountName() { return accountName; }
    public TransactionKind getKind() { return kind; }
    public TransactionStatus getStatus() { return status; }
    public CertProductType getCertProductType() { return certProductType; }
    public String getServerType() { return serverType; }
    public String getValidityPeriod() { return validityPeriod; }
    public Instant getSpecificEndDate() { return specificEndDate; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getEmail() { return email; }
    public String getCsrPem() { return csrPem; }
    public String getSubjectAltNames() { return subjectAltNames; }
    public String getSignatureAlgorithm() { return signatureAlgorithm; }
    public String getCtLogOption() { return ctLogOption; }
    public String getChallengeHash() { return challengeHash; }
    public String getOriginalTransactionId() { return originalTransactionId; }
    public IssuedCertificate getCertificate() { return certificate; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecidedBy() { return decidedBy; }
}
