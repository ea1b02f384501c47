package io.certgate.ejb.acme;

import io.certgate.domain.acme.AcmeAccount;
import io.certgate.domain.acme.AcmeAuthorization;
import io.certgate.domain.acme.AcmeChallenge;
import io.certgate.domain.acme.AcmeOrder;
import io.certgate.domain.acme.AcmeStatus;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.ejb.ca.CertificateLedger;
import io.certgate.ejb.ca.CertificateProfile;
import io.certgate.ejb.ca.CsrValidator;
import io.certgate.ejb.ca.Issuance;
import io.certgate.ejb.ca.KeyPolicy;
import io.certgate.ejb.ca.NamePolicies;
import io.certgate.ejb.ca.Pem;
import io.certgate.ejb.ca.SignatureScheme;
import io.certgate.ejb.ca.ValidatedCsr;
import io.certgate.ejb.ca.ValidityRequest;
import io.certgate.ejb.common.RandomIds;
import io.certgate.ejb.enrollment.dcv.DomainControlCheck;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * ACME orders of an organization's accounts (RFC 8555 7.4 to 7.6, RFC 9773): new orders (names checked against the
 * organization's name policy first: {@code rejectedIdentifier}), authorizations (a valid one reused by the account for
 * its lifetime), challenges answered by the DCV checks ({@code http-01}, {@code dns-01}, {@code tls-alpn-01}; the
 * resolver and the internal-address refusal of {@code certgate.dcv.*}), finalization through the ledger (processing, then valid, in
 * the finalizing request), the certificate with its chain, revocation by the ordering account or the certificate's
 * key; a renewal's {@code replaces} is checked by {@link AcmeRenewals}. Every read is scoped to the request's account
 * and organization.
 *
 * <p>Settings: {@code certgate.acme.certificate.days} (90), {@code certgate.acme.authorization.days} (how long a valid
 * authorization is reused, 30), {@code certgate.acme.order.days} (how long an order may wait, 7),
 * {@code certgate.acme.orders.per.hour} (new orders of one account in any hour, 300; 0: no limit).
 */
@Stateless
public class AcmeOrders {

    private static final Logger LOG = Logger.getLogger(AcmeOrders.class.getName());
    static final String HTTP_01 = "http-01";
    static final String DNS_01 = "dns-01";
    static final String TLS_ALPN_01 = "tls-alpn-01";

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private NamePolicies namePolicies;

    @EJB
    private CertificateLedger ledger;

    @EJB
    private AcmeRenewals renewals;

    /**
     * An order with its authorizations (same order as its identifiers), its status now and the ARI identifier of the
     * certificate it replaces (null for none).
     */
    public record OrderView(AcmeOrder order, List<AcmeAuthorization> authorizations, AcmeStatus status,
                            String replaces) {
    }

    /** An authorization with its challenges and its status now. */
    public record AuthorizationView(AcmeAuthorization authorization, List<AcmeChallenge> challenges,
                                    AcmeStatus status) {

        /** The authorization as it stands now, its challenges read. */
        static AuthorizationView read(EntityManager em, AcmeAuthorization authz, Instant now) {
            return new AuthorizationView(authz, em.createNamedQuery(AcmeChallenge.OF_AUTHZ, AcmeChallenge.class)
                    .setParameter("authz", authz.getId()).getResultList(), authz.statusAt(now));
        }
    }

    /** A certificate as ACME serves it: the leaf and the CA certificates above it, nearest first, without the root. */
    public record CertificateChain(IssuedCertificate certificate, List<X509Certificate> above) {
    }

    /**
     * A new order of the signing account for DNS names (RFC 8555 7.4): refused before anything is stored when a name
     * is no DNS name or outside what the organization may have; a valid authorization of the account for a name is
     * reused, else a pending one is made with its challenges ({@code http-01} and {@code tls-alpn-01} but for
     * wildcards, {@code dns-01}).
     * {@code replaces} (RFC 9773 5): the ARI identifier of a certificate of this account that the new one renews, or
     * null.
     */
    public OrderView newOrder(Verified request, List<AcmeRules.Identifier> identifiers, String replaces) {
        AcmeAccount account = request.requireAccount();
        List<String> names = AcmeRules.dnsNames(identifiers);
        namePolicies.checkDnsNames(request.org(), names);
        Long replaced = replaces == null ? null : renewals.replaced(request, replaces, names);
        Instant now = Instant.now();
        requireWithinOrderLimit(account, now);
        List<AcmeAuthorization> authorizations = new ArrayList<>();
        for (String name : names) {
            boolean wildcard = name.startsWith("*.");
            String identifier = wildcard ? name.substring(2) : name;
            Optional<AcmeAuthorization> valid = em.createNamedQuery(AcmeAuthorization.REUSABLE,
                            AcmeAuthorization.class).setParameter("account", account.getId())
                    .setParameter("identifier", identifier).setParameter("wildcard", wildcard)
                    .setParameter("status", AcmeStatus.VALID).setParameter("now", now).setMaxResults(1)
                    .getResultList().stream().findFirst();
            if (valid.isPresent()) {
                authorizations.add(valid.get());
                continue;
            }
            AcmeAuthorization authz = new AcmeAuthorization(request.org(), account.getId(), identifier, wildcard,
                    now.plus(days("certgate.acme.order.days", 7)), now);
            em.persist(authz);
            em.flush();
            if (!wildcard) {
                em.persist(new AcmeChallenge(authz.getId(), HTTP_01, RandomIds.base64Url(32)));
                em.persist(new AcmeChallenge(authz.getId(), TLS_ALPN_01, RandomIds.base64Url(32)));
            }
            em.persist(new AcmeChallenge(authz.getId(), DNS_01, RandomIds.base64Url(32)));
            authorizations.add(authz);
        }
        AcmeOrder order = new AcmeOrder(request.org(), account.getId(), names,
                authorizations.stream().map(AcmeAuthorization::getId).toList(),
                now.plus(days("certgate.acme.order.days", 7)), replaced, now);
        em.persist(order);
        em.flush();
        return view(order, now);
    }

    /** An order of the signing account (POST-as-GET). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public OrderView order(Verified request, long orderId) {
        return view(ownOrder(request, orderId, false), Instant.now());
    }

    /** The ids of the signing account's orders, newest first (at most 100). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> orders(Verified request, long accountId) {
        AcmeAccount account = request.requireAccount();
        if (account.getId() != accountId) {
            throw new AcmeException(AcmeError.UNAUTHORIZED, "an account lists only its own orders");
        }
        return em.createNamedQuery(AcmeOrder.OF_ACCOUNT, AcmeOrder.class).setParameter("account", accountId)
                .setMaxResults(100).getResultList().stream().map(AcmeOrder::getId).toList();
    }

    /** An authorization of the signing account; deactivated on request (RFC 8555 7.5.2). */
    public AuthorizationView authorization(Verified request, long authzId, boolean deactivate) {
        AcmeAuthorization authz = ownAuthorization(request, authzId);
        if (deactivate) {
            AcmeStatus now = authz.statusAt(Instant.now());
            if (now != AcmeStatus.PENDING && now != AcmeStatus.VALID) {
                throw new AcmeException(AcmeError.MALFORMED, "the authorization is " + now.wire());
            }
            authz.deactivate();
        }
        return authorizationView(authz, Instant.now());
    }

    /** A challenge and the authorization it belongs to. */
    public record ChallengeView(AcmeChallenge challenge, AuthorizationView authorization) {
    }

    /** A challenge of the signing account, as it is (POST-as-GET). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ChallengeView challenge(Verified request, long challengeId) {
        AcmeChallenge challenge = em.find(AcmeChallenge.class, challengeId);
        AcmeAuthorization authz = challenge == null ? null : ownAuthorization(request, challenge.getAuthzId());
        return new ChallengeView(challenge, authorizationView(authz, Instant.now()));
    }

    /**
     * The client is ready for this challenge (RFC 8555 7.5.1): checked now, within the DCV timeout. Shown, the
     * challenge and its authorization are valid (reused until {@code certgate.acme.authorization.days}); not shown,
     * both are invalid, and so is every order waiting for it. A challenge that is not pending is answered as it is.
     */
    public ChallengeView respond(Verified request, long challengeId) {
        AcmeChallenge found = em.find(AcmeChallenge.class, challengeId);
        if (found == null) {
            throw new AcmeException(AcmeError.NOT_FOUND, "no such challenge");
        }
        AcmeAuthorization authz = ownAuthorization(request, found.getAuthzId());
        em.refresh(authz, LockModeType.PESSIMISTIC_WRITE); // one check at a time per authorization, on any instance
        AcmeChallenge challenge = found;
        em.refresh(challenge);
        Instant now = Instant.now();
        if (challenge.getStatus() == AcmeStatus.PENDING && authz.statusAt(now) == AcmeStatus.PENDING) {
            String keyAuthorization = AcmeRules.keyAuthorization(challenge.getToken(), request.key().thumbprint());
            DomainControlCheck check = DomainControlCheck.fromConfig();
            boolean shown = switch (challenge.getType()) {
                case HTTP_01 -> check.httpChallenge(authz.getIdentifier(), challenge.getToken(), keyAuthorization);
                case TLS_ALPN_01 -> check.tlsAlpnChallenge(authz.getIdentifier(), keyAuthorization);
                default -> check.dnsChallenge(authz.getIdentifier(), AcmeRules.dnsDigest(keyAuthorization));
            };
            if (shown) {
                challenge.valid(now);
                authz.validated(now, now.plus(days("certgate.acme.authorization.days", 30)));
            } else {
                challenge.invalid(AcmeError.INCORRECT_RESPONSE.name(), switch (challenge.getType()) {
                    case HTTP_01 -> "http://" + authz.getIdentifier() + "/.well-known/acme-challenge/"
                            + challenge.getToken() + " did not answer the key authorization";
                    case TLS_ALPN_01 -> "the TLS server of " + authz.getIdentifier() + " did not present the "
                            + "acme-tls/1 certificate of the key authorization";
                    default -> "no TXT record of _acme-challenge." + authz.getIdentifier() + " has the key "
                            + "authorization's digest";
                });
                authz.invalid();
            }
            LOG.info(() -> "ACME " + challenge.getType() + " for " + authz.getIdentifier() + " in org "
                    + request.org() + ": " + (shown ? "valid" : "invalid") + " requestId=" + request.requestId());
        }
        return new ChallengeView(challenge, authorizationView(authz, now));
    }

    /**
     * Finalization (RFC 8555 7.4): the order must be ready and the CSR (DER) name exactly its identifiers with a key
     * the enterprise key policy accepts; the order is processing while the ledger issues (the name policy again, the
     * organization's issuing CA, audit), then valid with its certificate, all in this request's transaction. Two
     * finalizations of one order at once: the row lock lets one through, the other finds it processing or valid.
     */
    public OrderView finalizeOrder(Verified request, long orderId, byte[] csrDer) {
        AcmeOrder order = ownOrder(request, orderId, true);
        Instant now = Instant.now();
        AcmeStatus status = view(order, now).status();
        if (status != AcmeStatus.READY) {
            throw new AcmeException(AcmeError.ORDER_NOT_READY, "the order is " + status.wire() + ", not ready");
        }
        String csrPem = Pem.encode("CERTIFICATE REQUEST", csrDer);
        ValidatedCsr csr;
        List<String> csrNames;
        try {
            csr = new CsrValidator().validate(csrPem, KeyPolicy.ENTERPRISE, true);
            csrNames = CsrValidator.requestedDnsNames(csrPem);
        } catch (io.certgate.ejb.ca.InvalidCsrException e) {
            throw new AcmeException(AcmeError.BAD_CSR, e.getMessage());
        }
        String commonName = commonName(csr.subject());
        AcmeRules.requireCsrNames(order.identifiers(), csrNames, commonName);
        if (order.getReplacesCertSn() != null) {
            renewals.requireNotReplaced(request.org(), order.getReplacesCertSn()); // another may have finalized since
        }
        order.status(AcmeStatus.PROCESSING);
        int validDays = (int) days("certgate.acme.certificate.days", 90).toDays();
        IssueAuthority authority = ledger.authorityFor(csrPem);
        IssuedCertificate cert = ledger.issue(request.caller(), new Issuance(authority,
                subject(commonName, order.identifiers()), csr.publicKey(), ValidityRequest.days(validDays, validDays),
                CertificateProfile.Usage.TLS_SERVER, order.identifiers(), null, order.getReplacesCertSn(),
                "acme.finalize", "acmeOrder=" + order.getId() + " acmeAccount=" + order.getAccountId(),
                SignatureScheme.DEFAULT, List.of(), KeyPolicy.ENTERPRISE));
        order.issued(cert.getCertSn());
        return view(order, now);
    }

    /** A certificate of an order of the signing account, with the CA certificates above it (not the root). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CertificateChain certificate(Verified request, long certSn) {
        AcmeAccount account = request.requireAccount();
        if (!ordered(request.org(), certSn, account.getId())) {
            throw new AcmeException(AcmeError.NOT_FOUND, "no such certificate");
        }
        IssuedCertificate cert = ledger.find(request.caller(), certSn);
        List<X509Certificate> above = ledger.chainAbove(cert).stream()
                .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())).toList();
        return new CertificateChain(cert, above);
    }

    /**
     * Revocation (RFC 8555 7.6): a certificate of the directory's organization, by the account that ordered it or by a
     * request signed with the certificate's own key; the reason one of RFC 5280's a subscriber may give.
     */
    public IssuedCertificate revoke(Verified request, byte[] certificateDer, Integer reasonCode) {
        RevocationReason reason = reasonCode == null ? RevocationReason.UNSPECIFIED
                : RevocationReason.ofCode(reasonCode).orElseThrow(() -> new AcmeException(
                        AcmeError.BAD_REVOCATION_REASON, "reason " + reasonCode + " cannot be asked for"));
        X509Certificate presented;
        try {
            presented = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificateDer));
        } catch (CertificateException | RuntimeException e) {
            throw new AcmeException(AcmeError.MALFORMED, "the certificate cannot be read");
        }
        IssuedCertificate cert = ledger.presented(presented).filter(c -> c.getOrgId().equals(request.org()))
                .orElseThrow(() -> new AcmeException(AcmeError.UNAUTHORIZED,
                        "the certificate is not one of this directory's"));
        AcmeAccount account = request.account();
        boolean allowed;
        if (account != null) {
            allowed = ordered(request.org(), cert.getCertSn(), account.getId());
        } else {
            allowed = Jwk.of(presented.getPublicKey()).thumbprint().equals(request.key().thumbprint());
        }
        if (!allowed) {
            throw new AcmeException(AcmeError.UNAUTHORIZED, account != null
                    ? "the account did not order this certificate" : "the request is not signed by the certificate's key");
        }
        if (cert.isRevoked()) {
            throw new AcmeException(AcmeError.ALREADY_REVOKED, "the certificate is already revoked");
        }
        return ledger.revoke(request.caller(), em.find(IssuedCertificate.class, cert.getCertSn()), reason,
                "acme " + (account != null ? "acmeAccount=" + account.getId() : "by the certificate's key"));
    }

    /**
     * At most {@code certgate.acme.orders.per.hour} new orders of an account in any hour ({@code rateLimited} with
     * Retry-After); the account's row lock makes the count hold on every instance.
     */
    private void requireWithinOrderLimit(AcmeAccount account, Instant now) {
        int limit = ConfigProvider.getConfig().getOptionalValue("certgate.acme.orders.per.hour", Integer.class)
                .orElse(300);
        if (limit <= 0) {
            return;
        }
        em.find(AcmeAccount.class, account.getId(), LockModeType.PESSIMISTIC_WRITE);
        Duration hour = Duration.ofHours(1);
        List<Instant> recent = em.createNamedQuery(AcmeOrder.RECENT_OF_ACCOUNT, Instant.class)
                .setParameter("account", account.getId()).setParameter("since", now.minus(hour))
                .setMaxResults(limit).getResultList();
        AcmeRules.orderWait(recent, limit, hour, now).ifPresent(wait -> {
            throw AcmeException.rateLimited("at most " + limit + " new orders an hour; try again in "
                    + wait.toSeconds() + " s", wait);
        });
    }

    /** Whether the account ordered the certificate (an order of the organization names it). */
    private boolean ordered(String org, long certSn, long accountId) {
        return em.createNamedQuery(AcmeOrder.BY_ORG_AND_CERT, AcmeOrder.class).setParameter("orgId", org)
                .setParameter("certSn", certSn).getResultList().stream()
                .anyMatch(o -> o.getAccountId() == accountId);
    }

    private AcmeOrder ownOrder(Verified request, long orderId, boolean lock) {
        AcmeAccount account = request.requireAccount();
        AcmeOrder order = lock ? em.find(AcmeOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(AcmeOrder.class, orderId);
        if (order == null || !order.getOrgId().equals(request.org()) || !order.getAccountId().equals(account.getId())) {
            throw new AcmeException(AcmeError.NOT_FOUND, "no such order");
        }
        return order;
    }

    private AcmeAuthorization ownAuthorization(Verified request, long authzId) {
        AcmeAccount account = request.requireAccount();
        AcmeAuthorization authz = em.find(AcmeAuthorization.class, authzId);
        if (authz == null || !authz.getOrgId().equals(request.org()) || !authz.getAccountId().equals(account.getId())) {
            throw new AcmeException(AcmeError.NOT_FOUND, "no such authorization");
        }
        return authz;
    }

    private OrderView view(AcmeOrder order, Instant now) {
        List<AcmeAuthorization> authorizations = new ArrayList<>();
        for (Long id : order.authorizationIds()) {
            authorizations.add(em.find(AcmeAuthorization.class, id));
        }
        AcmeStatus status = AcmeRules.orderStatus(order.getStatus(), order.getExpiresAt(),
                authorizations.stream().map(a -> a.statusAt(now)).toList(), now);
        return new OrderView(order, authorizations, status, order.getReplacesCertSn() == null ? null
                : renewals.ariId(order.getReplacesCertSn()));
    }

    private AuthorizationView authorizationView(AcmeAuthorization authz, Instant now) {
        if (authz == null) {
            throw new AcmeException(AcmeError.NOT_FOUND, "no such challenge");
        }
        return AuthorizationView.read(em, authz, now);
    }

    private static String commonName(X500Name subject) {
        var rdns = subject.getRDNs(BCStyle.CN);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    /** CN = the CSR's commonName, else the first identifier that fits a commonName (64 characters). */
    private static X500Name subject(String commonName, List<String> names) {
        String cn = commonName != null ? commonName.toLowerCase(java.util.Locale.ROOT)
                : names.stream().filter(n -> n.length() <= 64).findFirst().orElse(null);
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        if (cn != null) {
            b.addRDN(BCStyle.CN, cn);
        }
        return b.build();
    }

    private static Duration days(String setting, int defaultDays) {
        Config config = ConfigProvider.getConfig();
        int days = config.getOptionalValue(setting, Integer.class).orElse(defaultDays);
        return Duration.ofDays(Math.max(1, days));
    }
}
