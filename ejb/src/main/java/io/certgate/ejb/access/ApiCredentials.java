package io.certgate.ejb.access;

import io.certgate.domain.access.Caller;
import io.certgate.domain.access.AccessToken;
import io.certgate.domain.access.ApiCredential;
import io.certgate.domain.access.CredentialKind;
import io.certgate.domain.access.Nonce;
import io.certgate.ejb.common.Checks;
import io.certgate.ejb.common.MissingParameterException;
import io.certgate.ejb.common.RandomIds;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * API credentials of organizations and their verification: EnOS service accounts (token service, signed
 * requests, bearer tokens) and DigiCert developer keys. Tokens and seen signatures live in the database, so
 * any instance verifies what another issued, and a replay is refused by a primary key.
 */
@Stateless
public class ApiCredentials {

    private static final Logger LOG = Logger.getLogger(ApiCredentials.class.getName());
    public static final Duration TOKEN_LIFETIME = Duration.ofSeconds(7200);
    public static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private Secrets secrets;

    @EJB
    private AuditTrail audit;

    @EJB
    private Nonces nonces;

    /** A new EnOS service account: appKey shaped like a UUID, appSecret too (the SDK needs '-' + hex in both). */
    public ServiceAccount createEnosServiceAccount(Caller caller) {
        return createEnosServiceAccount(caller, UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    /** Creates an EnOS service account with the given key and secret (bootstrap from configuration). */
    public ServiceAccount createEnosServiceAccount(Caller caller, String appKey, String appSecret) {
        String orgId = Checks.identifier("orgId",
                Caller.requireCredentialOrganization(Caller.require(caller).requireOrganization()));
        ApiCredential c = new ApiCredential(orgId, CredentialKind.ENOS_APP, appKey, secrets.encrypt(appSecret),
                caller.actor(), Instant.now());
        em.persist(c);
        audit.record(caller, "credential.create", "enos-app:" + appKey, "created");
        return new ServiceAccount(orgId, appKey, appSecret);
    }

    /** A new DigiCert developer key; the clear key is returned once, only its SHA-256 is stored. */
    public String createDigiCertKey(Caller caller) {
        String key = RandomIds.base64Url(36).toUpperCase().replace('-', 'X')
                .replace('_', 'Y');
        return createDigiCertKey(caller, key);
    }

    public String createDigiCertKey(Caller caller, String key) {
        return createDigiCertKey(caller, key, DigiCertKeyRole.ADMIN, null);
    }

    /**
     * A new DigiCert key with a role and the user behind it (null: the key is its own user), as CertCentral's keys
     * belong to a user and inherit its role; the clear key is returned once.
     */
    public String createDigiCertKey(Caller caller, DigiCertKeyRole role, String user) {
        return createDigiCertKey(caller, RandomIds.base64Url(36).toUpperCase().replace('-', 'X').replace('_', 'Y'),
                role, user);
    }

    private String createDigiCertKey(Caller caller, String key, DigiCertKeyRole role, String user) {
        String orgId = Checks.identifier("orgId",
                Caller.requireCredentialOrganization(Caller.require(caller).requireOrganization()));
        String person = user == null || user.isBlank() ? null : Checks.text("user", user.trim(), 128, false);
        ApiCredential c = new ApiCredential(orgId, CredentialKind.DIGICERT_KEY, digiCertKeyId(key), sha256(key),
                caller.actor(), Instant.now());
        c.actsAs((role == null ? DigiCertKeyRole.ADMIN : role).wireName(), person);
        em.persist(c);
        audit.record(caller, "credential.create", "digicert-key:" + c.getKeyId(), "created; role " + c.getRole()
                + (person == null ? "" : ", user " + person));
        return key;
    }

    /**
     * Who a DigiCert facade actor is for approvals: the role of its key and the user behind it (a rotated key's
     * successor is the same user). Operators ({@code admin:<name>}) and the system decide as admins, as themselves.
     */
    public record KeyHolder(DigiCertKeyRole role, String user) {
    }

    public KeyHolder digiCertKeyHolder(String actor) {
        if (actor != null && actor.startsWith("digicert:")) {
            String keyId = actor.substring("digicert:".length());
            ApiCredential c = find(CredentialKind.DIGICERT_KEY, keyId);
            if (c == null) {
                return new KeyHolder(DigiCertKeyRole.USER, actor);
            }
            return new KeyHolder(DigiCertKeyRole.parse(c.getRole()), person(c));
        }
        if (actor != null && actor.startsWith("admin:")) {
            return new KeyHolder(DigiCertKeyRole.ADMIN, actor.substring("admin:".length()));
        }
        return new KeyHolder(DigiCertKeyRole.ADMIN, String.valueOf(actor));
    }

    /** Disables a DigiCert key of the caller's organization (by the id its first 12 characters make). */
    public void disableDigiCertKey(Caller caller, String keyId) {
        disable(caller, enabled(caller, CredentialKind.DIGICERT_KEY, keyId));
    }

    /** Disables an EnOS service account: its tokens are revoked with it, signed requests fail at once. */
    public void disableEnosServiceAccount(Caller caller, String appKey) {
        disable(caller, enabled(caller, CredentialKind.ENOS_APP, appKey));
    }

    /**
     * A new appSecret for an EnOS service account (same appKey), shown once: the old secret signs nothing from now
     * on, and the tokens issued to it are revoked, so its holder must get a token with the new one.
     */
    public ServiceAccount rotateEnosSecret(Caller caller, String appKey) {
        ApiCredential c = enabled(caller, CredentialKind.ENOS_APP, appKey);
        String secret = UUID.randomUUID().toString();
        c.replaceSecret(secrets.encrypt(secret));
        int revoked = revokeTokens(c);
        audit.record(caller, "credential.rotate", target(c), "new secret; " + revoked + " access tokens revoked");
        return new ServiceAccount(c.getOrgId(), appKey, secret);
    }

    /** A new DigiCert key in place of one (which is disabled); the new key is shown once. */
    public String rotateDigiCertKey(Caller caller, String keyId) {
        ApiCredential old = enabled(caller, CredentialKind.DIGICERT_KEY, keyId);
        old.disable();
        // the same user behind the new key (a key that was its own user passes its identity on)
        String key = createDigiCertKey(caller, DigiCertKeyRole.parse(old.getRole()), person(old));
        audit.record(caller, "credential.rotate", target(old), "disabled; replaced by digicert-key:"
                + digiCertKeyId(key));
        return key;
    }

    /** The user behind a DigiCert key: its user, or the key itself when it has none. */
    private static String person(ApiCredential c) {
        return c.getUserName() == null ? "key:" + c.getKeyId() : c.getUserName();
    }

    /** The organization's EnOS service accounts and DigiCert keys (what is stored of them; never a secret). */
    public List<ApiCredential> list(Caller caller) {
        String orgId = Caller.require(caller).requireOrganization();
        return em.createNamedQuery(ApiCredential.BY_ORG, ApiCredential.class).setParameter("orgId", orgId)
                .getResultList();
    }

    /** A credential of the caller's organization that is enabled (another organization's is unknown). */
    private ApiCredential enabled(Caller caller, CredentialKind kind, String keyId) {
        String orgId = Caller.require(caller).requireOrganization();
        ApiCredential c = keyId == null ? null : find(kind, keyId);
        String what = kind == CredentialKind.ENOS_APP ? "EnOS service account " + keyId : "DigiCert key " + keyId;
        if (c == null || !c.getOrgId().equals(orgId)) {
            throw new UnknownCredentialException(what);
        }
        if (!c.isEnabled()) {
            throw new CredentialDisabledException(what);
        }
        return c;
    }

    private void disable(Caller caller, ApiCredential c) {
        c.disable();
        int revoked = revokeTokens(c);
        audit.record(caller, "credential.disable", target(c), "disabled" + (c.getKind() == CredentialKind.ENOS_APP
                ? "; " + revoked + " access tokens revoked" : ""));
    }

    /** Deletes the credential's access tokens (verification also refuses tokens of a disabled credential). */
    private int revokeTokens(ApiCredential c) {
        return em.createNamedQuery(AccessToken.DELETE_OF_CREDENTIAL).setParameter("credential", c).executeUpdate();
    }

    private static String target(ApiCredential c) {
        return (c.getKind() == CredentialKind.ENOS_APP ? "enos-app:" : "digicert-key:") + c.getKeyId();
    }

    /** The organization of a DigiCert X-DC-DEVKEY. */
    public AuthenticatedCaller authenticateDigiCertKey(String key) {
        if (key == null || key.isBlank()) {
            throw new MissingCredentialException();
        }
        ApiCredential c = find(CredentialKind.DIGICERT_KEY, digiCertKeyId(key));
        if (c == null || !c.isEnabled() || !MessageDigest.isEqual(c.getSecret().getBytes(StandardCharsets.US_ASCII),
                sha256(key).getBytes(StandardCharsets.US_ASCII))) {
            throw new MissingCredentialException();
        }
        return new AuthenticatedCaller(c.getOrgId(), "digicert:" + c.getKeyId());
    }

    /** Has the organization a credential of this kind made by {@code createdBy} (e.g. the bootstrap)? */
    public boolean hasCredentialBy(CredentialKind kind, String orgId, String createdBy) {
        return !em.createQuery("SELECT c.id FROM ApiCredential c WHERE c.kind = :kind AND c.orgId = :orgId "
                        + "AND c.createdBy = :createdBy", Long.class).setParameter("kind", kind).setParameter("orgId", orgId)
                .setParameter("createdBy", createdBy).setMaxResults(1).getResultList().isEmpty();
    }

    public boolean hasCredential(CredentialKind kind, String keyId) {
        return find(kind, keyId) != null;
    }

    /**
     * The EnOS token service: {@code encryption = sha256_hex(appKey + timestamp + appSecret)}, timestamp in
     * milliseconds within 5 minutes of the server's clock, each encryption usable once (also when identical
     * requests race: one gets the token, the others {@link DuplicateEncryptionException}). The request id goes
     * into the log line of the grant.
     */
    public TokenGrant issueToken(String appKey, String encryption, String timestamp, String requestId) {
        if (appKey == null || appKey.isBlank()) {
            throw new MissingParameterException("appKey");
        }
        if (encryption == null || encryption.isBlank()) {
            throw new MissingParameterException("encryption");
        }
        if (timestamp == null || timestamp.isBlank()) {
            throw new MissingParameterException("timestamp");
        }
        Instant now = Instant.now();
        checkWindow(timestamp, "timestamp", now);
        ApiCredential c = find(CredentialKind.ENOS_APP, appKey);
        if (c == null || !c.isEnabled()) {
            throw new UnknownAppKeyException();
        }
        String expected = sha256(appKey + timestamp + secrets.decrypt(c.getSecret()));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                encryption.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidEncryptionException();
        }
        if (!firstUse("enc:" + encryption.toLowerCase(), now)) {
            throw new DuplicateEncryptionException();
        }
        String token = RandomIds.base64Url(32);
        em.persist(new AccessToken(sha256(token), c, now.plus(TOKEN_LIFETIME)));
        LOG.info(() -> "Issued an access token to EnOS service account " + appKey + " of org " + c.getOrgId()
                + " requestId=" + requestId);
        return new TokenGrant(token, TOKEN_LIFETIME.toSeconds());
    }

    /**
     * Verifies a signed EnOS call: {@code signature = sha256_hex(accessToken + paramsData + timestamp + appSecret)}
     * where paramsData is the query parameters sorted by name (name + value each) followed by the raw body.
     */
    public AuthenticatedCaller authenticateSigned(String accessToken, String timestamp, String signature,
                                                  String paramsData) {
        if (accessToken == null || accessToken.isBlank()) {
            throw new MissingCredentialException();
        }
        Instant now = Instant.now();
        AccessToken t = token(accessToken, now);
        checkWindow(timestamp, "apim-timestamp", now);
        if (signature == null || signature.isBlank()) {
            throw new InvalidSignatureException();
        }
        String secret = secrets.decrypt(t.getCredential().getSecret());
        String expected = sha256(accessToken + (paramsData == null ? "" : paramsData) + timestamp + secret);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidSignatureException();
        }
        if (!firstUse("sig:" + signature.toLowerCase(), now)) {
            throw new ReplayedRequestException();
        }
        return caller(t.getCredential());
    }

    /**
     * Verifies {@code Authorization: Bearer <access token>} (how the unmodified EnOS SDK authenticates here). It keeps a
     * transaction of its own although it only reads: without one (SUPPORTS), a refused token rolls back Liberty's local
     * transaction containment, which logs an error (WLTC0017E) for every bad token (LogHygieneIT).
     */
    public AuthenticatedCaller authenticateBearer(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            throw new MissingCredentialException();
        }
        return caller(token(accessToken, Instant.now()).getCredential());
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    public void purgeExpired() {
        Instant now = Instant.now();
        int purged = em.createNamedQuery(Nonce.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
        int tokens = em.createQuery("DELETE FROM AccessToken t WHERE t.expiresAt < :now").setParameter("now", now)
                .executeUpdate();
        if (purged + tokens > 0) {
            LOG.fine(() -> "Purged " + purged + " nonces and " + tokens + " access tokens");
        }
    }

    private AccessToken token(String accessToken, Instant now) {
        // the token with its credential in one statement (an entity lookup reads the credential in a second one)
        AccessToken t = em.createNamedQuery(AccessToken.WITH_CREDENTIAL, AccessToken.class)
                .setParameter("tokenSha256", sha256(accessToken)).getResultList().stream().findFirst().orElse(null);
        if (t == null || t.getExpiresAt().isBefore(now) || !t.getCredential().isEnabled()) {
            throw new TokenExpiredException();
        }
        return t;
    }

    private static AuthenticatedCaller caller(ApiCredential c) {
        return new AuthenticatedCaller(c.getOrgId(), "enos:" + c.getKeyId());
    }

    /** Records a nonce; false when it was already seen (here or on another instance, also in a race). */
    private boolean firstUse(String nonce, Instant now) {
        return nonces.firstUse(sha256(nonce), now.plus(TIMESTAMP_WINDOW.multipliedBy(2)));
    }

    static void checkWindow(String timestamp, String what, Instant now) {
        long ms;
        try {
            ms = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException e) {
            throw new StaleTimestampException(what);
        }
        if (Math.abs(now.toEpochMilli() - ms) > TIMESTAMP_WINDOW.toMillis()) {
            throw new StaleTimestampException(what);
        }
    }

    private ApiCredential find(CredentialKind kind, String keyId) {
        List<ApiCredential> found = em.createNamedQuery(ApiCredential.BY_KIND_AND_KEY, ApiCredential.class)
                .setParameter("kind", kind).setParameter("keyId", keyId).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The public id of a DigiCert key: its first 12 characters. */
    public static String digiCertKeyId(String key) {
        return key.length() <= 12 ? key : key.substring(0, 12);
    }

    public static String sha256(String s) {
        return io.certgate.ejb.common.Digests.sha256Hex(s.getBytes(StandardCharsets.UTF_8));
    }

    /** An EnOS service account as created: the secret is shown this once. */
    public record ServiceAccount(String orgId, String appKey, String appSecret) {
    }
}
