package io.certgate.ejb.acme;

import io.certgate.domain.access.Caller;
import io.certgate.domain.acme.AcmeAccount;
import io.certgate.domain.acme.AcmeEabKey;
import io.certgate.ejb.access.AuditTrail;
import io.certgate.ejb.access.Secrets;
import io.certgate.ejb.common.RandomIds;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * ACME accounts and how requests authenticate (RFC 8555 6.2, 6.5, 7.3): a request's JWS is verified, its URL compared
 * and its nonce used before anything reads its payload ({@link #authenticate}); an account is created only with an
 * external account binding key an operator made for the directory's organization, which it then belongs to, unless
 * the setting {@code certgate.acme.open.registration.org} names that organization (a lab); key change (7.3.5). The
 * operators' side: binding keys made (the HMAC key shown once), listed and disabled; accounts listed.
 */
@Stateless
public class AcmeAccounts {

    /** Contact URLs: mailto with one address, at most this many. */
    static final int MAX_CONTACTS = 4;
    private static final Pattern MAILTO = Pattern.compile("mailto:[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,189}");
    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private AcmeNonces nonces;

    @EJB
    private Secrets secrets;

    @EJB
    private AuditTrail audit;

    /** Whether the organization has an ACME directory: an operator made a binding key for it, or it is open. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean directoryExists(String org) {
        if (org == null || !ORG_ID.matcher(org).matches() || Caller.SERVER_ORG.equals(org)) {
            return false;
        }
        return org.equals(openOrganization().orElse(null)) || !em.createQuery(
                "SELECT k.id FROM AcmeEabKey k WHERE k.orgId = :org", Long.class).setParameter("org", org)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether new accounts of this organization need an external account binding (the directory's meta). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean externalAccountRequired(String org) {
        return !org.equals(openOrganization().orElse(null));
    }

    /**
     * A request signed by an account of the directory ({@code kid}): parsed, its URL the one it was sent to, its
     * signature verified with the account's key, its nonce used. The account must be valid.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Verified authenticate(AcmeCall call) {
        Jws jws = Jws.parse(call.body());
        if (jws.kid() == null) {
            throw new AcmeException(AcmeError.MALFORMED, "this request must be signed by an account (kid), not a jwk");
        }
        return verified(call, jws);
    }

    /** A request signed with a {@code jwk} (new account), or by an account ({@code kid}: revocation). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Verified authenticateKeyOrAccount(AcmeCall call, boolean accountAllowed) {
        Jws jws = Jws.parse(call.body());
        if (jws.kid() != null && !accountAllowed) {
            throw new AcmeException(AcmeError.MALFORMED, "this request must be signed with a jwk, not a kid");
        }
        return verified(call, jws);
    }

    private Verified verified(AcmeCall call, Jws jws) {
        if (!jws.url().equals(call.url())) {
            throw new AcmeException(AcmeError.UNAUTHORIZED, "the JWS url is not the URL the request was sent to");
        }
        AcmeAccount account = null;
        Jwk key;
        if (jws.kid() != null) {
            account = accountOfKid(call, jws.kid());
            key = Jwk.parseCanonical(account.getJwk());
        } else {
            key = Jwk.parse(jws.jwk());
        }
        jws.verify(key);
        if (!nonces.use(jws.nonce())) {
            throw new AcmeException(AcmeError.BAD_NONCE, "the nonce was used before, has expired or was never issued");
        }
        if (account != null && !account.isValid()) {
            throw new AcmeException(AcmeError.UNAUTHORIZED, "the account is " + account.getStatus().wire());
        }
        return new Verified(call.org(), account, key, jws, call.requestId());
    }

    private AcmeAccount accountOfKid(AcmeCall call, String kid) {
        if (!kid.startsWith(call.accountUrlPrefix())) {
            throw new AcmeException(AcmeError.ACCOUNT_DOES_NOT_EXIST, "the kid is no account of this directory");
        }
        AcmeAccount account = null;
        try {
            account = em.find(AcmeAccount.class, Long.parseLong(kid.substring(call.accountUrlPrefix().length())));
        } catch (NumberFormatException e) {
            // below
        }
        if (account == null || !account.getOrgId().equals(call.org())) {
            throw new AcmeException(AcmeError.ACCOUNT_DOES_NOT_EXIST, "the kid is no account of this directory");
        }
        return account;
    }

    /** What newAccount asks (RFC 8555 7.3): contact URLs, whether only an existing account, the binding (a JWS). */
    public record NewAccount(List<String> contact, boolean termsOfServiceAgreed, boolean onlyReturnExisting,
                             String externalAccountBinding) {
    }

    /** The account, and whether this request created it. */
    public record Registration(AcmeAccount account, boolean created) {
    }

    /**
     * The account of the signing key in this directory, or a new one, bound by the external account binding key
     * (RFC 8555 7.3.4): its MAC over the account key, its key id an operator's usable key of this organization, its
     * URL the request's. The binding key is used up.
     */
    public Registration newAccount(Verified request, NewAccount asked) {
        String org = request.org();
        Optional<AcmeAccount> existing = em.createNamedQuery(AcmeAccount.BY_ORG_AND_THUMBPRINT, AcmeAccount.class)
                .setParameter("orgId", org).setParameter("thumbprint", request.key().thumbprint()).getResultList()
                .stream().findFirst();
        if (existing.isPresent()) {
            if (!existing.get().isValid()) {
                throw new AcmeException(AcmeError.UNAUTHORIZED, "the account of this key is deactivated");
            }
            return new Registration(existing.get(), false);
        }
        if (asked.onlyReturnExisting()) {
            throw new AcmeException(AcmeError.ACCOUNT_DOES_NOT_EXIST, "no account has this key");
        }
        String contact = contactLines(asked.contact());
        AcmeEabKey binding = null;
        if (asked.externalAccountBinding() != null) {
            binding = binding(request, asked.externalAccountBinding());
        } else if (externalAccountRequired(org)) {
            throw new AcmeException(AcmeError.EXTERNAL_ACCOUNT_REQUIRED,
                    "an account of this directory needs an external account binding key from an operator");
        }
        Instant now = Instant.now();
        AcmeAccount account = new AcmeAccount(org, request.key().thumbprint(), request.key().canonical(), contact,
                binding == null ? null : binding.getKeyId(), now);
        em.persist(account);
        em.flush();
        if (binding != null) {
            binding.bound(account.getId(), now);
        }
        audit.record(Caller.of(org, "acme:" + account.getId(), request.requestId()), "acme.account.create",
                "acmeAccount=" + account.getId(), binding == null ? "open registration"
                        : "bound by key " + binding.getKeyId());
        return new Registration(account, true);
    }

    private AcmeEabKey binding(Verified request, String eabJson) {
        Jws eab = Jws.parseAny(eabJson);
        if (!eab.alg().startsWith("HS")) {
            throw new AcmeException(AcmeError.MALFORMED, "the external account binding must be a MAC (HS256)");
        }
        if (eab.nonce() != null || eab.jwk() != null || eab.kid() == null) {
            throw new AcmeException(AcmeError.MALFORMED, "the external account binding names a kid, and no nonce "
                    + "nor jwk");
        }
        if (!eab.url().equals(request.jws().url())) {
            throw new AcmeException(AcmeError.UNAUTHORIZED, "the external account binding names another URL");
        }
        Jwk bound;
        try {
            bound = Jwk.parse(eab.payloadObject());
        } catch (AcmeException e) {
            throw new AcmeException(AcmeError.MALFORMED, "the external account binding's payload is not the account key");
        }
        if (!bound.thumbprint().equals(request.key().thumbprint())) {
            throw new AcmeException(AcmeError.UNAUTHORIZED, "the external account binding is for another key");
        }
        AcmeEabKey key = em.createNamedQuery(AcmeEabKey.BY_KEY_ID, AcmeEabKey.class).setParameter("keyId", eab.kid())
                .getResultList().stream().findFirst().orElse(null);
        if (key != null) {
            em.refresh(key, LockModeType.PESSIMISTIC_WRITE); // two accounts racing for one key: one binds it
        }
        if (key == null || !key.getOrgId().equals(request.org()) || !key.isUsable()
                || !eab.macValid(Jws.base64Url(secrets.decrypt(key.getSealedHmacKey())))) {
            throw new AcmeException(AcmeError.UNAUTHORIZED,
                    "the external account binding's key is unknown, used, disabled or its MAC does not verify");
        }
        return key;
    }

    /** The account at its URL, to its own key only; with an update: new contacts, or deactivated (RFC 8555 7.3.2). */
    public AcmeAccount account(Verified request, long accountId, List<String> contact, boolean deactivate) {
        AcmeAccount account = request.requireAccount();
        if (account.getId() != accountId) {
            throw new AcmeException(AcmeError.UNAUTHORIZED, "an account reads and changes only itself");
        }
        AcmeAccount managed = em.find(AcmeAccount.class, accountId);
        if (contact != null) {
            managed.contact(contactLines(contact));
        }
        if (deactivate) {
            managed.deactivate();
            audit.record(request.caller(), "acme.account.deactivate", "acmeAccount=" + accountId, "deactivated");
        }
        return managed;
    }

    /**
     * Key change (RFC 8555 7.3.5): the inner JWS, signed by the new key ({@code jwk}) for the same URL, names this
     * account and its current key. A key another account of the directory has is a conflict.
     */
    public AcmeAccount changeKey(Verified request, String accountUrl, String innerJws) {
        AcmeAccount account = request.requireAccount();
        Jws inner = Jws.parseAny(innerJws);
        if (!Jws.ALGORITHMS.contains(inner.alg()) || inner.jwk() == null || inner.kid() != null) {
            throw new AcmeException(AcmeError.MALFORMED, "the inner JWS is signed by the new key, with its jwk");
        }
        if (!inner.url().equals(request.jws().url())) {
            throw new AcmeException(AcmeError.MALFORMED, "the inner JWS names another URL");
        }
        Jwk newKey = Jwk.parse(inner.jwk());
        inner.verify(newKey);
        jakarta.json.JsonObject payload = inner.payloadObject();
        if (!accountUrl.equals(payload.getString("account", null))) {
            throw new AcmeException(AcmeError.MALFORMED, "the inner payload names another account");
        }
        jakarta.json.JsonValue oldKey = payload.get("oldKey");
        if (!(oldKey instanceof jakarta.json.JsonObject old)
                || !Jwk.parse(old).thumbprint().equals(account.getKeyThumbprint())) {
            throw new AcmeException(AcmeError.MALFORMED, "the inner payload's oldKey is not the account's key");
        }
        List<AcmeAccount> holder = em.createNamedQuery(AcmeAccount.BY_ORG_AND_THUMBPRINT, AcmeAccount.class)
                .setParameter("orgId", request.org()).setParameter("thumbprint", newKey.thumbprint()).getResultList();
        if (!holder.isEmpty()) {
            throw new AcmeException(AcmeError.CONFLICT, "another account has the new key",
                    String.valueOf(holder.get(0).getId()));
        }
        AcmeAccount managed = em.find(AcmeAccount.class, account.getId());
        managed.rekey(newKey.thumbprint(), newKey.canonical());
        audit.record(request.caller(), "acme.account.key-change", "acmeAccount=" + account.getId(),
                "new key " + newKey.thumbprint());
        return managed;
    }

    /** A binding key made by an operator: its id and the HMAC key (base64url), shown this once. */
    public record EabKeyCreated(String orgId, String keyId, String hmacKey) {
    }

    /**
     * Makes an external account binding key for the caller's organization (an operator acting for it; audited; the
     * HMAC key is stored sealed).
     */
    public EabKeyCreated createEabKey(Caller operator) {
        String orgId = Caller.requireCredentialOrganization(Caller.require(operator).requireOrganization());
        if (!ORG_ID.matcher(orgId).matches()) {
            throw new io.certgate.ejb.common.InvalidArgumentException("not an organization id: " + orgId);
        }
        String keyId = "eab-" + RandomIds.alphanumeric(20);
        String hmac = RandomIds.base64Url(32);
        em.persist(new AcmeEabKey(orgId, keyId, secrets.encrypt(hmac), Instant.now(), operator.actor()));
        audit.record(operator, "acme.eab-key.create", "keyId=" + keyId, "created");
        return new EabKeyCreated(orgId, keyId, hmac);
    }

    /** The caller's organization's binding keys, newest first (never a secret). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AcmeEabKey> eabKeys(Caller caller) {
        String orgId = Caller.require(caller).requireOrganization();
        return em.createNamedQuery(AcmeEabKey.BY_ORG, AcmeEabKey.class).setParameter("orgId", orgId)
                .setMaxResults(500).getResultList();
    }

    /** Disables a binding key (a used one has done its work: deactivate its account instead). */
    public AcmeEabKey disableEabKey(Caller operator, String keyId) {
        String orgId = Caller.require(operator).requireOrganization();
        AcmeEabKey key = em.createNamedQuery(AcmeEabKey.BY_KEY_ID, AcmeEabKey.class).setParameter("keyId", keyId)
                .getResultList().stream().filter(k -> k.getOrgId().equals(orgId)).findFirst()
                .orElseThrow(() -> new io.certgate.ejb.access.UnknownCredentialException("ACME binding key " + keyId));
        key.disable();
        audit.record(operator, "acme.eab-key.disable", "keyId=" + keyId, "disabled");
        return key;
    }

    /** The caller's organization's accounts, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AcmeAccount> accounts(Caller caller) {
        String orgId = Caller.require(caller).requireOrganization();
        return em.createNamedQuery(AcmeAccount.BY_ORG, AcmeAccount.class).setParameter("orgId", orgId)
                .setMaxResults(500).getResultList();
    }

    /** An operator deactivates an account of the organization (its orders and authorizations stop working). */
    public AcmeAccount deactivate(Caller operator, long accountId) {
        String orgId = Caller.require(operator).requireOrganization();
        AcmeAccount account = em.find(AcmeAccount.class, accountId);
        if (account == null || !account.getOrgId().equals(orgId)) {
            throw new io.certgate.ejb.access.UnknownCredentialException("ACME account " + accountId);
        }
        account.deactivate();
        audit.record(operator, "acme.account.deactivate", "acmeAccount=" + accountId, "deactivated by an operator");
        return account;
    }

    private static String contactLines(List<String> contact) {
        if (contact == null || contact.isEmpty()) {
            return null;
        }
        if (contact.size() > MAX_CONTACTS) {
            throw new AcmeException(AcmeError.INVALID_CONTACT, "at most " + MAX_CONTACTS + " contacts");
        }
        for (String c : contact) {
            if (c == null || !c.startsWith("mailto:")) {
                throw new AcmeException(AcmeError.UNSUPPORTED_CONTACT, "only mailto: contacts are supported");
            }
            if (!MAILTO.matcher(c).matches()) {
                throw new AcmeException(AcmeError.INVALID_CONTACT, "not one e-mail address: "
                        + Jwk.printable(c));
            }
        }
        return String.join("\n", contact);
    }

    private static Optional<String> openOrganization() {
        return ConfigProvider.getConfig().getOptionalValue("certgate.acme.open.registration.org", String.class)
                .map(String::trim).filter(s -> !s.isEmpty());
    }
}
