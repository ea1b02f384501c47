package io.certgate.ejb.enrollment;

import io.certgate.domain.access.RaAccount;
import io.certgate.domain.ca.CertificateStatus;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.ejb.access.RaAccounts;
import io.certgate.ejb.access.UnknownAccountException;
import io.certgate.ejb.ca.CertificateLedger;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * How the CertManager facade authenticates an RA account: the TLS client certificate must be an enabled account's
 * ({@code access}) and, in the ledger ({@code ca}), that very certificate of the same organization, neither revoked
 * nor expired. TLS only proves the certificate chains to a certgate root; the account and the ledger may have
 * ended it since. This lives in {@code enrollment}, which may call both, so that {@code access} keeps not calling
 * {@code ca}. Any failure is {@link UnknownAccountException}: the facade's not-authenticated answer.
 */
@Stateless
public class RaAuthentication {

    @EJB
    private RaAccounts accounts;

    @EJB
    private CertificateLedger ledger;

    public RaAccount authenticate(X509Certificate clientCertificate) {
        RaAccount account = accounts.holderOf(clientCertificate);
        IssuedCertificate cert = ledger.presented(clientCertificate).orElse(null);
        if (!accepts(account, cert, Instant.now())) {
            throw new UnknownAccountException();
        }
        accounts.recordClientCertificate(account, cert.getCertSn());
        return account;
    }

    /**
     * Whether the ledger's record of the presented certificate lets the (enabled) account in: there is one, of the
     * account's organization, and it is valid now (not revoked, not expired). A certificate the ledger does not
     * have cannot be checked, so it is refused.
     */
    static boolean accepts(RaAccount account, IssuedCertificate cert, Instant now) {
        return cert != null && cert.getOrgId().equals(account.getOrgId())
                && cert.statusAt(now) == CertificateStatus.VALID;
    }
}
