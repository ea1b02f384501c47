package io.certgate.web.console;

import io.certgate.domain.access.Caller;
import io.certgate.domain.binding.SelfEnrollment;
import io.certgate.domain.enrollment.EnrollmentTransaction;
import io.certgate.domain.enrollment.OrderRequest;
import io.certgate.ejb.binding.SelfEnrollmentColumn;
import io.certgate.ejb.binding.SelfEnrollments;
import io.certgate.ejb.common.Page;
import io.certgate.ejb.device.DeviceRegistry;
import io.certgate.ejb.enrollment.CertificateOrders;
import io.certgate.ejb.enrollment.EnrollmentService;
import io.certgate.ejb.enrollment.OrderRequestColumn;
import io.certgate.ejb.enrollment.TransactionColumn;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What waits for an approver in the organization, oldest first unless a column's header says otherwise, each list
 * a page at a time ({@link PendingList}): CertManager transactions of RA accounts that need approval, DigiCert
 * requests placed without skip_approval, devices' self-enrollments (EST, SCEP) of products that ask for approval.
 * View-scoped: a row's button decides the request that was shown.
 */
@Named
@ViewScoped
public class PendingRequests implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private EnrollmentService enrollments;

    @EJB
    private CertificateOrders orders;

    @EJB
    private SelfEnrollments selfEnrollments;

    @EJB
    private DeviceRegistry deviceRegistry;

    @Inject
    private ConsoleOrganization organization;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    /** The three lists, each paged and ordered on its own (parameters d..., t..., r...). */
    private final PendingList<SelfEnrollmentColumn, SelfEnrollment> devices = new PendingList<>(
            SelfEnrollmentColumn.class, "d", "self-enrollment", SelfEnrollmentColumn.ID);
    private final PendingList<TransactionColumn, EnrollmentTransaction> transactions = new PendingList<>(
            TransactionColumn.class, "t", "transaction", TransactionColumn.CREATED_AT);
    private final PendingList<OrderRequestColumn, OrderRequest> digiCert = new PendingList<>(
            OrderRequestColumn.class, "r", "digicert", OrderRequestColumn.ID);
    private transient Map<Long, String> assetIds = Map.of();
    /** What an approval would issue now, by request id: the product's default, capped at the issuing CA's end. */
    private transient Map<Long, io.certgate.ejb.ca.ValidityPeriod> validity = Map.of();
    /** The product's default validity in days, by request id (to say when the CA's end caps it). */
    private transient Map<Long, Integer> defaultDays = Map.of();

    /** Before every rendering, after the decisions. */
    public void load() {
        if (!organization.isChosen()) {
            return;
        }
        String org = organization.getId();
        if (transactions.paged(messages, "Listing pending CertManager transactions")) {
            messages.attempt("Listing pending CertManager transactions", () -> enrollments.pending(guard.reading(org),
                    transactions.order(), transactions.pageRequest())).ifPresent(p -> transactions.show(org, p));
        }
        if (digiCert.paged(messages, "Listing pending DigiCert requests")) {
            messages.attempt("Listing pending DigiCert requests", () -> orders.pendingRequests(guard.reading(org),
                    digiCert.order(), digiCert.pageRequest())).ifPresent(p -> digiCert.show(org, p));
        }
        if (devices.paged(messages, "Listing pending device self-enrollments")) {
            messages.attempt("Listing pending device self-enrollments", () -> {
                Caller reader = guard.reading(org);
                Page<SelfEnrollment> pending = selfEnrollments.pending(reader, devices.order(), devices.pageRequest());
                assetIds = assetIdsOf(reader, pending.items());
                Map<Long, io.certgate.ejb.ca.ValidityPeriod> periods = new java.util.HashMap<>();
                Map<Long, Integer> days = new java.util.HashMap<>();
                for (SelfEnrollment r : pending.items()) {
                    periods.put(r.getId(), selfEnrollments.validityOnApproval(reader, r.getId()));
                    days.put(r.getId(), deviceRegistry.byId(reader, r.getDeviceId()).getProduct()
                            .getDefaultValidDay());
                }
                validity = periods;
                defaultDays = days;
                return pending;
            }).ifPresent(p -> devices.show(org, p));
        }
    }

    private Map<Long, String> assetIdsOf(Caller reader, List<SelfEnrollment> shown) {
        return deviceRegistry.assetIds(reader, shown.stream().map(SelfEnrollment::getDeviceId).distinct().toList());
    }

    public PendingList<SelfEnrollmentColumn, SelfEnrollment> getDevices() {
        return devices;
    }

    public PendingList<TransactionColumn, EnrollmentTransaction> getTransactionList() {
        return transactions;
    }

    public PendingList<OrderRequestColumn, OrderRequest> getDigiCertList() {
        return digiCert;
    }

    public List<EnrollmentTransaction> getTransactions() {
        return transactions.getRows();
    }

    public List<OrderRequest> getDigiCertRequests() {
        return digiCert.getRows();
    }

    public List<SelfEnrollment> getDeviceRequests() {
        return devices.getRows();
    }

    /** The subject the request's CSR asks for. */
    public String subject(String csrPem) {
        return io.certgate.ejb.ca.CsrFacts.of(csrPem).subject();
    }

    /** What a request's CSR asks for: subject, names, key, signature. */
    public io.certgate.ejb.ca.CsrFacts facts(String csrPem) {
        return io.certgate.ejb.ca.CsrFacts.of(csrPem);
    }

    /**
     * What an approval would issue now: "valid 730 days, until 2028-12-06 (the product's default)", or, when the
     * issuing CA ends sooner, its end and the default it cuts short.
     */
    public String validity(SelfEnrollment r) {
        io.certgate.ejb.ca.ValidityPeriod p = validity.get(r.getId());
        Integer days = defaultDays.get(r.getId());
        if (p == null || days == null) {
            return "";
        }
        String until = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(p.notAfter().atZone(java.time.ZoneOffset.UTC));
        return "valid " + p.days() + " days, until " + until + (p.days() < days
                ? " (the issuing CA's end: the product's default of " + days + " days is longer)"
                : " (the product's default)");
    }

    public String assetId(SelfEnrollment r) {
        return assetIds.getOrDefault(r.getDeviceId(), "");
    }
}
