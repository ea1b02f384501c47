package io.certgate.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** An EnOS access token, stored by its SHA-256 (the token itself is only ever with the client). */
@Entity
@Table(name = "CG_ACCESS_TOKEN")
@jakarta.persistence.NamedQuery(name = AccessToken.DELETE_OF_CREDENTIAL,
        query = "DELETE FROM AccessToken t WHERE t.credential = :credential")
@jakarta.persistence.NamedQuery(name = AccessToken.WITH_CREDENTIAL,
        query = "SELECT t FROM AccessToken t JOIN FETCH t.credential WHERE t.tokenSha256 = :tokenSha256")
public class AccessToken {

    public static final String WITH_CREDENTIAL = "AccessToken.withCredential";
    public static final String DELETE_OF_CREDENTIAL = "AccessToken.deleteOfCredential";

    @Id
    @Column(name = "TOKEN_SHA256", length = 64)
    private String tokenSha256;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "CREDENTIAL_ID", nullable = false)
    private ApiCredential credential;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected AccessToken() {
    }

    public AccessToken(String tokenSha256, ApiCredential credential, Instant expiresAt) {
        this.tokenSha256 = tokenSha256;
        this.credential = credential;
        this.expiresAt = expiresAt;
    }

    public String getTokenSha256() { return tokenSha256; }
    public ApiCredential getCredential() { return credential; }
    public Instant getExpiresAt() { return expiresAt; }
}
