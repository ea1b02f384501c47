package io.certgate.web.console;

import io.certgate.domain.binding.SelfEnrollment;
import io.certgate.domain.enrollment.EnrollmentTransaction;
import io.certgate.domain.enrollment.OrderRequest;
import io.certgate.ejb.binding.SelfEnrollments;
import io.certgate.ejb.enrollment.CertificateOrders;
import io.certgate.ejb.enrollment.EnrollmentOutcome;
import io.certgate.ejb.enrollment.EnrollmentService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The changes of the pending page: approve or reject a request as the operator. Separation of duties is the EJBs'
 * (a requester never decides its own request; both identities go into the audit record).
 */
@Named
@RequestScoped
public class PendingDecisions {

    @EJB
    private EnrollmentService enrollments;

    @EJB
    private CertificateOrders orders;

    @EJB
    private SelfEnrollments selfEnrollments;

    @Inject
    private ConsoleOrganization organization;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    /** The operator's comment on the decisions of this post, kept with the requests and in their audit records. */
    private String comment;
    private final List<Long> issued = new java.util.ArrayList<>();

    public void decideTransaction(EnrollmentTransaction t, boolean approve) {
        String id = t.getTransactionId();
        messages.attempt((approve ? "Approving" : "Rejecting") + " CertManager transaction " + id, () ->
                enrollments.decideAsOperator(deciding(), id, approve, comment)).ifPresent((EnrollmentOutcome o) -> {
                    messages.done("CertManager transaction " + id + " " + o.status().name().toLowerCase(java.util.Locale.ROOT)
                            + (o.serialNumber() == null ? "." : ": certificate serial " + o.serialNumber() + "."));
                    comment = null;
                });
    }

    public void decideDigiCertRequest(OrderRequest r, boolean approve) {
        long id = r.getId();
        messages.attempt((approve ? "Approving" : "Rejecting") + " DigiCert request " + id, () -> orders.decide(
                deciding(), id, approve, comment)).ifPresent(d -> {
                    comment = null;
                    messages.done("DigiCert request " + id + " " + d.getStatus() + (d.getCertificate() == null ? "."
                            : ": certificate " + d.getCertificate().getCertSn() + " issued."));
                    if (d.getCertificate() != null) {
                        issued.add(d.getCertificate().getCertSn());
                    }
                });
    }

    public void decideSelfEnrollment(SelfEnrollment r, boolean approve) {
        long id = r.getId();
        messages.attempt((approve ? "Approving" : "Rejecting") + " self-enrollment request " + id, () -> {
            var operator = deciding();
            return approve ? selfEnrollments.approve(operator, id, comment) : selfEnrollments.reject(operator, id, comment);
        }).ifPresent((SelfEnrollment d) -> {
            comment = null;
            messages.done("Self-enrollment request " + id + " " + d.getStatus().name().toLowerCase(java.util.Locale.ROOT)
                    + (d.getCertSn() == null ? "." : ": certificate " + d.getCertSn() + " issued."));
            if (d.getCertSn() != null) {
                issued.add(d.getCertSn());
            }
        });
    }

    /**
     * The ticked requests of one kind ({@code self-enrollment}, {@code transaction}, {@code digicert}), each decided on
     * its own with the one comment (the EJBs' bulk decisions); one message for all, one for each refused request.
     */
    public void decideTicked(String kind, boolean approve) {
        String verb = approve ? "approved" : "rejected";
        String doing = approve ? "Approving" : "Rejecting";
        switch (kind) {
            case "self-enrollment" -> ConsoleForms.ticked(messages, doing + " self-enrollments", "requestId")
                    .ifPresent(ids -> bulk(doing + " self-enrollments", "Self-enrollment request",
                            "self-enrollment request(s)", verb, () -> selfEnrollments.decideAll(deciding(), ids, approve,
                                    comment)));
            case "transaction" -> bulk(doing + " CertManager transactions", "CertManager transaction",
                    "CertManager transaction(s)", verb, () -> enrollments.decideAllAsOperator(deciding(),
                            ConsoleForms.tickedTexts("transactionId"), approve, comment));
            case "digicert" -> ConsoleForms.ticked(messages, doing + " DigiCert requests", "digicertRequestId")
                    .ifPresent(ids -> bulk(doing + " DigiCert requests", "DigiCert request", "DigiCert request(s)",
                            verb, () -> orders.decideAll(deciding(), ids, approve, comment)));
            default -> messages.error("No such kind of request: " + kind + ".");
        }
    }

    /**
     * A bulk decision and its messages; once it ran, the comment is spent (the page's comment fields start empty
     * again, so it never goes with the next decision unseen).
     */
    private void bulk(String doing, String item, String plural, String verb,
                      java.util.function.Supplier<List<io.certgate.ejb.common.BulkOutcome>> decideAll) {
        messages.attempt(doing, decideAll).ifPresent(all -> {
            messages.bulk(all, item, plural, verb, "");
            comment = null;
        });
    }

    private io.certgate.domain.access.Caller deciding() {
        return guard.changing(organization.getId(), OperatorAction.DECIDE);
    }

    /** The certificates the decisions of this post issued (the page links them). */
    public List<Long> getIssued() {
        return issued;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
