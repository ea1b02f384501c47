package io.certgate.domain.acme;

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
 * One way to show control of an authorization's name (RFC 8555 8): its type ({@code http-01}, {@code dns-01}), its
 * random token, its status, and why it failed (the kind of error and a detail for the client).
 */
@Entity
@Table(name = "CG_ACME_CHALLENGE")
@NamedQuery(name = AcmeChallenge.OF_AUTHZ, query = "SELECT c FROM AcmeChallenge c WHERE c.authzId = :authz "
        + "ORDER BY c.id")
public class AcmeChallenge {

    public static final String OF_AUTHZ = "AcmeChallenge.ofAuthz";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "AUTHZ_ID", nullable = false)
    private Long authzId;

    @Column(name = "CHALLENGE_TYPE", nullable = false, length = 16)
    private String type;

    @Column(name = "TOKEN", nullable = false, length = 64)
    private String token;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    private AcmeStatus status;

    @Column(name = "VALIDATED_AT")
    private Instant validatedAt;

    @Column(name = "ERROR_KIND", length = 32)
    private String errorKind;

    @Column(name = "ERROR_DETAIL", length = 512)
    private String errorDetail;

    protected AcmeChallenge() {
    }

    public AcmeChallenge(long authzId, String type, String token) {
        this.authzId = authzId;
        this.type = type;
        this.token = token;
        this.status = AcmeStatus.PENDING;
    }

    public void valid(Instant at) {
        status = AcmeStatus.VALID;
        validatedAt = at;
        errorKind = null;
        errorDetail = null;
    }

    public void invalid(String kind, String detail) {
        status = AcmeStatus.INVALID;
        errorKind = kind;
        errorDetail = detail == null || detail.length() <= 512 ? detail : detail.substring(0, 512);
    }

    public Long getId() { return id; }
    public Long getAuthzId() { return authzId; }
    public String getType() { return type; }
    public String getToken() { return token; }
    public AcmeStatus getStatus() { return status; }
    public Instant getValidatedAt() { return validatedAt; }
    public String getErrorKind() { return errorKind; }
    public String getErrorDetail() { return errorDetail; }
}
