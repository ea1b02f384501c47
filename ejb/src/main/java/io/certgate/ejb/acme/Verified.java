package io.certgate.ejb.acme;

import io.certgate.domain.access.Caller;
import io.certgate.domain.acme.AcmeAccount;

/**
 * A request whose JWS verified, whose URL matched and whose nonce was fresh: the organization, the account that
 * signed it (none for a request signed with a {@code jwk}: new accounts, revocation by the certificate's key), the
 * signer's key and the JWS. Only this package makes one, so a facade cannot act on a payload nobody authenticated.
 */
public final class Verified {

    private final String org;
    private final AcmeAccount account;
    private final Jwk key;
    private final Jws jws;
    private final String requestId;

    Verified(String org, AcmeAccount account, Jwk key, Jws jws, String requestId) {
        this.org = org;
        this.account = account;
        this.key = key;
        this.jws = jws;
        this.requestId = requestId;
    }

    public String org() {
        return org;
    }

    /** The account that signed, or null (a {@code jwk} request). */
    public AcmeAccount account() {
        return account;
    }

    public Jwk key() {
        return key;
    }

    public Jws jws() {
        return jws;
    }

    public String requestId() {
        return requestId;
    }

    /** The account that signed; {@link AcmeError#MALFORMED} for a request signed with a {@code jwk}. */
    AcmeAccount requireAccount() {
        if (account == null) {
            throw new AcmeException(AcmeError.MALFORMED, "this request must be signed by an account (kid)");
        }
        return account;
    }

    /** The caller the ledger and the audit trail see: the organization, as {@code acme:<account id>}. */
    Caller caller() {
        return Caller.of(org, account == null ? "acme:key-" + key.thumbprint().substring(0, 12)
                : "acme:" + account.getId(), requestId);
    }
}
