package io.certgate.web.console;

import io.certgate.domain.CertgateException;
import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.ejb.ca.CertificateFormat;
import io.certgate.ejb.ca.CertificateInventory;
import io.certgate.ejb.ca.CertificatePage;
import io.certgate.ejb.ca.CertificateQuery;
import io.certgate.ejb.ca.UnknownCertificateException;
import io.certgate.ejb.device.DeviceRegistry;
import io.certgate.web.admin.CertificateAdminViews;
import io.certgate.web.support.CallerContext;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's files, under the console's path so the console's sign-in and headers cover them, and only by GET:
 * {@code certificate?org=&sn=&format=pem|der|chain|pkcs7} (one certificate of the organization) and
 * {@code certificates.csv?org=&...} (every certificate the certificates page's filter finds, in its order, as the
 * admin API lists them; at most {@value #MAX_EXPORT}). The operator reads the organization as on its pages
 * ({@link ConsoleGuard#reading}): an unknown certificate or another organization's is 404, a refusal 403, with a
 * sentence and never a stack trace.
 */
@WebServlet("/admin/console/download/*")
public class ConsoleDownloads extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ConsoleDownloads.class.getName());

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

    @Inject
    private ConsoleGuard guard;

    @Inject
    private CallerContext context;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String what = Objects.requireNonNullElse(request.getPathInfo(), "");
        if (ConsoleForms.trimmed(request.getParameter("org")) == null) {
            refuse(response, 400, "Name the organization (org).");
            return;
        }
        try {
            switch (what) {
                case "/certificate" -> certificate(request, response);
                case "/certificates.csv" -> certificates(request, response);
                default -> refuse(response, 404, "No such download.");
            }
        } catch (RuntimeException e) {
            Throwable t = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (response.isCommitted()) {
                LOG.log(Level.SEVERE, "console download broke off, requestId=" + context.requestId(), e);
            } else if (t instanceof UnknownCertificateException) {
                refuse(response, 404, ConsoleMessages.sentence(t.getMessage()));
            } else if (t instanceof ConsoleRefusedException) {
                refuse(response, 403, ConsoleMessages.sentence(t.getMessage()));
            } else if (t instanceof CertgateException) {
                refuse(response, 400, ConsoleMessages.sentence(t.getMessage()));
            } else {
                LOG.log(Level.SEVERE, "console download failed, requestId=" + context.requestId(), e);
                refuse(response, 500, "Unexpected error (request id " + context.requestId() + ").");
            }
        }
    }

    private void certificate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long sn = certSn(request.getParameter("sn"));
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
                number(request.getParameter("expiring")), ConsoleForms.trimmed(request.getParameter("sort")), 0,
                CertificateQuery.MAX_LIMIT);
        CertificatePage first = inventory.search(reader, query);
        if (first.total() > MAX_EXPORT) {
            refuse(response, 400, first.total() + " certificates match: an export holds at most " + MAX_EXPORT
                    + ". Narrow the search.");
            return;
        }
        attachment(response, "text/csv; charset=UTF-8", "certificates-" + org.replaceAll("[^A-Za-z0-9_.-]", "_") + ".csv");
        Writer out = response.getWriter();
        out.write(CertificateCsv.header());
        CertificatePage page = first;
        int offset = 0;
        while (true) {
            List<Long> ids = page.certificates().stream().map(IssuedCertificate::getDeviceId).filter(Objects::nonNull)
                    .distinct().toList();
            Map<Long, String> assetIds = devices.assetIds(reader, ids);
            for (IssuedCertificate c : page.certificates()) {
                out.write(CertificateCsv.row(CertificateAdminViews.summary(c, page.at(),
                        c.getDeviceId() == null ? null : assetIds.get(c.getDeviceId()))));
            }
            offset += page.certificates().size();
            if (page.certificates().isEmpty() || offset >= first.total()) {
                break;
            }
            page = inventory.search(reader, query.page(offset, CertificateQuery.MAX_LIMIT));
        }
        out.flush();
    }

    private static void attachment(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    private static long certSn(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new UnknownCertificateException();
        }
    }

    private static CertificateFormat format(String value) {
        for (CertificateFormat f : CertificateFormat.values()) {
            if (f.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return f;
            }
        }
        throw new io.certgate.ejb.common.InvalidArgumentException("format must be pem, der, chain or pkcs7");
    }

    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new io.certgate.ejb.common.InvalidArgumentException("expiring within must be a whole number of days");
        }
    }

    private static void refuse(HttpServletResponse response, int status, String sentence) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=UTF-8");
        response.getWriter().write(sentence + "\n");
    }
}
