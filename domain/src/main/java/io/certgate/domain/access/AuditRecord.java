package io.certgate.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One state change: who, in which organization, did what to what, with what outcome, when, in which request. */
@Entity
@Table(name = "CG_AUDIT")
@NamedQuery(name = AuditRecord.BY_ORG, query = "SELECT a FROM AuditRecord a WHERE a.orgId = :orgId ORDER BY a.id DESC")
public class AuditRecord {

    public static final String BY_ORG = "AuditRecord.byOrg";

    /**
     * Where operator management (operators, roles, passwords) is recorded: it belongs to no organization, and the
     * trail's organization column is required. No organization can be named so ({@link Caller#actingFor}).
     */
    public static final String OPERATORS_ORG = "_operators";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "AT_TIME", nullable = false)
    private Instant at;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @Column(name = "ACTOR", nullable = false, length = 128)
    private String actor;

    @Column(name = "ACTION", nullable = false, length = 64)
    private String action;

    @Column(name = "TARGET", nullable = false, length = 256)
    private String target;

    @Column(name = "OUTCOME", nullable = false, length = 256)
    private String outcome;

    @Column(name = "REQUEST_ID", nullable = false, length = 64)
    private String requestId;

    protected AuditRecord() {
    }

    public AuditRecord(Instant at, String orgId, String actor, String action, String target, String outcome,
                       String requestId) {
        this.at = at;
        this.orgId = orgId;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.outcome = outcome;
        this.requestId = requestId;
    }

    public Long getId() { return id; }
    public Instant getAt() { return at; }
    public String getOrgId() { return orgId; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getTarget() { return target; }
    public String getOutcome() { return outcome; }
    public String getRequestId() { return requestId; }
}
