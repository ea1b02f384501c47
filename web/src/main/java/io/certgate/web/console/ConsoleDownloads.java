package io.certgate.web.console;

import io.certgate.domain.CertgateException;
import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.ejb.access.AuditQuery;
import io.certgate.ejb.access.AuditTrail;
import io.certgate.ejb.ca.CertificateFormat;
import io.certgate.ejb.ca.CertificateInventory;
import io.certgate.ejb.ca.CertificatePage;
import io.certgate.ejb.ca.CertificateQuery;
import io.certgate.ejb.ca.UnknownCertificateException;
import io.certgate.ejb.common.Page;
import io.certgate.ejb.common.PageRequest;
import io.certgate.ejb.device.DeviceRegistry;
import io.certgate.web.admin.AdminPaging;
import io.certgate.web.admin.AuditViews;
import io.certgate.web.admin.PendingViews;
import io.certgate.ejb.binding.SelfEnrollmentColumn;
import io.certgate.ejb.binding.SelfEnrollments;
import io.certgate.ejb.common.ListOrder;
import io.certgate.ejb.enrollment.CertificateOrders;
import io.certgate.ejb.enrollment.EnrollmentService;
import io.certgate.ejb.enrollment.OrderRequestColumn;
import io.certgate.ejb.enrollment.TransactionColumn;
import io.certgate.web.admin.CertificateAdminRequests;
import io.certgate.web.admin.CertificateAdminViews;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The console's files, under the console's path so the console's sign-in, headers and error pages
 * ({@link ConsoleErrors}) cover them, and only by GET: {@code certificate?org=&sn=&format=pem|der|chain|pkcs7} (one
 * certificate of the organization), {@code certificates.csv?org=&...} and {@code audit.csv?org=&...} (every
 * certificate, or audit record, the list page's filter finds, in its order, as the admin API lists them; at most
 * {@value #MAX_EXPORT}), {@code pending.csv?org=&kind=&sort=} (one of the pending page's lists), and {@code once?id=} (a
 * file an admin's post made, such as a new RA account's PKCS#12: {@link OneTimeDownloads}, once, never cached). The
 * operator reads the organization as on its pages ({@link ConsoleGuard#reading}): an unknown certificate or another
 * organization's is 404, a refusal 403, each a console page with a sentence.
 */
@WebServlet(ConsoleDownloads.PATH + "/*")
public class ConsoleDownloads extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = ConsolePaths.ROOT + "/download";

    /** The most rows one export writes: beyond it the operator narrows the filter. */
    static final int MAX_EXPORT = 100_000;

    /** Content type and file name ending per format (RFC 2585 for DER, RFC 8551 certs-only for PKCS#7). */
    private record Kind(String contentType, String suffix) {
    }

    private static final Map<CertificateFormat, Kind> KINDS = Map.of(
            CertificateFormat.PEM, new Kind("application/x-pem-file", ".pem"),
            CertificateFormat.DER, new Kind("application/pkix-cert", ".cer"),
            CertificateFormat.CHAIN, new Kind("application/x-pem-file", "-chain.pem"),
            CertificateFormat.PKCS7, new Kind("application/pkcs7-mime; smime-type=certs-only", ".p7b"));

    @EJB
    private CertificateInventory inventory;

    @EJB
    private DeviceRegistry devices;

    @EJB
    private AuditTrail audit;

    @EJB
    private SelfEnrollments selfEnrollments;

    @EJB
    private EnrollmentService enrollments;

    @EJB
    private CertificateOrders orders;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private OneTimeDownloads once;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String what = Objects.requireNonNullElse(request.getPathInfo(), "");
        if (what.equals("/once")) {
            kept(request, response);
            return;
        }
        if (ConsoleForms.trimmed(request.getParameter("org")) == null) {
            refuse(request, response, 400, "Name the organization (org).");
            return;
        }
        try {
            switch (what) {
                case "/certificate" -> certificate(request, response);
                case "/certificates.csv" -> certificates(request, response);
                case "/audit.csv" -> audit(request, response);
                case "/pending.csv" -> pending(request, response);
                default -> refuse(request, response, 404, "No such download.");
            }
        } catch (RuntimeException e) {
            // the rules' refusals as console pages; anything else is ConsoleErrors' (logged, the 500 page)
            Throwable t = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (response.isCommitted() || !(t instanceof CertgateException)) {
                throw e;
            }
            refuse(request, response, t instanceof UnknownCertificateException ? 404
                    : t instanceof ConsoleRefusedException ? 403 : 400, ConsoleMessages.sentence(t.getMessage()));
        }
    }

    /** Where a kept file downloads, once. */
    static String onceUrl(String contextPath, String id) {
        return contextPath + PATH + "/once?id=" + id;
    }

    /** A file of {@link OneTimeDownloads}: only admins made them; a second request, or another session's, is 404. */
    private void kept(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isUserInRole("admin")) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        var file = once.take(request.getParameter("id"));
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] content = file.get().content();
        // the names are identifiers ([A-Za-z0-9_.:-]), safe in the header as they are
        attachment(response, file.get().mediaType(), file.get().name());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }

    private void certificate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long sn = CertificateAdminRequests.certSn(request.getParameter("sn"));
        CertificateFormat format = format(request.getParameter("format"));
        byte[] file = inventory.file(guard.reading(request.getParameter("org")), sn, format);
        Kind kind = KINDS.get(format);
        attachment(response, kind.contentType(), "certificate-" + sn + kind.suffix());
        response.setContentLength(file.length);
        response.getOutputStream().write(file);
    }

    private void certificates(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String org = request.getParameter("org");
        Caller reader = guard.reading(org);
        CertificateQuery query = CertificateSearch.query(devices, reader, ConsoleForms.trimmed(request.getParameter("device")),
                request.getParameter("status"), request.getParameter("serial"), request.getParameter("subject"),
                CertificateAdminRequests.number("expiring within", request.getParameter("expiring"), null),
                ConsoleForms.trimmed(request.getParameter("sort")), 0,
                CertificateQuery.MAX_LIMIT);
        export(request, response, ConsoleCsv.CERTIFICATES, "certificates", "certificates", offset -> {
            CertificatePage page = inventory.search(reader, query.page(offset, CertificateQuery.MAX_LIMIT));
            List<Long> ids = page.certificates().stream().map(IssuedCertificate::getDeviceId).filter(Objects::nonNull)
                    .distinct().toList();
            Map<Long, String> assetIds = devices.assetIds(reader, ids);
            return new Rows(page.total(), page.certificates().stream().map(c -> CertificateAdminViews.summary(c,
                    page.at(), c.getDeviceId() == null ? null : assetIds.get(c.getDeviceId()))).toList());
        });
    }

    /** The audit trail's records that the audit page's filter finds, in its order, as the admin API pages them. */
    private void audit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller reader = guard.reading(request.getParameter("org"));
        AuditQuery query = AdminPaging.audit(request.getParameter("actor"), request.getParameter("action"),
                request.getParameter("from"), request.getParameter("to"), request.getParameter("sort"),
                new PageRequest(0, PageRequest.MAX_LIMIT));
        export(request, response, ConsoleCsv.AUDIT, "audit records", "audit", offset -> rows(audit.search(reader,
                query.page(exportPage(offset))), AuditViews::entry));
    }

    /**
     * One of the pending page's lists ({@code kind} self-enrollment, transaction or digicert), every row of it in its
     * order ({@code sort}), as the admin API lists it.
     */
    private void pending(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller reader = guard.reading(request.getParameter("org"));
        String sort = request.getParameter("sort");
        String kind = String.valueOf(request.getParameter("kind"));
        switch (kind) {
            case "self-enrollment" -> export(request, response, ConsoleCsv.SELF_ENROLLMENTS, "requests",
                    "pending-self-enrollments", offset -> rows(selfEnrollments.pending(reader, ListOrder.parse(
                            SelfEnrollmentColumn.class, sort), exportPage(offset)), r -> PendingViews.selfEnrollment(r)
                            .build()));
            case "transaction" -> export(request, response, ConsoleCsv.TRANSACTIONS, "transactions",
                    "pending-transactions", offset -> rows(enrollments.pending(reader, ListOrder.parse(
                            TransactionColumn.class, sort), exportPage(offset)), PendingViews::transaction));
            case "digicert" -> export(request, response, ConsoleCsv.DIGICERT_REQUESTS, "requests",
                    "pending-digicert-requests", offset -> rows(orders.pendingRequests(reader, ListOrder.parse(
                            OrderRequestColumn.class, sort), exportPage(offset)), PendingViews::digiCertRequest));
            default -> refuse(request, response, 400, "kind must be self-enrollment, transaction or digicert.");
        }
    }

    private static PageRequest exportPage(int offset) {
        return new PageRequest(offset, PageRequest.MAX_LIMIT);
    }

    private static <T> Rows rows(Page<T> page, java.util.function.Function<T, JsonObject> json) {
        return new Rows(page.total(), page.items().stream().map(json).toList());
    }

    /** One page of an export: how many match in all, and this page's rows as the admin API writes them. */
    private record Rows(long total, List<JsonObject> items) {
    }

    /**
     * A list's CSV, page after page from offset 0 until every row the first page counted is written; refused as a
     * whole when more than {@value #MAX_EXPORT} match.
     */
    private static void export(HttpServletRequest request, HttpServletResponse response, ConsoleCsv table, String what,
                               String fileName, IntFunction<Rows> pageAt) throws IOException {
        Rows page = pageAt.apply(0);
        long total = page.total();
        if (total > MAX_EXPORT) {
            refuse(request, response, 400, total + " " + what + " match: an export holds at most " + MAX_EXPORT
                    + ". Narrow the search.");
            return;
        }
        String org = request.getParameter("org").replaceAll("[^A-Za-z0-9_.-]", "_");
        attachment(response, "text/csv; charset=UTF-8", fileName + "-" + org + ".csv");
        Writer out = response.getWriter();
        out.write(table.header());
        int offset = 0;
        while (true) {
            for (JsonObject item : page.items()) {
                out.write(table.row(item));
            }
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= total) {
                break;
            }
            page = pageAt.apply(offset);
        }
        out.flush();
    }

    private static void attachment(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    private static CertificateFormat format(String value) {
        for (CertificateFormat f : CertificateFormat.values()) {
            if (f.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return f;
            }
        }
        throw new io.certgate.ejb.common.InvalidArgumentException("format must be pem, der, chain or pkcs7");
    }

    /** A refusal as a console page that says why. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String sentence)
            throws IOException {
        ConsolePageWriter.write(request, response, status, status == 404 ? "No such file" : "Download refused",
                sentence, true, "<p><a id=\"home\" href=\"" + request.getContextPath() + ConsolePaths.HOME
                        + "\">Go to the console's home page</a></p>");
    }
}
