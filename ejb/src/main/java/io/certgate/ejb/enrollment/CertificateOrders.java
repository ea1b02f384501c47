package io.certgate.ejb.enrollment;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.domain.enrollment.CertificateContent;
import io.certgate.domain.enrollment.CertificateOrder;
import io.certgate.domain.enrollment.OrderRequest;
import io.certgate.domain.enrollment.OrgDomain;
import io.certgate.domain.access.DigiCertPolicy;
import io.certgate.ejb.access.ApiCredentials;
import io.certgate.ejb.access.AuditTrail;
import io.certgate.ejb.ca.CertificateAuthorities;
import io.certgate.ejb.ca.CertificateLedger;
import io.certgate.ejb.ca.CertificateProfile;
import io.certgate.ejb.ca.Issuance;
import io.certgate.ejb.ca.IssuingAuthorities;
import io.certgate.ejb.ca.KeyPolicy;
import io.certgate.ejb.ca.SignatureScheme;
import io.certgate.ejb.ca.ValidatedCsr;
import io.certgate.ejb.ca.ValidityRequest;
import io.certgate.ejb.common.RandomIds;
import io.certgate.ejb.enrollment.dcv.DcvMethod;
import io.certgate.ejb.enrollment.dcv.DomainControlCheck;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * DigiCert CertCentral orders of an organization: order, reissue, duplicate, the approval of their requests
 * (never by the requester), domain control validation, revocation. Every certificate comes from the ledger;
 * what is the order's own is the plan (order validity), the requests and the domains. Every method takes the
 * caller and sees only its organization's orders.
 */
@Stateless
public class CertificateOrders {

    private static final Logger LOG = Logger.getLogger(CertificateOrders.class.getName());

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext context;

    @EJB
    private CertificateLedger ledger;

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private IssuingAuthorities issuing;

    @EJB
    private AuditTrail audit;

    @EJB
    private ApiCredentials credentials;

    /**
     * The CAs an order of the caller's organization may name ({@code allowed_ca_certs}): the issuing CA of each
     * algorithm that signs its new certificates now (made on first use), RSA first, as CertCentral lists its ICAs.
     */
    public List<OrderCa> allowedCas(Caller caller) {
        String orgId = Caller.require(caller).requireOrganization();
        List<OrderCa> cas = new ArrayList<>();
        for (IssueAuthority a : IssueAuthority.values()) {
            cas.add(signingCa(orgId, a));
        }
        return cas;
    }

    /** The issuing CA that signs the organization's new certificates of this algorithm now. */
    public OrderCa signingCa(String orgId, IssueAuthority a) {
        return OrderCa.of(issuing.forIssuance(orgId, a).certificate(), a);
    }

    /** The CA that signed a certificate: its issuing CA (the root only for leaves from before the hierarchy). */
    public OrderCa signerOf(IssuedCertificate cert) {
        return OrderCa.of(issuing.chainAbove(cert).get(0), cert.getIssueAuthority());
    }

    /**
     * The CA an order or request names: the one that signed its certificate, else the one that would sign it now
     * (the organization's issuing CA of the algorithm it asked for).
     */
    public OrderCa caOf(String orgId, CertificateContent content, IssuedCertificate cert) {
        return cert != null ? signerOf(cert) : signingCa(orgId, IssueAuthority.valueOf(content.getCa()));
    }

    public OrderOutcome order(Caller caller, String productNameId, OrderSpec spec) {
        String orgId = Caller.require(caller).requireOrganization();
        DigiCertProduct product = DigiCertProduct.byNameId(productNameId).orElseThrow(() ->
                new InvalidOrderException("not_found|product", "unknown product: " + productNameId));
        Instant now = Instant.now();
        CertificateSpec c = spec.certificate();
        OrderRules.Names names = OrderRules.names(product, c);
        String hash = OrderRules.signatureHash(required("certificate.signature_hash", c.signatureHash()));
        IssueAuthority ca = ca(caller, c.caCertId());
        boolean pss = OrderRules.rsassaPss(c.rsassaPss(), ca);
        new SignatureScheme(hash, pss).algorithmFor(ca);
        ValidatedCsr csr = csrOrKey(required("certificate.csr", c.csrPem()), product);
        Instant planEnd = OrderRules.planEnd(spec.orderValidity(), now);
        Instant certEnd = OrderRules.certificateEnd(c.validity(), planEnd, now);
        DcvMethod dcv = dcvMethod(spec.dcvMethod());
        if (spec.renewalOfOrderId() != null) {
            find(caller, spec.renewalOfOrderId()); // an order of this organization
        }
        CertificateContent content = content(names, hash, ca);
        CertificateOrder order = new CertificateOrder(orgId, product.nameId(), content, join(c.organizationUnits()),
                c.serverPlatformId(), c.profileOption(), spec.csProvisioningMethod(), dcv.wireName(),
                product.needsDcv() ? RandomIds.alphanumeric(32).toLowerCase(Locale.ROOT) : null,
                planEnd, validityText(spec.orderValidity()), spec.renewalOfOrderId(), spec.disableRenewalNotifications(),
                spec.paymentMethod(), clip(spec.comments(), 1000), caller.actor(), now);
        em.persist(order);
        em.flush();
        if (spec.renewalOfOrderId() != null) {
            find(caller, spec.renewalOfOrderId()).renewedBy(order.getId());
        }
        OrderRequest request = new OrderRequest(order, "new_request", stored(c.csrPem()), content, pss,
                certEnd, caller.actor(), clip(spec.comments(), 1000), now);
        em.persist(request);
        em.flush();
        audit.record(caller, "order.create", "order=" + order.getId(), product.nameId() + " for "
                + (names.commonName() == null ? "the CSR subject" : names.commonName()) + ", request " + request.getId());
        registerDomains(order, names.dnsNames());
        return settle(caller, order, request, spec.skipApproval(), dcv);
    }

    /** A reissue (replaces the order's certificate once issued) or a duplicate (a further certificate). */
    public OrderOutcome reissue(Caller caller, long orderId, ReissueSpec spec) {
        Caller.require(caller);
        CertificateOrder order = find(caller, orderId);
        DigiCertProduct product = DigiCertProduct.byNameId(order.getProduct()).orElseThrow();
        if (order.getCertificate() == null) {
            throw new InvalidOrderException("order_not_issued", "the order has no certificate to reissue yet");
        }
        if ("revoked".equals(order.getStatus())) {
            throw new InvalidOrderException("order_revoked", "the order is revoked");
        }
        if (!order.getCertificate().isRevoked()) { // a revoked certificate of an active order is what a reissue replaces
            order.getCertificate().requireRenewableAt(Instant.now());
        }
        Instant now = Instant.now();
        CertificateSpec c = spec.certificate();
        OrderRules.Names names = OrderRules.names(product, c);
        String hash = OrderRules.signatureHash(required("certificate.signature_hash", c.signatureHash()));
        IssueAuthority ca = c.caCertId() == null ? IssueAuthority.valueOf(order.getContent().getCa())
                : ca(caller, c.caCertId());
        boolean pss = OrderRules.rsassaPss(c.rsassaPss(), ca);
        new SignatureScheme(hash, pss).algorithmFor(ca);
        if (spec.duplicate()) {
            OrderRules.requireSameNames(names, order.getContent().getCommonName(),
                    split(order.getContent().getDnsNames()));
        }
        csrOrKey(required("certificate.csr", c.csrPem()), product);
        if (!order.getPlanEnd().isAfter(now)) {
            throw new InvalidOrderException("order_expired", "the order's validity has ended");
        }
        Instant certEnd = OrderRules.certificateEnd(c.validity(), order.getPlanEnd(), now);
        DcvMethod dcv = spec.dcvMethod() == null ? dcvMethod(order.getDcvMethod()) : dcvMethod(spec.dcvMethod());
        if (product.needsDcv() && order.getDcvRandomValue() == null) {
            order.dcv(dcv.wireName(), RandomIds.alphanumeric(32).toLowerCase(Locale.ROOT));
        } else if (spec.dcvMethod() != null) {
            order.dcv(dcv.wireName(), order.getDcvRandomValue());
        }
        if (c.serverPlatformId() != null) {
            order.platform(c.serverPlatformId());
        }
        boolean publicTls = product.kind() == DigiCertProduct.Kind.TLS && !product.isPrivateCa();
        String type = spec.duplicate() || (spec.storeAsDuplicate() && publicTls) ? "duplicate" : "reissue";
        OrderRequest request = new OrderRequest(order, type, stored(c.csrPem()), content(names, hash, ca),
                pss, certEnd, caller.actor(), clip(spec.comments(), 1000), now);
        em.persist(request);
        em.flush();
        audit.record(caller, "order." + type, "order=" + order.getId(), "request " + request.getId()
                + (names.commonName() == null ? "" : " for " + names.commonName()));
        order.touched();
        registerDomains(order, names.dnsNames());
        return settle(caller, order, request, spec.skipApproval(), dcv);
    }

    public CertificateOrder find(Caller caller, long orderId) {
        String orgId = Caller.require(caller).requireOrganization();
        CertificateOrder o = em.find(CertificateOrder.class, orderId);
        if (o == null || !o.getOrgId().equals(orgId)) {
            throw new UnknownOrderException();
        }
        return o;
    }

    /** A page of orders and how many match in all (CertCentral's page.total). */
    public record OrderPage(List<CertificateOrder> orders, int total) {
    }

    /**
     * The list's filters as CertCentral names them: {@code filters[status]}, {@code filters[common_name]},
     * {@code filters[search]} (order id, common name, a DNS name or the serial number, in part),
     * {@code filters[product_name_id]}, {@code filters[valid_till]} (see {@link OrderRules#dateFilter}), and
     * {@code sort}. Nulls: no filter.
     */
    public record OrderQuery(String status, String commonName, String search, String productNameId, String validTill,
                             String sort) {
    }

    public OrderPage list(Caller caller, OrderQuery q, int offset, int limit) {
        String orgId = Caller.require(caller).requireOrganization();
        java.util.function.Predicate<java.time.LocalDate> validTill = blank(q.validTill()) ? null
                : OrderRules.dateFilter("filters[valid_till]", q.validTill());
        OrderRules.Sort sort = OrderRules.sort(q.sort());
        String search = blank(q.search()) ? null : q.search().trim().toLowerCase(Locale.ROOT);
        List<CertificateOrder> all = em.createNamedQuery(CertificateOrder.BY_ORG, CertificateOrder.class)
                .setParameter("orgId", orgId).getResultList();
        Instant now = Instant.now();
        List<CertificateOrder> matching = new ArrayList<>();
        Map<Long, String> statuses = new java.util.HashMap<>();
        for (CertificateOrder o : all) {
            String status = status(o, now);
            statuses.put(o.getId(), status);
            IssuedCertificate c = o.getCertificate();
            if ((blank(q.status()) || q.status().equalsIgnoreCase(status))
                    && (blank(q.commonName()) || q.commonName().equalsIgnoreCase(o.getContent().getCommonName()))
                    && (blank(q.productNameId()) || q.productNameId().equalsIgnoreCase(o.getProduct()))
                    && (validTill == null || (c != null && validTill.test(c.getNotAfter().atZone(
                            java.time.ZoneOffset.UTC).toLocalDate())))
                    && (search == null || matches(o, search))) {
                matching.add(o);
            }
        }
        java.util.Comparator<CertificateOrder> order = switch (sort.field()) {
            case "date_created" -> java.util.Comparator.comparing(CertificateOrder::getCreatedAt);
            case "valid_till" -> java.util.Comparator.comparing(o -> o.getCertificate() == null ? Instant.MAX
                    : o.getCertificate().getNotAfter());
            case "common_name" -> java.util.Comparator.comparing(o -> String.valueOf(o.getContent().getCommonName()));
            case "status" -> java.util.Comparator.comparing(o -> statuses.get(o.getId()));
            case "product_name_id" -> java.util.Comparator.comparing(CertificateOrder::getProduct);
            default -> java.util.Comparator.comparing(CertificateOrder::getId);
        };
        order = order.thenComparing(CertificateOrder::getId);
        matching.sort(sort.descending() ? order.reversed() : order);
        int from = Math.min(Math.max(0, offset), matching.size());
        return new OrderPage(List.copyOf(matching.subList(from, Math.min(matching.size(),
                from + Math.max(1, Math.min(limit, 1000))))), matching.size());
    }

    private static boolean matches(CertificateOrder o, String search) {
        if (String.valueOf(o.getId()).equals(search)) {
            return true;
        }
        if (o.getContent().getCommonName() != null
                && o.getContent().getCommonName().toLowerCase(Locale.ROOT).contains(search)) {
            return true;
        }
        for (String n : split(o.getContent().getDnsNames())) {
            if (n.contains(search)) {
                return true;
            }
        }
        return o.getCertificate() != null && o.getCertificate().getSerialNumber().toLowerCase(Locale.ROOT)
                .contains(search);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * CertCentral's order status: needs_approval (a new order waiting for an approver), pending (approved, waiting
     * for DCV), issued, reissue_pending (issued, a reissue waits), rejected, canceled, revoked or expired.
     */
    public String status(CertificateOrder o, Instant now) {
        List<OrderRequest> rs = em.createNamedQuery(OrderRequest.BY_ORDER, OrderRequest.class).setParameter("order", o)
                .getResultList();
        return OrderRules.orderStatus(o.getStatus(), o.getCertificate() != null
                && o.getCertificate().statusAt(now) == io.certgate.domain.ca.CertificateStatus.EXPIRED,
                rs.stream().anyMatch(r -> "new_request".equals(r.getType()) && r.isPending()),
                rs.stream().anyMatch(r -> "reissue".equals(r.getType()) && r.getCertificate() == null
                        && ("pending".equals(r.getStatus()) || "approved".equals(r.getStatus()))));
    }

    /** One order's status change: its order, current certificate (or null) and status. */
    public record StatusChange(CertificateOrder order, IssuedCertificate certificate, String status) {
    }

    /**
     * The orders whose status changed in [from, to] (GET /order/certificate/status-changes), expiry included (an
     * order's certificate that ended in the window).
     */
    public List<StatusChange> statusChanges(Caller caller, Instant from, Instant to) {
        String orgId = Caller.require(caller).requireOrganization();
        Instant now = Instant.now();
        List<StatusChange> out = new ArrayList<>();
        for (CertificateOrder o : em.createNamedQuery(CertificateOrder.BY_ORG, CertificateOrder.class)
                .setParameter("orgId", orgId).getResultList()) {
            Instant changed = o.getStatusChangedAt();
            IssuedCertificate c = o.getCertificate();
            boolean expiredInWindow = c != null && !c.getNotAfter().isBefore(from) && !c.getNotAfter().isAfter(to)
                    && !c.getNotAfter().isAfter(now);
            if ((!changed.isBefore(from) && !changed.isAfter(to)) || expiredInWindow) {
                out.add(new StatusChange(o, c, status(o, now)));
            }
        }
        return out;
    }

    public List<OrderRequest> requests(Caller caller, long orderId) {
        return em.createNamedQuery(OrderRequest.BY_ORDER, OrderRequest.class)
                .setParameter("order", find(caller, orderId)).getResultList();
    }

    public OrderRequest request(Caller caller, long requestId) {
        String orgId = Caller.require(caller).requireOrganization();
        OrderRequest r = em.find(OrderRequest.class, requestId);
        if (r == null || !r.getOrgId().equals(orgId)) {
            throw new UnknownOrderRequestException();
        }
        return r;
    }

    /**
     * One page of the organization's requests waiting for an approver, in the order asked for (oldest first when
     * none), the request id breaking ties.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
    public io.certgate.ejb.common.Page<OrderRequest> pendingRequests(Caller caller,
            io.certgate.ejb.common.ListOrder<OrderRequestColumn> order, io.certgate.ejb.common.PageRequest page) {
        String orgId = Caller.require(caller).requireOrganization();
        return io.certgate.ejb.common.OrderedPages.inStatus(em, OrderRequest.class, "r", orgId, "pending", order,
                new io.certgate.ejb.common.ListOrder<>(OrderRequestColumn.ID, false), "r.id", page);
    }

    public List<OrderRequest> requests(Caller caller, String status) {
        String orgId = Caller.require(caller).requireOrganization();
        return status == null
                ? em.createNamedQuery(OrderRequest.BY_ORG, OrderRequest.class).setParameter("orgId", orgId)
                        .getResultList()
                : em.createNamedQuery(OrderRequest.BY_ORG_AND_STATUS, OrderRequest.class).setParameter("orgId", orgId)
                        .setParameter("status", status.toLowerCase(Locale.ROOT)).getResultList();
    }

    /**
     * Approves or rejects each request with the one comment ({@link io.certgate.ejb.common.DecisionComments}), each
     * in its own transaction through the single decision (the same rules, one audit record each); the outcome per
     * request id, in the order given.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public List<io.certgate.ejb.common.BulkOutcome> decideAll(Caller caller, List<Long> requestIds, boolean approve,
                                                          String comment) {
        Caller.require(caller).requireOrganization();
        String c = io.certgate.ejb.common.DecisionComments.of(comment);
        CertificateOrders self = context.getBusinessObject(CertificateOrders.class);
        return io.certgate.ejb.common.BulkRun.each(requestIds, "request", id -> self.decide(caller, id, approve, c));
    }

    /**
     * Approves or rejects a pending request. Separation of duties: the caller that placed it cannot decide it
     * ({@link SelfApprovalException}); another key of the organization or an operator can.
     */
    public OrderRequest decide(Caller caller, long requestId, boolean approve, String comment) {
        OrderRequest r = request(caller, requestId);
        ApprovalRules.requireMayDecide(actor(caller.actor()), actor(r.getRequestedBy()),
                secondApproverRequired(r.getOrgId()));
        if (!r.isPending()) {
            throw new InvalidOrderException("request_not_pending", "the request is " + r.getStatus());
        }
        Instant now = Instant.now();
        String note = clip(comment, 1000);
        if (approve) {
            r.approved(caller.actor(), note, now);
        } else {
            r.rejected(caller.actor(), note, now);
            if ("new_request".equals(r.getType())) {
                r.getOrder().rejected();
            }
            r.getOrder().touched();
        }
        audit.record(caller, approve ? "request.approve" : "request.reject", "request=" + r.getId() + " order="
                + r.getOrder().getId(), (approve ? "approved by " : "rejected by ") + caller.actor() + "; requested by "
                + r.getRequestedBy());
        if (approve && "revoke".equals(r.getType())) {
            performRevocation(caller, r);
        } else if (approve) {
            tryIssue(caller, r);
        }
        return r;
    }

    /** Who an actor is for approvals: its key's role and the user behind it. */
    private ApprovalRules.Actor actor(String actor) {
        ApiCredentials.KeyHolder h = credentials.digiCertKeyHolder(actor);
        return new ApprovalRules.Actor(actor, h.role(), h.user());
    }

    /** Must a second person approve the organization's requests? (No setting: no.) */
    public boolean secondApproverRequired(String orgId) {
        DigiCertPolicy p = em.find(DigiCertPolicy.class, orgId);
        return p != null && p.isSecondApprover();
    }

    /** An operator sets whether the organization's DigiCert requests need a second person. */
    public boolean secondApprover(Caller operator, boolean required) {
        String orgId = Caller.require(operator).requireOrganization();
        DigiCertPolicy p = em.find(DigiCertPolicy.class, orgId);
        if (p == null) {
            em.persist(new DigiCertPolicy(orgId, required, Instant.now()));
        } else {
            p.secondApprover(required, Instant.now());
        }
        audit.record(operator, "digicert.policy", "org=" + orgId, "second approver " + (required ? "required"
                : "not required"));
        return required;
    }

    /**
     * Cancels what waits on the order (PUT /order/certificate/{id}/status {status: canceled, note}): a new order
     * that was never issued is canceled with its request; an issued order's pending reissues and duplicates are.
     */
    public CertificateOrder cancel(Caller caller, long orderId, String note) {
        CertificateOrder order = find(caller, orderId);
        Instant now = Instant.now();
        int canceled = 0;
        for (OrderRequest r : requests(caller, orderId)) {
            if (!"revoke".equals(r.getType()) && r.getCertificate() == null
                    && ("pending".equals(r.getStatus()) || "approved".equals(r.getStatus()))) {
                r.canceled(caller.actor(), clip(note, 1000), now);
                canceled++;
            }
        }
        if (canceled == 0) {
            throw new InvalidOrderException("order_not_pending", "order " + orderId + " is "
                    + status(order, now) + ": only a pending order or a pending reissue can be canceled");
        }
        order.canceled();
        order.touched();
        audit.record(caller, "order.cancel", "order=" + order.getId(), canceled + " pending request(s) canceled"
                + (note == null ? "" : ": " + clip(note, 200)));
        return order;
    }

    /**
     * Checks domain control for the order's domains that are not validated yet, with the order's DCV method and
     * random value, and issues what was only waiting for it. Answers the domains still not validated.
     */
    public List<String> checkDcv(Caller caller, long orderId) {
        CertificateOrder order = find(caller, orderId);
        DcvMethod method = dcvMethod(order.getDcvMethod());
        List<String> missing = new ArrayList<>();
        DomainControlCheck check = null;
        for (OrderRequest r : requests(caller, orderId)) {
            for (String name : split(r.getContent().getDnsNames())) {
                OrgDomain d = domain(order.getOrgId(), base(name));
                if (d.isValidated() || missing.contains(d.getName())) {
                    continue;
                }
                if (!method.isCheckable() || order.getDcvRandomValue() == null) {
                    missing.add(d.getName());
                    continue;
                }
                check = check == null ? DomainControlCheck.fromConfig() : check;
                if (check.check(d.getName(), method, order.getDcvRandomValue())) {
                    d.validated(method.wireName(), Instant.now());
                    audit.record(caller, "domain.validate", "domain=" + d.getName(), "validated by "
                            + method.wireName() + " for order " + order.getId());
                } else {
                    missing.add(d.getName());
                }
            }
        }
        for (OrderRequest r : requests(caller, orderId)) {
            tryIssue(caller, r);
        }
        return missing;
    }

    /** An operator marks a domain of the organization validated (e.g. checked by other means). */
    public OrgDomain validateDomain(Caller operator, String name) {
        String orgId = Caller.require(operator).requireOrganization();
        OrgDomain d = domain(orgId, base(OrderRules.dnsName(name.toLowerCase(Locale.ROOT), true)));
        if (!d.isValidated()) {
            d.validated("operator", Instant.now());
            audit.record(operator, "domain.validate", "domain=" + d.getName(), "validated by " + operator.actor());
        }
        return d;
    }

    /** A domain of the caller's organization by id. */
    public OrgDomain domain(Caller caller, long domainId) {
        String orgId = Caller.require(caller).requireOrganization();
        OrgDomain d = em.find(OrgDomain.class, domainId);
        if (d == null || !d.getOrgId().equals(orgId)) {
            throw new UnknownOrderException();
        }
        return d;
    }

    /** Chooses a token method for validating a domain on its own and hands out its random value. */
    public OrgDomain domainDcvMethod(Caller caller, long domainId, String method) {
        OrgDomain d = domain(caller, domainId);
        DcvMethod m = dcvMethod(method);
        d.dcv(m.wireName(), m != DcvMethod.EMAIL ? RandomIds.alphanumeric(32).toLowerCase(Locale.ROOT) : null);
        return d;
    }

    /**
     * Checks a domain on its own with its token method and random value; once validated, every order waiting
     * only for it issues. True when the domain is validated.
     */
    public boolean checkDomainDcv(Caller caller, long domainId) {
        OrgDomain d = domain(caller, domainId);
        if (d.isValidated()) {
            return true;
        }
        DcvMethod method = dcvMethod(d.getDcvMethod());
        if (!method.isCheckable() || d.getDcvToken() == null
                || !DomainControlCheck.fromConfig().check(d.getName(), method, d.getDcvToken())) {
            return false;
        }
        d.validated(method.wireName(), Instant.now());
        audit.record(caller, "domain.validate", "domain=" + d.getName(), "validated by " + method.wireName());
        for (OrderRequest r : requests(caller, "approved")) {
            tryIssue(caller, r);
        }
        return true;
    }

    public List<OrgDomain> domains(Caller caller) {
        return em.createNamedQuery(OrgDomain.BY_ORG, OrgDomain.class)
                .setParameter("orgId", Caller.require(caller).requireOrganization()).getResultList();
    }

    /** A certificate of one of the organization's orders (for download and revocation). */
    public IssuedCertificate certificate(Caller caller, long certificateId) {
        IssuedCertificate c = ledger.find(caller, certificateId);
        if (orderOf(c) == null) {
            throw new UnknownOrderCertificateException(); // a device or CertManager certificate: not DigiCert's
        }
        return c;
    }

    /**
     * A certificate of one of the organization's orders by what CertCentral clients name it: its id, or its serial
     * number (hex, colons allowed) or thumbprint (SHA-1 or SHA-256, hex). An id wins over a serial that reads the same.
     */
    public IssuedCertificate certificateByReference(Caller caller, String reference) {
        IssuedCertificate c = lookUpCertificate(caller, reference, true);
        if (c == null) {
            throw new UnknownOrderCertificateException();
        }
        return c;
    }

    /** An order by its id, or by its certificate's serial number or thumbprint (as order info accepts them). */
    public CertificateOrder findByReference(Caller caller, String reference) {
        String orgId = Caller.require(caller).requireOrganization();
        String ref = reference == null ? "" : reference.trim();
        if (ref.matches("[0-9]{1,18}")) {
            CertificateOrder o = em.find(CertificateOrder.class, Long.parseLong(ref));
            if (o != null && o.getOrgId().equals(orgId)) {
                return o;
            }
        }
        IssuedCertificate c = lookUpCertificate(caller, ref, false); // a number here is an order id, not a certificate's
        if (c == null) {
            throw new UnknownOrderException();
        }
        return orderOf(c);
    }

    /**
     * Looks up without throwing (a business exception would mark the transaction for rollback): by id (when asked), then by
     * serial number or thumbprint; only certificates of the organization's orders; null when none.
     */
    private IssuedCertificate lookUpCertificate(Caller caller, String reference, boolean byId) {
        String orgId = Caller.require(caller).requireOrganization();
        String ref = reference == null ? "" : reference.trim();
        if (byId && ref.matches("[0-9]{1,18}")) {
            IssuedCertificate c = em.find(IssuedCertificate.class, Long.parseLong(ref));
            if (c != null && orgId.equals(c.getOrgId()) && orderOf(c) != null) {
                return c;
            }
        }
        String hex = ref.replace(":", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{1,64}")) {
            return null;
        }
        if (hex.length() == 40 || hex.length() == 64) {
            for (IssuedCertificate c : em.createQuery("SELECT r.certificate FROM OrderRequest r WHERE r.orgId = :orgId "
                    + "AND r.certificate IS NOT NULL", IssuedCertificate.class).setParameter("orgId", orgId)
                    .getResultList()) {
                if (hex.equals(OrderRules.thumbprint(c.getCertPem(), hex.length() == 40 ? "SHA-1" : "SHA-256"))) {
                    return c;
                }
            }
        }
        IssuedCertificate bySerial = ledger.findBySerial(caller, new java.math.BigInteger(hex, 16)).orElse(null);
        return bySerial == null || orderOf(bySerial) == null ? null : bySerial;
    }

    /** The order a certificate belongs to, or null. */
    public CertificateOrder orderOf(IssuedCertificate c) {
        return em.createQuery("SELECT r.order FROM OrderRequest r WHERE r.certificate = :c", CertificateOrder.class)
                .setParameter("c", c).getResultList().stream().findFirst().orElse(null);
    }

    /**
     * A revoke request for one certificate of an order (DigiCert's "Revoke certificate"): the order stays active
     * and can be reissued. Pending until an approver decides, unless skip_approval by a key that may skip it.
     */
    public OrderRequest revokeCertificate(Caller caller, long certificateId, RevocationReason reason, String comments,
                                          boolean skipApproval) {
        IssuedCertificate cert = certificate(caller, certificateId);
        CertificateOrder order = orderOf(cert);
        if (cert.isRevoked()) {
            throw new InvalidOrderException("already_revoked", "certificate " + certificateId + " is revoked");
        }
        return revokeRequest(caller, order, cert, reason, comments, skipApproval);
    }

    /** A revoke request for every valid certificate of the order (the order is revoked once it is approved). */
    public OrderRequest revokeOrder(Caller caller, long orderId, RevocationReason reason, String comments,
                                    boolean skipApproval) {
        CertificateOrder order = find(caller, orderId);
        if (order.getCertificate() == null) {
            throw new InvalidOrderException("order_not_issued", "the order has no certificate to revoke");
        }
        if ("revoked".equals(order.getStatus())) {
            throw new InvalidOrderException("already_revoked", "order " + orderId + " is revoked");
        }
        return revokeRequest(caller, order, null, reason, comments, skipApproval);
    }

    private OrderRequest revokeRequest(Caller caller, CertificateOrder order, IssuedCertificate cert,
                                       RevocationReason reason, String comments, boolean skipApproval) {
        for (OrderRequest r : requests(caller, order.getId())) {
            if ("reissue".equals(r.getType()) && r.getCertificate() == null
                    && ("pending".equals(r.getStatus()) || "approved".equals(r.getStatus()))) {
                throw new InvalidOrderException("reissue_pending", "order " + order.getId() + " has a pending "
                        + "reissue (request " + r.getId() + "): cancel it or let it finish before revoking");
            }
        }
        OrderRequest r = new OrderRequest(order, "revoke", "", order.getContent(), false, null, caller.actor(),
                clip(comments, 1000), Instant.now());
        r.revokes(cert, reason.name());
        em.persist(r);
        em.flush();
        audit.record(caller, "order.revoke-request", "order=" + order.getId() + " request=" + r.getId(),
                (cert == null ? "every certificate of the order" : "certSn " + cert.getCertSn()) + ", " + reason);
        if (skipApproval && ApprovalRules.maySkipApproval(actor(caller.actor()), secondApproverRequired(order.getOrgId()))) {
            r.approved(caller.actor(), "skip_approval", Instant.now());
            performRevocation(caller, r);
        }
        return r;
    }

    /** An approved revoke request: its certificate (or every valid certificate of the order) is revoked. */
    private void performRevocation(Caller caller, OrderRequest r) {
        CertificateOrder order = r.getOrder();
        RevocationReason reason = r.getRevocationReason() == null ? RevocationReason.UNSPECIFIED
                : RevocationReason.valueOf(r.getRevocationReason());
        if (r.getCertificate() != null) {
            if (!r.getCertificate().isRevoked()) {
                ledger.revoke(caller, r.getCertificate(), reason, "order=" + order.getId() + " request=" + r.getId());
            }
            order.touched();
            return;
        }
        for (OrderRequest other : em.createNamedQuery(OrderRequest.BY_ORDER, OrderRequest.class)
                .setParameter("order", order).getResultList()) {
            IssuedCertificate c = other.getCertificate();
            if (c != null && !c.isRevoked() && !"revoke".equals(other.getType())) {
                ledger.revoke(caller, c, reason, "order=" + order.getId() + " request=" + r.getId());
            }
        }
        order.revoked();
        LOG.fine(() -> "order " + order.getId() + " revoked by request " + r.getId());
    }

    /** Approval (unless skipped) and DCV (where the product needs it) decide whether it issues now. */
    private OrderOutcome settle(Caller caller, CertificateOrder order, OrderRequest request, boolean skipApproval,
                                DcvMethod dcv) {
        if (skipApproval && ApprovalRules.maySkipApproval(actor(caller.actor()), secondApproverRequired(order.getOrgId()))) {
            request.approved(caller.actor(), "skip_approval", Instant.now());
        }
        IssuedCertificate issued = tryIssue(caller, request);
        // every token method gets the random value (dns-cname-token too: the CNAME carries it), e-mail none
        String token = issued == null && dcv != DcvMethod.EMAIL && !unvalidated(order, request).isEmpty()
                ? order.getDcvRandomValue() : null;
        return new OrderOutcome(order, request, issued, token);
    }

    private IssuedCertificate tryIssue(Caller caller, OrderRequest r) {
        if (!"approved".equals(r.getStatus()) || r.getCertificate() != null || "revoke".equals(r.getType())) {
            return null;
        }
        CertificateOrder order = r.getOrder();
        if (!unvalidated(order, r).isEmpty()) {
            return null;
        }
        DigiCertProduct product = DigiCertProduct.byNameId(order.getProduct()).orElseThrow();
        ValidatedCsr csr = csrOrKey(r.getCsrPem(), product);
        X500Name subject = subject(product, r, csr);
        CertificateProfile.Usage usage = switch (product.kind()) {
            case TLS -> CertificateProfile.Usage.TLS_SERVER;
            case CLIENT -> CertificateProfile.Usage.CLIENT_EMAIL;
            case CODE_SIGNING -> CertificateProfile.Usage.CODE_SIGNING;
        };
        Instant end = r.getValidUntil() == null ? order.getPlanEnd() : r.getValidUntil();
        IssuedCertificate cert = ledger.issue(caller, new Issuance(IssueAuthority.valueOf(r.getContent().getCa()), subject,
                csr.publicKey(), ValidityRequest.until(end), usage, split(r.getContent().getDnsNames()), null,
                order.getCertificate() == null ? null : order.getCertificate().getCertSn(), "certificate.issue",
                "order=" + order.getId() + " request=" + r.getId(), new SignatureScheme(r.getContent().getSignatureHash(),
                r.isRsassaPss()), split(r.getContent().getEmails()), KeyPolicy.ENTERPRISE));
        r.issued(cert);
        if (!"duplicate".equals(r.getType())) {
            order.holds(cert, r.getContent());
        }
        order.touched();
        return cert;
    }

    /** The request's domains not validated yet (none for products without DCV). */
    private List<String> unvalidated(CertificateOrder order, OrderRequest r) {
        List<String> missing = new ArrayList<>();
        if (!DigiCertProduct.byNameId(order.getProduct()).orElseThrow().needsDcv()) {
            return missing;
        }
        for (String name : split(r.getContent().getDnsNames())) {
            String base = base(name);
            if (!domain(order.getOrgId(), base).isValidated() && !missing.contains(base)) {
                missing.add(base);
            }
        }
        return missing;
    }

    private void registerDomains(CertificateOrder order, List<String> names) {
        if (DigiCertProduct.byNameId(order.getProduct()).orElseThrow().needsDcv()) {
            for (String n : names) {
                domain(order.getOrgId(), base(n));
            }
        }
    }

    /** The organization's domain of that name, created (not validated) when it is new. */
    private OrgDomain domain(String orgId, String name) {
        List<OrgDomain> found = em.createNamedQuery(OrgDomain.BY_ORG_AND_NAME, OrgDomain.class)
                .setParameter("orgId", orgId).setParameter("name", name).getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        OrgDomain d = new OrgDomain(orgId, name, Instant.now());
        em.persist(d);
        em.flush();
        return d;
    }

    private static X500Name subject(DigiCertProduct product, OrderRequest r, ValidatedCsr csr) {
        if (product.kind() == DigiCertProduct.Kind.CODE_SIGNING) {
            return csr.subject();
        }
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        b.addRDN(BCStyle.CN, r.getContent().getCommonName());
        for (String ou : split(r.getOrder().getOrganizationUnits())) {
            b.addRDN(BCStyle.OU, ou);
        }
        return b.build();
    }

    private static CertificateContent content(OrderRules.Names names, String hash, IssueAuthority ca) {
        return new CertificateContent(names.commonName(), join(names.dnsNames()), join(names.emails()), hash, ca.name());
    }

    /**
     * The algorithm a {@code ca_cert_id} selects: one of the organization's issuing CAs (any generation, so an id kept
     * from before a rollover still selects its algorithm's current CA), or, as listed before the hierarchy, a root.
     */
    private IssueAuthority ca(Caller caller, String caCertId) {
        if (caCertId == null || caCertId.isBlank()) {
            return IssueAuthority.RSA;
        }
        String id = caCertId.trim().toUpperCase(Locale.ROOT);
        String scope = issuing.scopeOf(Caller.require(caller).requireOrganization());
        for (io.certgate.ejb.ca.LoadedIssuingCa ica : issuing.certified()) {
            if (ica.scope().equals(scope) && OrderCa.id(ica.certificate()).equals(id)) {
                return ica.authority();
            }
        }
        for (IssueAuthority a : IssueAuthority.values()) {
            if (OrderCa.id(authorities.certificate(a)).equals(id)) {
                return a;
            }
        }
        throw new InvalidOrderException("invalid_ca_cert_id", "ca_cert_id must name one of the CAs of GET /product's "
                + "allowed_ca_certs (" + String.join(", ", allowedCas(caller).stream().map(OrderCa::id).toList()) + ")");
    }

    private static DcvMethod dcvMethod(String wire) {
        if (wire == null || wire.isBlank()) {
            return DcvMethod.EMAIL;
        }
        return DcvMethod.parse(wire).orElseThrow(() -> new InvalidOrderException("invalid_dcv_method",
                "dcv_method must be email, http-token, dns-txt-token or dns-cname-token"));
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidOrderException("missing_field", name + " is required");
        }
        return value;
    }

    /**
     * The CSR, or a public key in its place ("CSR or public key", spec 003; not for code signing, whose subject
     * comes from the CSR), checked against the enterprise key policy.
     */
    private ValidatedCsr csrOrKey(String text, DigiCertProduct product) {
        java.util.Optional<org.bouncycastle.asn1.x509.SubjectPublicKeyInfo> key = PublicKeyPem.parse(text);
        if (key.isEmpty()) {
            return ledger.validateCsr(text, KeyPolicy.ENTERPRISE);
        }
        if (product.kind() == DigiCertProduct.Kind.CODE_SIGNING) {
            throw new io.certgate.ejb.ca.InvalidCsrException(
                    io.certgate.ejb.ca.InvalidCsrException.Reason.CANNOT_PARSE, "code signing needs a CSR (its subject is the "
                    + "certificate's), not a public key");
        }
        return PublicKeyPem.validate(key.get(), KeyPolicy.ENTERPRISE);
    }

    /** What a request keeps: the CSR as PEM, or the public key as PEM. */
    private static String stored(String sent) {
        return PublicKeyPem.parse(sent).map(PublicKeyPem::pem).orElseGet(() -> pem(sent));
    }

    /** The CSR as stored: PEM with line breaks, whatever form the client sent (one line, \n, headers or not). */
    private static String pem(String sent) {
        String body = sent.replaceAll("-----(BEGIN|END) (NEW )?CERTIFICATE REQUEST-----", "").replaceAll("\\s", "");
        StringBuilder b = new StringBuilder("-----BEGIN CERTIFICATE REQUEST-----\n");
        for (int i = 0; i < body.length(); i += 64) {
            b.append(body, i, Math.min(body.length(), i + 64)).append('\n');
        }
        return b.append("-----END CERTIFICATE REQUEST-----\n").toString();
    }

    /** The domain DCV validates: a wildcard's base domain. */
    private static String base(String name) {
        return name.startsWith("*.") ? name.substring(2) : name;
    }

    private static String validityText(CertificateSpec.CertValidity v) {
        if (v == null || v.isEmpty()) {
            return "years=1";
        }
        return v.customExpirationDate() != null ? "custom=" + v.customExpirationDate()
                : v.days() != null ? "days=" + v.days() : "years=" + v.years();
    }

    static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    public static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(","));
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
