package io.certgate.web.console;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The console's CSV exports (RFC 4180, CRLF lines, a header row): one row per item with the fields of the admin
 * API's JSON for it, in the table's column order, a JSON null as an empty cell. A cell a spreadsheet would run as a
 * formula (starting with = + - @) gets a leading apostrophe: subjects come from CSRs and audit targets from
 * callers, that is, from outside.
 */
record ConsoleCsv(List<String> columns) {

    /** The certificate list: the admin API's search answer ({@link io.certgate.web.admin.CertificateAdminViews#summary}). */
    static final ConsoleCsv CERTIFICATES = new ConsoleCsv(List.of("certSn", "serial", "subject", "issuer", "authority",
            "issuedAt", "notBefore", "notAfter", "status", "assetId", "revokedAt", "revocationReason", "renewedFrom"));
    /** The audit trail: the admin API's audit records ({@link io.certgate.web.admin.AuditViews#entry}). */
    static final ConsoleCsv AUDIT = new ConsoleCsv(List.of("at", "orgId", "actor", "action", "target", "outcome",
            "requestId"));

    /** The pending lists: the admin API's answers for pending self-enrollments, transactions and DigiCert requests. */
    static final ConsoleCsv SELF_ENROLLMENTS = new ConsoleCsv(List.of("requestId", "deviceId", "protocol", "status",
            "requestedAt", "csr"));
    static final ConsoleCsv TRANSACTIONS = new ConsoleCsv(List.of("transactionId", "accountName", "kind",
            "certProductType", "subject", "firstName", "lastName", "email", "subjectAltNames", "validityPeriod",
            "signatureAlgorithm", "createdAt"));
    static final ConsoleCsv DIGICERT_REQUESTS = new ConsoleCsv(List.of("requestId", "orderId", "type", "status",
            "commonName", "dnsNames", "subject", "requestedBy", "comments", "createdAt"));

    ConsoleCsv {
        columns = List.copyOf(columns);
    }

    String header() {
        return String.join(",", columns) + "\r\n";
    }

    String row(JsonObject item) {
        return columns.stream().map(c -> cell(item.get(c))).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(JsonValue v) {
        String text;
        if (v == null || v == JsonValue.NULL) {
            return "";
        } else if (v instanceof JsonString s) {
            text = s.getString();
        } else if (v instanceof JsonNumber n) {
            return n.toString();
        } else {
            text = v.toString();
        }
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
