package io.certgate.web.console;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The console's CSV export (RFC 4180, CRLF lines, a header row): one row per certificate with the admin API's
 * fields of its search answer ({@link io.certgate.web.admin.CertificateAdminViews#summary}), in this column order,
 * a JSON null as an empty cell. A cell a spreadsheet would run as a formula (starting with = + - @) gets a leading
 * apostrophe: subjects come from CSRs, that is, from outside.
 */
public final class CertificateCsv {

    static final List<String> COLUMNS = List.of("certSn", "serial", "subject", "issuer", "authority", "issuedAt",
            "notBefore", "notAfter", "status", "assetId", "revokedAt", "revocationReason", "renewedFrom");

    private CertificateCsv() {
    }

    static String header() {
        return String.join(",", COLUMNS) + "\r\n";
    }

    static String row(JsonObject summary) {
        return COLUMNS.stream().map(c -> cell(summary.get(c))).collect(Collectors.joining(",")) + "\r\n";
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
