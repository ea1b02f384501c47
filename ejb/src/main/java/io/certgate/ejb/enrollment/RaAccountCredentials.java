package io.certgate.ejb.enrollment;

import io.certgate.domain.access.Caller;
import io.certgate.domain.access.RaAccount;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.ejb.access.RaAccounts;
import io.certgate.ejb.ca.CertificateLedger;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.ArrayList;
import java.util.List;

/**
 * An organization's RA accounts as operators see and end them: each with its client certificate from the ledger;
 * disabling an account also revokes that certificate (privilegeWithdrawn) in the same transaction, so it is on
 * the CRL and in OCSP too. Here, not in {@code access}, because {@code access} does not call {@code ca}.
 */
@Stateless
public class RaAccountCredentials {

    /** An account and its client certificate (null when the ledger's certSn is not known yet: made before schema 7). */
    public record WithCertificate(RaAccount account, IssuedCertificate certificate) {
    }

    @EJB
    private RaAccounts accounts;

    @EJB
    private CertificateLedger ledger;

    public List<WithCertificate> list(Caller caller) {
        Caller.require(caller);
        List<WithCertificate> out = new ArrayList<>();
        for (RaAccount a : accounts.list(caller)) {
            out.add(new WithCertificate(a, a.getClientCertSn() == null ? null : ledger.find(caller, a.getClientCertSn())));
        }
        return out;
    }

    /** Disables the account and revokes its client certificate unless that is revoked already. */
    public WithCertificate disable(Caller caller, String name) {
        Caller.require(caller);
        RaAccount a = accounts.disable(caller, name);
        if (a.getClientCertSn() == null) {
            return new WithCertificate(a, null); // never authenticated since schema 7; disabled is enough to refuse it
        }
        IssuedCertificate cert = ledger.find(caller, a.getClientCertSn());
        if (!cert.isRevoked()) {
            ledger.revoke(caller, cert, RevocationReason.PRIVILEGE_WITHDRAWN, "ra-account=" + a.getName());
        }
        return new WithCertificate(a, cert);
    }
}
