package io.certgate.domain.ca;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
 * An issuing CA under a root: it signs the leaves of one scope (an organization, {@value #SHARED} when
 * organizations share one, or {@value #SERVER}, the infrastructure CA of the server's own HTTPS certificate) with
 * one algorithm. Scopes have generations (rollover): the newest active one whose {@code activeFrom} has come signs;
 * older ones keep publishing their CRL and answering OCSP. {@code keyRef} is the key custody's handle of its private
 * key (never the key in clear). A PENDING CA has a key and a CSR and waits for the root ceremony's certificate.
 */
@Entity
@Table(name = "CG_ISSUING_CA")
@NamedQuery(name = IssuingCa.ALL, query = "SELECT c FROM IssuingCa c ORDER BY c.id")
@NamedQuery(name = IssuingCa.OF_SCOPE, query = "SELECT c FROM IssuingCa c WHERE c.scope = :scope "
        + "AND c.authority = :authority ORDER BY c.generation DESC")
public class IssuingCa {

    public static final String ALL = "IssuingCa.all";
    public static final String OF_SCOPE = "IssuingCa.ofScope";
    /** The scope of the issuing CAs that organizations configured to share one use. */
    public static final String SHARED = "_shared";
    /** The scope of the infrastructure CA: the server's own HTTPS certificate (the _server organization). */
    public static final String SERVER = "_server";

    public enum State { PENDING, ACTIVE, RETIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "SCOPE", nullable = false, length = 64)
    private String scope;

    @Enumerated(EnumType.STRING)
    @Column(name = "AUTHORITY", nullable = false, length = 8)
    private IssueAuthority authority;

    @Column(name = "GENERATION", nullable = false)
    private int generation;

    /** The generation of the root that signed it (root rollover); 1 while pending. */
    @Column(name = "ROOT_GENERATION", nullable = false)
    private int rootGeneration = 1;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", nullable = false, length = 16)
    private State state;

    @Column(name = "SUBJECT_DN", nullable = false, length = 1024)
    private String subjectDn;

    /** Lower-case hex of the certificate's serial; null while pending. */
    @Column(name = "SERIAL_NUMBER", length = 64)
    private String serialNumber;

    @Column(name = "CERT_PEM", length = 8000)
    private String certPem;

    @Column(name = "CSR_PEM", length = 8000)
    private String csrPem;

    @Column(name = "KEY_REF", nullable = false, length = 16000)
    private String keyRef;

    @Column(name = "NOT_BEFORE")
    private Instant notBefore;

    @Column(name = "NOT_AFTER")
    private Instant notAfter;

    /** From when it signs new leaves of its scope (a rollover may set a later time); null while pending. */
    @Column(name = "ACTIVE_FROM")
    private Instant activeFrom;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "REVOKED", nullable = false)
    private boolean revoked;

    @Enumerated(EnumType.STRING)
    @Column(name = "REVOCATION_REASON", length = 32)
    private RevocationReason revocationReason;

    @Column(name = "REVOKED_AT")
    private Instant revokedAt;

    @Embedded
    @AttributeOverride(name = "thisUpdate", column = @Column(name = "CRL_THIS_UPDATE"))
    @AttributeOverride(name = "nextUpdate", column = @Column(name = "CRL_NEXT_UPDATE"))
    @AttributeOverride(name = "revokedCount", column = @Column(name = "CRL_REVOKED_COUNT", nullable = false))
    @AttributeOverride(name = "newestRevocation", column = @Column(name = "CRL_NEWEST_REVOCATION"))
    private CrlCounter crl = new CrlCounter();

    protected IssuingCa() {
    }

    /** A new generation whose key exists in custody; {@link #certify} or {@link #pending} follows. */
    public IssuingCa(String scope, IssueAuthority authority, int generation, String subjectDn, String keyRef,
                     Instant createdAt) {
        this.scope = scope;
        this.authority = authority;
        this.generation = generation;
        this.subjectDn = subjectDn;
        this.keyRef = keyRef;
        this.createdAt = createdAt;
        this.state = State.PENDING;
    }

    /** Waits for a certificate signed elsewhere (offline root). */
    public void pending(String csr) {
        this.csrPem = csr;
        this.state = State.PENDING;
    }

    /** Its certificate, signed by that root: from {@code activeFrom} on it signs its scope's new leaves. */
    public void certify(RootId root, String serialHex, String pem, Instant notBefore, Instant notAfter,
                        Instant activeFrom) {
        if (root.authority() != authority) {
            throw new IllegalArgumentException("an " + authority + " issuing CA under the " + root + " root");
        }
        if (state != State.PENDING) {
            throw new IllegalStateException("issuing CA " + id + " is " + state + ", not pending");
        }
        this.rootGeneration = root.generation();
        this.serialNumber = serialHex;
        this.certPem = pem;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.activeFrom = activeFrom;
        this.state = State.ACTIVE;
    }

    /** No longer signs new leaves (a newer generation took over); still publishes its CRL and answers OCSP. */
    public void retire() {
        if (state == State.ACTIVE) {
            state = State.RETIRED;
        }
    }

    public void revoke(RevocationReason reason, Instant at) {
        if (revoked) {
            throw new CertificateAlreadyRevokedException();
        }
        revoked = true;
        revocationReason = reason;
        revokedAt = at;
        retire();
    }

    /** Whether it signs new leaves of its scope at {@code now}. */
    public boolean signsAt(Instant now) {
        return signsAt(state, revoked, activeFrom, notAfter, now);
    }

    /** The rule: active, not revoked, its start come and its end not yet; also for copies held in memory. */
    public static boolean signsAt(State state, boolean revoked, Instant activeFrom, Instant notAfter, Instant now) {
        return state == State.ACTIVE && !revoked && activeFrom != null && !activeFrom.isAfter(now)
                && notAfter != null && notAfter.isAfter(now);
    }

    public Long getId() { return id; }
    public String getScope() { return scope; }
    public IssueAuthority getAuthority() { return authority; }
    public int getGeneration() { return generation; }
    public RootId root() { return new RootId(authority, rootGeneration); }
    public State getState() { return state; }
    public String getSubjectDn() { return subjectDn; }
    public String getSerialNumber() { return serialNumber; }
    public String getCertPem() { return certPem; }
    public String getCsrPem() { return csrPem; }
    public String getKeyRef() { return keyRef; }
    public Instant getNotBefore() { return notBefore; }
    public Instant getNotAfter() { return notAfter; }
    public Instant getActiveFrom() { return activeFrom; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isRevoked() { return revoked; }
    public RevocationReason getRevocationReason() { return revocationReason; }
    public Instant getRevokedAt() { return revokedAt; }
    public CrlCounter crl() { return crl; }
}
