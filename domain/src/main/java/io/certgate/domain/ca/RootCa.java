package io.certgate.domain.ca;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A root generation after the first (root rollover): its certificate, made by the root ceremony, whose key stays
 * there. New issuing CAs of its algorithm are made under the newest generation; the older roots stay trusted and
 * keep their issuing CAs valid until those expire.
 */
@Entity
@Table(name = "CG_ROOT_CA")
@NamedQuery(name = RootCa.ALL, query = "SELECT r FROM RootCa r ORDER BY r.rootId")
public class RootCa {

    public static final String ALL = "RootCa.all";

    /** {@link RootId}'s text form, e.g. {@code RSA-G2}. */
    @Id
    @Column(name = "ROOT_ID", length = 8)
    private String rootId;

    @Column(name = "CERT_PEM", nullable = false, length = 8000)
    private String certPem;

    @Column(name = "ADDED_AT", nullable = false)
    private Instant addedAt;

    protected RootCa() {
    }

    public RootCa(RootId id, String certPem, Instant addedAt) {
        if (id.isFirst()) {
            throw new IllegalArgumentException("the first generation is the server's own root");
        }
        this.rootId = id.toString();
        this.certPem = certPem;
        this.addedAt = addedAt;
    }

    public RootId id() {
        return RootId.parse(rootId).orElseThrow(() -> new IllegalStateException("bad root id " + rootId));
    }

    public String getCertPem() { return certPem; }
    public Instant getAddedAt() { return addedAt; }
}
