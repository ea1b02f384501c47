package io.certgate.ejb.access;

import io.certgate.domain.access.AdminUser;
import io.certgate.domain.access.Caller;
import io.certgate.domain.access.CallerRequiredException;
import io.certgate.domain.access.OperatorRole;
import io.certgate.ejb.common.RandomIds;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Operators of the admin console and API: each with one role (admin, approver, auditor), created, given another
 * role, disabled and given a new password by an admin; every change in the audit trail (under
 * {@link io.certgate.domain.access.AuditRecord#OPERATORS_ORG}). Passwords are generated here, shown once, and
 * stored as PBKDF2-HMAC-SHA256 hashes in the Jakarta Security format, which the web module's database identity
 * store verifies; it reads only enabled operators, so each change applies to the very next request. The same
 * password is also kept as Liberty's own registry checks it ({@link ServerPasswords}): enabled admins sign in to
 * Liberty's Admin Center with it ({@link AdminCenterOperators}, told of every change once it has committed).
 */
@Stateless
public class AdminUsers {

    static final int PASSWORD_MIN_LENGTH = 12;

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @Inject
    private Pbkdf2PasswordHash hash;

    @EJB
    private AuditTrail audit;

    @Inject
    private Event<OperatorsChanged> changed;

    /** An operator with its password as generated (shown this once). */
    public record WithPassword(AdminUser operator, String password) {
        @Override
        public String toString() { // never print the password
            return "WithPassword[" + operator.getUsername() + "]";
        }
    }

    public boolean exists(String username) {
        return em.find(AdminUser.class, username) != null;
    }

    /** A hash of nothing anyone knows, with the parameters of every operator's hash: what a failed check costs. */
    private static volatile String decoy;

    /**
     * After a refused sign-in: when no enabled operator has this name, spends one password check on a decoy hash, so
     * that a wrong name takes as long as a wrong password (before: about 30 ms against 58 ms; issue 18, 6).
     */
    public void spendLikeAPasswordCheck(String username, char[] password) {
        if (enabledRole(username).isPresent()) {
            return; // the identity store checked its hash already
        }
        String d = decoy;
        if (d == null) {
            d = hash(RandomIds.base64Url(18).toCharArray());
            decoy = d;
        }
        hash.verify(password == null ? new char[0] : password, d);
    }

    /** The first admin, from configuration (bootstrap). */
    public void createFirstAdmin(Caller bootstrap, String username, char[] password) {
        persist(bootstrap, OperatorRules.name(username), password, OperatorRole.ADMIN);
    }

    /**
     * The role of the operator when it is enabled, else empty (unknown or disabled): what a console session asks on
     * every request, as the identity store asks the database on every Basic request of the admin API.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Optional<OperatorRole> enabledRole(String username) {
        AdminUser u = username == null ? null : em.find(AdminUser.class, username);
        return u != null && u.isEnabled() ? java.util.Optional.of(u.getRole()) : java.util.Optional.empty();
    }

    /**
     * What a console session keeps of the credential it signed in with: a digest of the operator's password hash.
     * Every new password is hashed with a new salt, so a changed password changes the stamp; empty for an unknown
     * or disabled operator.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Optional<String> credentialStamp(String username) {
        AdminUser u = username == null ? null : em.find(AdminUser.class, username);
        return u != null && u.isEnabled() ? java.util.Optional.of(stamp(u)) : java.util.Optional.empty();
    }

    /**
     * The role of a signed-in session's operator while it is enabled and its password is still the one the session
     * signed in with (the stamp of {@link #credentialStamp}); empty once it is disabled or has a new password, so
     * such a change ends its other sessions at their next request.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Optional<OperatorRole> sessionRole(String username, String stamp) {
        AdminUser u = username == null ? null : em.find(AdminUser.class, username);
        return u != null && u.isEnabled() && stamp(u).equals(stamp) ? java.util.Optional.of(u.getRole())
                : java.util.Optional.empty();
    }

    static String stamp(AdminUser u) {
        return io.certgate.ejb.common.Digests.sha256Hex(u.getPasswordHash().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AdminUser> list() {
        return em.createNamedQuery(AdminUser.ALL, AdminUser.class).getResultList();
    }

    public WithPassword create(Caller operator, String username, String role) {
        require(operator);
        String name = OperatorRules.name(username);
        OperatorRole r = OperatorRules.role(role);
        if (exists(name)) {
            throw new DuplicateOperatorException(name);
        }
        String password = RandomIds.base64Url(18);
        return new WithPassword(persist(operator, name, password.toCharArray(), r), password);
    }

    public AdminUser changeRole(Caller operator, String username, String role) {
        require(operator);
        OperatorRole r = OperatorRules.role(role);
        long admins = lockEnabledAdmins();
        AdminUser u = find(username);
        OperatorRole before = u.getRole();
        OperatorRules.notOneself(operator.actor(), u, r, u.isEnabled());
        OperatorRules.keepAnAdmin(u, r, u.isEnabled(), admins);
        u.changeRole(r);
        audit.recordOperatorChange(operator, "operator.role", "operator:" + u.getUsername(),
                "role " + before.roleName() + " -> " + r.roleName());
        changed.fire(new OperatorsChanged(u.getUsername()));
        return u;
    }

    public AdminUser disable(Caller operator, String username) {
        require(operator);
        long admins = lockEnabledAdmins();
        AdminUser u = find(username);
        if (!u.isEnabled()) {
            throw new CredentialDisabledException("operator " + u.getUsername());
        }
        OperatorRules.notOneself(operator.actor(), u, u.getRole(), false);
        OperatorRules.keepAnAdmin(u, u.getRole(), false, admins);
        u.disable();
        audit.recordOperatorChange(operator, "operator.disable", "operator:" + u.getUsername(), "disabled");
        changed.fire(new OperatorsChanged(u.getUsername()));
        return u;
    }

    /** A disabled operator signs in again from the next request on, with its role and password of before. */
    public AdminUser enable(Caller operator, String username) {
        require(operator);
        AdminUser u = find(username);
        if (u.isEnabled()) {
            throw new OperatorEnabledException(u.getUsername());
        }
        u.enable();
        audit.recordOperatorChange(operator, "operator.enable", "operator:" + u.getUsername(), "enabled");
        changed.fire(new OperatorsChanged(u.getUsername()));
        return u;
    }

    /** A new generated password in place of the old one, which stops working at once. */
    public WithPassword rotatePassword(Caller operator, String username) {
        require(operator);
        AdminUser u = find(username);
        if (!u.isEnabled()) {
            throw new CredentialDisabledException("operator " + u.getUsername());
        }
        char[] password = RandomIds.base64Url(18).toCharArray();
        u.changePassword(hash(password), ServerPasswords.hash(password).orElse(null));
        audit.recordOperatorChange(operator, "operator.password", "operator:" + u.getUsername(), "password rotated");
        changed.fire(new OperatorsChanged(u.getUsername()));
        return new WithPassword(u, new String(password));
    }

    private AdminUser persist(Caller operator, String name, char[] password, OperatorRole role) {
        AdminUser u = new AdminUser(name, hash(password), ServerPasswords.hash(password).orElse(null), role,
                Instant.now());
        em.persist(u);
        audit.recordOperatorChange(operator, "operator.create", "operator:" + name, "created with role "
                + role.roleName());
        changed.fire(new OperatorsChanged(name));
        return u;
    }

    /**
     * Locks the enabled admins' rows until the transaction ends and counts them: two operators disabling the last
     * two admins at once are serialized, and the second sees only one left.
     */
    private long lockEnabledAdmins() {
        return em.createNamedQuery(AdminUser.ENABLED_IN_ROLE, AdminUser.class)
                .setParameter("role", OperatorRole.ADMIN.roleName()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().size();
    }

    private AdminUser find(String username) {
        AdminUser u = username == null ? null : em.find(AdminUser.class, username);
        if (u == null) {
            throw new UnknownOperatorException(username);
        }
        return u;
    }

    private String hash(char[] password) {
        if (password.length < PASSWORD_MIN_LENGTH) {
            throw new IllegalArgumentException("operator passwords must have at least " + PASSWORD_MIN_LENGTH
                    + " characters");
        }
        hash.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "100000", "Pbkdf2PasswordHash.SaltSizeBytes", "16"));
        return hash.generate(password);
    }

    private static void require(Caller operator) {
        if (operator == null) {
            throw new CallerRequiredException();
        }
    }
}
