package io.certgate.domain.ca;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A root's CRL signed by the root ceremony (offline root), imported by an operator and served as it is. */
@Entity
@Table(name = "CG_IMPORTED_CRL")
public class ImportedCrl {

    /** The root generation's {@link RootId} text ({@code RSA}, {@code ECC-G2}); the column predates generations. */
    @Id
    @Column(name = "AUTHORITY", length = 8)
    private String rootId;

    /** Base64 of the DER CRL. */
    @Column(name = "CRL_DER", nullable = false, length = 32000)
    private String crlBase64;

    @Column(name = "CRL_NUMBER", nullable = false)
    private long crlNumber;

    @Column(name = "NEXT_UPDATE", nullable = false)
    private Instant nextUpdate;

    @Column(name = "IMPORTED_AT", nullable = false)
    private Instant importedAt;

    protected ImportedCrl() {
    }

    public ImportedCrl(RootId root) {
        this.rootId = root.toString();
    }

    public void replace(String crlBase64, long crlNumber, Instant nextUpdate, Instant importedAt) {
        this.crlBase64 = crlBase64;
        this.crlNumber = crlNumber;
        this.nextUpdate = nextUpdate;
        this.importedAt = importedAt;
    }

    public RootId root() { return RootId.parse(rootId).orElseThrow(); }
    public String getCrlBase64() { return crlBase64; }
    public long getCrlNumber() { return crlNumber; }
    public Instant getNextUpdate() { return nextUpdate; }
    public Instant getImportedAt() { return importedAt; }
}
