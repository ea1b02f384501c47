package io.certgate.ejb.access;

import io.certgate.domain.access.AuditRecord;
import io.certgate.domain.access.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Operators' sign-ins, whatever the way (HTTP Basic on the admin API, the console's sign-in form), through the same
 * two methods: {@link #refusal} before the password is checked, {@link #failed} after a refused one. Failed
 * sign-ins are audit records (under {@link AuditRecord#OPERATORS_ORG}, action {@value #FAILED}, actor
 * {@code admin:<name>}, target {@code address=<client address>}), so every instance sharing the database counts the
 * same failures; the rule is {@link SignInThrottle}. The failure that reaches a limit adds a record
 * {@value #THROTTLED}; each sign-in refused by the throttle counts in {@value #THROTTLED_METRIC}{scope} (no record
 * each, so a flood writes no more than the limits).
 */
@Stateless
public class OperatorSignIns {

    public static final String FAILED = "operator.sign-in-failed";
    public static final String SIGNED_IN = "operator.sign-in";
    public static final String THROTTLED = "operator.sign-in-throttled";
    public static final String THROTTLED_METRIC = "certgate_operator_sign_ins_throttled";

    private static final Metadata THROTTLED_META = Metadata.builder().withName(THROTTLED_METRIC)
            .withDescription("Operator sign-ins refused by throttling, without a password check, by what reached "
                    + "its limit (user or address)").build();

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @Inject
    private MetricRegistry registry;

    /** The limits: {@code certgate.signin.failures.per.user}, {@code .per.address}, {@code certgate.signin.window}. */
    static SignInThrottle throttle() {
        Config c = ConfigProvider.getConfig();
        return SignInThrottle.configured(c.getOptionalValue("certgate.signin.failures.per.user", Integer.class),
                c.getOptionalValue("certgate.signin.failures.per.address", Integer.class),
                c.getOptionalValue("certgate.signin.window", String.class).map(Duration::parse));
    }

    /**
     * Before a password is checked: a refusal when the name or the address has too many recent failures (counted in
     * the metric), else empty.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<SignInThrottle.Refusal> refusal(String user, String address) {
        SignInThrottle t = throttle();
        Instant now = Instant.now();
        Failures f = failures(t, user, address, now);
        Optional<SignInThrottle.Refusal> r = t.refusal(f.byUser(), f.byAddress(), now);
        r.ifPresent(refused -> registry.counter(THROTTLED_META, new Tag("scope", refused.scope().label())).inc());
        return r;
    }

    /** After a refused password (or name): the audit record, and one more when this failure reached a limit. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String user, String address, String requestId) {
        SignInThrottle t = throttle();
        Caller who = new Caller(AuditRecord.OPERATORS_ORG, actor(user), requestId);
        audit.record(who, FAILED, target(address), "refused: wrong password, or no enabled operator of this name");
        em.flush();
        Failures f = failures(t, user, address, Instant.now());
        t.reached(f.byUser().size(), f.byAddress().size()).ifPresent(scope -> audit.record(who, THROTTLED,
                target(address), (scope == SignInThrottle.Scope.USER
                        ? t.perUser() + " failed sign-ins of this name" : t.perAddress() + " failed sign-ins from this "
                        + "address") + " within " + t.window() + ": further sign-ins of it are refused for up to "
                        + t.window()));
    }

    /**
     * After a sign-in to the console went through: the audit record (action {@value #SIGNED_IN}, actor
     * {@code admin:<name>}, target {@code address=<client address>}), in its own transaction.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void succeeded(String user, String address, String requestId) {
        audit.record(new Caller(AuditRecord.OPERATORS_ORG, actor(user), requestId), SIGNED_IN, target(address),
                "signed in to the console");
    }

    private record Failures(List<Instant> byUser, List<Instant> byAddress) {
    }

    private Failures failures(SignInThrottle t, String user, String address, Instant now) {
        String actor = actor(user);
        String target = target(address);
        List<Object[]> rows = em.createQuery("SELECT a.actor, a.target, a.at FROM AuditRecord a WHERE a.orgId = :org "
                        + "AND a.at > :since AND a.action = :action AND (a.actor = :actor OR a.target = :target) ORDER BY a.at DESC",
                        Object[].class)
                .setParameter("org", AuditRecord.OPERATORS_ORG).setParameter("since", t.since(now))
                .setParameter("action", FAILED).setParameter("actor", actor).setParameter("target", target)
                .setMaxResults(2 * (t.perUser() + t.perAddress())).getResultList();
        List<Instant> byUser = new ArrayList<>();
        List<Instant> byAddress = new ArrayList<>();
        for (Object[] row : rows) {
            if (actor.equals(row[0])) {
                byUser.add((Instant) row[2]);
            }
            if (target.equals(row[1])) {
                byAddress.add((Instant) row[2]);
            }
        }
        return new Failures(byUser, byAddress);
    }

    /** The actor column as the audit trail stores it (clipped to its 128 characters). */
    static String actor(String user) {
        String a = "admin:" + (user == null ? "" : user);
        return a.length() > 128 ? a.substring(0, 128) : a;
    }

    static String target(String address) {
        return "address=" + (address == null ? "unknown" : address);
    }
}
