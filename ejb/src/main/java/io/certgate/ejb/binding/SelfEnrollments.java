package io.certgate.ejb.binding;

import io.certgate.domain.access.Caller;
import io.certgate.domain.binding.EnrollmentSecret;
import io.certgate.domain.binding.SelfEnrollment;
import io.certgate.domain.ca.CertificateStatus;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.device.Device;
import io.certgate.domain.device.DeviceIdentifier;
import io.certgate.ejb.access.AuditTrail;
import io.certgate.ejb.ca.CertificateLedger;
import io.certgate.ejb.common.Digests;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.RandomIds;
import io.certgate.ejb.device.DeviceRegistry;
import io.certgate.ejb.common.BulkOutcome;
import io.certgate.ejb.common.BulkRun;
import io.certgate.ejb.common.DecisionComments;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Devices enrolling themselves (EST, SCEP) on the one ledger. A device proves who it is with its secret, a
 * one-time enrollment secret, or a valid certificate bound to it; the certificate is issued and bound as an
 * EnOS apply would be, at once or, when the product asks for approval, once an operator approves. A request is
 * kept by (device, protocol, transaction) so that a client repeating or polling it finds its state.
 */
@Stateless
public class SelfEnrollments {

    /** How long a one-time enrollment secret stays usable unless the operator says otherwise. */
    public static final Duration DEFAULT_SECRET_LIFETIME = Duration.ofDays(7);
    public static final Duration MAX_SECRET_LIFETIME = Duration.ofDays(90);

    @Resource
    private SessionContext context;

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private DeviceRegistry devices;

    @EJB
    private CertificateBindingService bindings;

    @EJB
    private CertificateLedger ledger;

    @EJB
    private KeyBindings keys;

    @EJB
    private AuditTrail audit;

    @EJB
    private io.certgate.ejb.product.ProductCatalog products;

    @EJB
    private io.certgate.ejb.ca.IssuingAuthorities issuing;

    /**
     * A device enrolls with a secret: its own device secret, or a one-time enrollment secret made for it (spent
     * by this request; the client's repeats of the same transaction still authenticate with it).
     * {@code transactionId} null: the request is known by its public key (EST).
     */
    public SelfEnrollmentOutcome enrollWithSecret(DeviceIdentifier deviceId, String secret, String protocol,
                                                  String transactionId, String csrPem) {
        Device device = devices.identify(deviceId);
        if (device == null || secret == null || secret.isEmpty()) {
            throw new DeviceAuthenticationException();
        }
        Instant now = Instant.now();
        String secretHash = Digests.sha256Hex(secret.getBytes(StandardCharsets.UTF_8));
        boolean deviceSecret = devices.authenticate(DeviceIdentifier.of(device.getAssetId(), null, null), secret) != null;
        EnrollmentSecret oneTime = deviceSecret ? null : em.createNamedQuery(EnrollmentSecret.BY_HASH,
                EnrollmentSecret.class).setParameter("hash", secretHash).getResultList().stream().findFirst().orElse(null);
        boolean usable = oneTime != null && oneTime.usableFor(device.getId(), now);
        boolean spentHere = oneTime != null && oneTime.getUsedAt() != null
                && oneTime.getDeviceId().longValue() == device.getId();
        if (!deviceSecret && !usable && !spentHere) {
            // authenticated before the CSR is read: a wrong secret learns nothing of the CSR rules (issue 18, 8)
            throw new DeviceAuthenticationException();
        }
        Request request = request(device, protocol, transactionId, csrPem);
        String spent = null;
        if (!deviceSecret) {
            // a repeat of the request that spent a one-time secret learns that request's state; it never makes a new
            // request, so a revoked or expired certificate is not issued again on a spent secret (issue 18, 1)
            boolean repeat = request.existing != null && request.existing.getSecretSha256() != null
                    && MessageDigest.isEqual(request.existing.getSecretSha256().getBytes(StandardCharsets.US_ASCII),
                    secretHash.getBytes(StandardCharsets.US_ASCII))
                    && answeredAsItStands(request.existing);
            if (!repeat) {
                if (!usable) {
                    throw new DeviceAuthenticationException();
                }
                oneTime.use(now);
                spent = secretHash;
            }
        }
        return proceed(device, request, spent, now);
    }

    /**
     * SCEP's PKCSReq, signed by {@code signer}. A client that renews with a PKCSReq signed by the certificate it got
     * (certmonger, also with the same key) reuses the transactionID of its first request: when the signer is a valid
     * certificate of the device the CSR names, this is a new operation authenticated by that certificate, not a
     * repeat that would answer the old certificate again (issue 18, interop). Otherwise as {@link #enrollWithSecret}.
     */
    public SelfEnrollmentOutcome enrollSignedWithSecret(DeviceIdentifier deviceId, String secret, String protocol,
                                                       String transactionId, String csrPem, X509Certificate signer) {
        IssuedCertificate current = signer == null ? null : ledger.presented(signer).orElse(null);
        if (current != null && current.getDeviceId() != null
                && current.statusAt(Instant.now()) == CertificateStatus.VALID) {
            Device named = devices.identify(deviceId);
            if (named != null && named.getId() == current.getDeviceId().longValue()) {
                String tx = transactionId.length() > 100 ? transactionId.substring(0, 100) : transactionId;
                return proceed(named, request(named, protocol, tx + "#renews-" + current.getCertSn(), csrPem), null,
                        Instant.now());
            }
        }
        return enrollWithSecret(deviceId, secret, protocol, transactionId, csrPem);
    }

    /**
     * A device enrolls with a valid certificate already bound to it (EST simpleenroll over TLS client
     * authentication): a new certificate for the device, under the product's rules like any other enrollment.
     */
    public SelfEnrollmentOutcome enrollWithCertificate(X509Certificate presented, String protocol, String csrPem) {
        Device device = deviceOf(currentCertificate(presented));
        return proceed(device, request(device, protocol, null, csrPem), null, Instant.now());
    }

    /**
     * A device renews with its current certificate (EST simplereenroll, SCEP RenewalReq): same subject, a
     * renewal of the current certificate, issued at once.
     */
    public SelfEnrollmentOutcome reenrollWithCertificate(X509Certificate presented, String protocol, String csrPem) {
        return SelfEnrollmentOutcome.issued(bindings.reenrollWithCertificate(presented, csrPem, protocol), null);
    }

    /**
     * A client polls a request (SCEP CertPoll) it signed with the request's own key: the transaction and the
     * public key together name it; anything else is unknown.
     */
    public SelfEnrollmentOutcome poll(String protocol, String transactionId, String publicKeySha256) {
        List<SelfEnrollment> found = em.createNamedQuery(SelfEnrollment.BY_PROTOCOL_TRANSACTION, SelfEnrollment.class)
                .setParameter("protocol", protocol).setParameter("transactionId", transactionId).getResultList();
        SelfEnrollment request = found.stream().filter(r -> r.getPublicKeySha256().equals(publicKeySha256))
                .findFirst().orElseThrow(UnknownSelfEnrollmentException::new);
        return answer(request);
    }

    /** An operator makes a one-time enrollment secret for one device; the secret is returned once. */
    public String createSecret(Caller caller, DeviceIdentifier deviceId, Duration lifetime) {
        Caller.require(caller).requireOrganization();
        Device device = devices.find(caller, deviceId);
        Duration life = lifetime == null ? DEFAULT_SECRET_LIFETIME : lifetime;
        if (life.isNegative() || life.isZero() || life.compareTo(MAX_SECRET_LIFETIME) > 0) {
            throw new InvalidArgumentException("validHours must be between 1 and " + MAX_SECRET_LIFETIME.toHours());
        }
        // letters and digits only: SCEP carries it as a PrintableString challengePassword, which holds no '_' (issue 18)
        String secret = RandomIds.alphanumeric(32);
        Instant now = Instant.now();
        EnrollmentSecret row = new EnrollmentSecret(device.getOrgId(), device.getId(),
                Digests.sha256Hex(secret.getBytes(StandardCharsets.UTF_8)), caller.actor(), now, now.plus(life));
        em.persist(row);
        em.flush();
        audit.record(caller, "enrollment.secret.create", "assetId=" + device.getAssetId() + " secretId=" + row.getId()
                + " expiresAt=" + row.getExpiresAt(), "success");
        return secret;
    }

    /** Whether devices of a product wait for an operator when they enroll themselves. */
    public void requireApproval(Caller caller, String productKey, boolean required) {
        Caller.require(caller).requireOrganization();
        io.certgate.domain.product.Product product = products.get(caller, productKey);
        product.requireEnrollmentApproval(required);
        audit.record(caller, "product.enrollment-approval", "productKey=" + productKey + " required=" + required,
                "success");
    }

    /** The organization's requests waiting for an operator, oldest first. */
    public List<SelfEnrollment> pending(Caller caller) {
        return inStatus(caller, SelfEnrollment.Status.PENDING);
    }

    /**
     * One page of the organization's requests waiting for an operator, in the order asked for (oldest first when
     * none), the request id breaking ties.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public io.certgate.ejb.common.Page<SelfEnrollment> pending(Caller caller,
            io.certgate.ejb.common.ListOrder<SelfEnrollmentColumn> order, io.certgate.ejb.common.PageRequest page) {
        String orgId = Caller.require(caller).requireOrganization();
        return io.certgate.ejb.common.OrderedPages.inStatus(em, SelfEnrollment.class, "e", orgId,
                SelfEnrollment.Status.PENDING, order, new io.certgate.ejb.common.ListOrder<>(SelfEnrollmentColumn.ID,
                        false), "e.id", page);
    }

    /** The organization's requests in a status (pending, issued, rejected), oldest first. */
    public List<SelfEnrollment> inStatus(Caller caller, SelfEnrollment.Status status) {
        String orgId = Caller.require(caller).requireOrganization();
        return em.createNamedQuery(SelfEnrollment.BY_ORG_AND_STATUS, SelfEnrollment.class)
                .setParameter("orgId", orgId).setParameter("status", java.util.Objects.requireNonNull(status, "status"))
                .getResultList();
    }

    /** An operator approves a pending request: the certificate is issued and bound now. */
    public SelfEnrollment approve(Caller caller, long requestId) {
        return approve(caller, requestId, null);
    }

    /** An operator rejects a pending request; the device's next poll is refused. */
    public SelfEnrollment reject(Caller caller, long requestId) {
        return reject(caller, requestId, null);
    }

    /**
     * Approves or rejects each request with the one comment, each in its own transaction through the single
     * decision (the same rules, one audit record each); the outcome per request id, in the order given.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<BulkOutcome> decideAll(Caller caller, List<Long> requestIds, boolean approve, String comment) {
        Caller.require(caller).requireOrganization();
        String c = DecisionComments.of(comment);
        SelfEnrollments self = context.getBusinessObject(SelfEnrollments.class);
        return BulkRun.each(requestIds, "request", id -> {
            if (approve) {
                self.approve(caller, id, c);
            } else {
                self.reject(caller, id, c);
            }
        });
    }

    /**
     * What approving a pending request would issue now: the product's default validity, clamped to the end of the
     * issuing CA that would sign it (as {@link #approve} issues).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public io.certgate.ejb.ca.ValidityPeriod validityOnApproval(Caller caller, long requestId) {
        SelfEnrollment request = pendingRequest(caller, requestId);
        io.certgate.domain.product.Product product = devices.byId(caller, request.getDeviceId()).getProduct();
        return ledger.validityIfIssuedNow(caller, io.certgate.ejb.ca.ValidityRequest.days(product.getDefaultValidDay(),
                product.getMaxValidDay()), ledger.authorityFor(request.getCsrPem()));
    }

    /** Approves with the operator's comment, which the request and the audit record keep beside the decision. */
    public SelfEnrollment approve(Caller caller, long requestId, String comment) {
        SelfEnrollment request = pendingRequest(caller, requestId);
        request.commented(DecisionComments.of(comment));
        Device device = devices.byId(caller, request.getDeviceId());
        IssuedCertificate cert = bindings.apply(caller, DeviceIdentifier.of(device.getAssetId(), null, null),
                request.getCsrPem(), null, ledger.authorityFor(request.getCsrPem()));
        request.issued(cert.getCertSn(), caller.actor(), Instant.now());
        audit.record(caller, "enrollment.approve", "requestId=" + requestId + " certSn=" + cert.getCertSn(),
                DecisionComments.outcome("success", comment));
        return request;
    }

    /** Rejects with the operator's comment, which the request and the audit record keep beside the decision. */
    public SelfEnrollment reject(Caller caller, long requestId, String comment) {
        SelfEnrollment request = pendingRequest(caller, requestId);
        request.commented(DecisionComments.of(comment));
        request.reject(caller.actor(), Instant.now());
        audit.record(caller, "enrollment.reject", "requestId=" + requestId, DecisionComments.outcome("success", comment));
        return request;
    }

    private SelfEnrollment pendingRequest(Caller caller, long requestId) {
        String orgId = Caller.require(caller).requireOrganization();
        SelfEnrollment request = em.find(SelfEnrollment.class, requestId);
        if (request == null || !request.getOrgId().equals(orgId)) {
            throw new UnknownSelfEnrollmentException();
        }
        if (request.getStatus() != SelfEnrollment.Status.PENDING) {
            throw new SelfEnrollmentDecidedException(request.getStatus().name());
        }
        return request;
    }

    /** The request as asked (checked CSR, transaction) and the earlier one of the same transaction, if any. */
    private record Request(String protocol, String transactionId, String csrPem, IssueAuthority authority,
                           String keyHash, SelfEnrollment existing) {
    }

    private Request request(Device device, String protocol, String transactionId, String csrPem) {
        IssueAuthority authority = ledger.authorityFor(csrPem);
        String keyHash = CertificateLedger.publicKeySha256(ledger.validateCsr(csrPem, authority).publicKey());
        String tx = transactionId != null ? transactionId : keyHash;
        SelfEnrollment existing = em.createNamedQuery(SelfEnrollment.BY_TRANSACTION, SelfEnrollment.class)
                .setParameter("deviceId", device.getId()).setParameter("protocol", protocol)
                .setParameter("transactionId", tx).getResultList().stream().findFirst().orElse(null);
        if (existing != null && !existing.getPublicKeySha256().equals(keyHash)) {
            throw new TransactionKeyMismatchException();
        }
        return new Request(protocol, tx, csrPem, authority, keyHash, existing);
    }

    /**
     * The same transaction again: its state (the certificate once issued, while it is valid); otherwise a new
     * request, issued at once or kept pending for an operator.
     */
    private SelfEnrollmentOutcome proceed(Device device, Request r, String spentSecret, Instant now) {
        if (r.existing != null) {
            if (r.existing.getStatus() != SelfEnrollment.Status.ISSUED || stillValid(r.existing)) {
                return answer(r.existing);
            }
            r.existing.retire(); // its certificate is gone (revoked, expired): this is a new request
            em.flush();
        }
        Long holder = keys.holder(r.keyHash);
        if (holder != null && holder.longValue() != device.getId()) {
            throw new KeyAlreadyBoundException();
        }
        Caller deviceCaller = Caller.of(device.getOrgId(), r.protocol + ":" + device.getAssetId(), null);
        DeviceIdentifier id = DeviceIdentifier.of(device.getAssetId(), null, null);
        if (device.getProduct().isEnrollmentApproval()) {
            if (!device.getProduct().isBiDirectionalAuth()) {
                throw new BiDirectionalAuthNotSupportedException();
            }
            SelfEnrollment pending = new SelfEnrollment(device.getOrgId(), device.getId(), r.protocol, r.transactionId,
                    r.keyHash, r.csrPem, spentSecret, now);
            em.persist(pending);
            em.flush();
            audit.record(deviceCaller, "enrollment.request", "requestId=" + pending.getId() + " assetId="
                    + device.getAssetId() + " protocol=" + r.protocol, "pending");
            return SelfEnrollmentOutcome.of(pending);
        }
        IssuedCertificate cert = bindings.apply(deviceCaller, id, r.csrPem, null, r.authority);
        Long requestId = null;
        if (r.transactionId != null && !r.transactionId.equals(r.keyHash)) { // a protocol with transactions: replayable
            SelfEnrollment done = new SelfEnrollment(device.getOrgId(), device.getId(), r.protocol, r.transactionId,
                    r.keyHash, r.csrPem, spentSecret, now);
            done.issued(cert.getCertSn(), deviceCaller.actor(), now);
            em.persist(done);
            requestId = done.getId();
        }
        return SelfEnrollmentOutcome.issued(cert, requestId);
    }

    /** A kept request's state; an issued one with its certificate. EST's requests end when their answer is given. */
    private SelfEnrollmentOutcome answer(SelfEnrollment request) {
        if (request.getStatus() != SelfEnrollment.Status.ISSUED) {
            return SelfEnrollmentOutcome.of(request);
        }
        IssuedCertificate cert = ledger.find(Caller.of(request.getOrgId(), request.getProtocol(), null),
                request.getCertSn());
        if (request.getTransactionId().equals(request.getPublicKeySha256())) {
            request.retire(); // EST: the device has its certificate; a later simpleenroll is a new request
        }
        return SelfEnrollmentOutcome.issued(cert, request.getId());
    }

    /** Whether a kept request is answered with its state (pending, rejected, or its certificate still valid). */
    private boolean answeredAsItStands(SelfEnrollment request) {
        return request.getStatus() != SelfEnrollment.Status.ISSUED || stillValid(request);
    }

    private boolean stillValid(SelfEnrollment request) {
        IssuedCertificate cert = ledger.find(Caller.of(request.getOrgId(), request.getProtocol(), null),
                request.getCertSn());
        return cert.statusAt(Instant.now()) == CertificateStatus.VALID;
    }

    private IssuedCertificate currentCertificate(X509Certificate presented) {
        IssuedCertificate current = presented == null ? null : ledger.presented(presented).orElse(null);
        if (current == null || current.getDeviceId() == null
                || current.statusAt(Instant.now()) != CertificateStatus.VALID) {
            throw new DeviceAuthenticationException();
        }
        return current;
    }

    private Device deviceOf(IssuedCertificate current) {
        return devices.byId(Caller.of(current.getOrgId(), "device", null), current.getDeviceId());
    }

    /**
     * What EST cacerts and SCEP GetCACert under a product's path answer before a device authenticates: the product's
     * organization's issuing CAs of these algorithms and the roots (the roots alone for an unknown product).
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
    public List<X509Certificate> caCertificates(String productKey, List<IssueAuthority> authorities) {
        return issuing.caCertificates(products.organizationOf(productKey), authorities);
    }
}
