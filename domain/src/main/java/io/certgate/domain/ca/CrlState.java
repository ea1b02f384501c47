package io.certgate.domain.ca;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Column;
import jakarta.persistence.Table;

/** The CRL a root last published (see {@link CrlCounter}); one row per root. */
@Entity
@Table(name = "CG_CRL")
public class CrlState {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "AUTHORITY", length = 8)
    private IssueAuthority authority;

    @Embedded
    private CrlCounter counter = new CrlCounter();

    protected CrlState() {
    }

    public IssueAuthority getAuthority() { return authority; }
    public CrlCounter counter() { return counter; }
}
