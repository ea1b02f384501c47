package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuingCa;
import io.certgate.domain.ca.RootId;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * An issuing CA as this instance holds it in memory: its row's facts and its parsed certificate (null while it waits
 * for the ceremony). Immutable; the registry replaces it when the row changes.
 */
public record LoadedIssuingCa(long id, String scope, IssueAuthority authority, int generation, IssuingCa.State state,
                              X509Certificate certificate, String keyRef, Instant activeFrom, Instant notAfter,
                              boolean revoked, RootId root) {

    static LoadedIssuingCa of(IssuingCa row) {
        X509Certificate cert = row.getCertPem() == null ? null : Pem.parseX509(row.getCertPem());
        return new LoadedIssuingCa(row.getId(), row.getScope(), row.getAuthority(), row.getGeneration(),
                row.getState(), cert, row.getKeyRef(), row.getActiveFrom(), row.getNotAfter(), row.isRevoked(),
                row.root());
    }

    /** Whether it signs new leaves of its scope at {@code now} (the newest such generation does). */
    public boolean signsAt(Instant now) {
        return IssuingCa.signsAt(state, revoked, activeFrom, notAfter, now);
    }

    @Override
    public String toString() { // never the key handle: for PKCS#12 custody it holds the encrypted key
        return "IssuingCa[" + id + " " + scope + " " + authority + " G" + generation + " " + state + " under " + root + "]";
    }
}
