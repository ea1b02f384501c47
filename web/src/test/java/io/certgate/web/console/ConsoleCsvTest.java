package io.certgate.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The CSV export: the API's fields in a fixed order, RFC 4180 quoting, nulls empty, no formulas. */
class ConsoleCsvTest {

    @Test
    void aRowHasTheApiFieldsInTheHeadersOrder() {
        JsonObject summary = Json.createObjectBuilder().add("certSn", 42).add("serial", "0a1b")
                .add("subject", "CN=meter \"one\",O=acme").add("issuer", "CN=acme RSA").add("authority", "RSA")
                .add("issuedAt", "2026-12-07T03:00:00Z").add("notBefore", "2026-12-07T02:55:00Z")
                .add("notAfter", "2027-12-07T03:00:00Z").add("status", "revoked").addNull("assetId")
                .add("revokedAt", "2026-12-07T03:01:00Z").add("revocationReason", "keyCompromise")
                .add("renewedFrom", 41).build();
        assertEquals("certSn,serial,subject,issuer,authority,issuedAt,notBefore,notAfter,status,assetId,revokedAt,"
                + "revocationReason,renewedFrom\r\n", ConsoleCsv.CERTIFICATES.header());
        assertEquals("42,0a1b,\"CN=meter \"\"one\"\",O=acme\",CN=acme RSA,RSA,2026-12-07T03:00:00Z,"
                + "2026-12-07T02:55:00Z,2027-12-07T03:00:00Z,revoked,,2026-12-07T03:01:00Z,keyCompromise,41\r\n",
                ConsoleCsv.CERTIFICATES.row(summary));
    }

    @Test
    void anAuditRowHasTheApiRecordsFields() {
        JsonObject entry = Json.createObjectBuilder().add("at", "2026-12-07T03:00:00.123Z").add("orgId", "acme")
                .add("actor", "admin:ops").add("action", "certificate.revoke").add("target", "certSn=7 serial=0a")
                .add("outcome", "success; comment: a, b").addNull("requestId").build();
        assertEquals("at,orgId,actor,action,target,outcome,requestId\r\n", ConsoleCsv.AUDIT.header());
        assertEquals("2026-12-07T03:00:00.123Z,acme,admin:ops,certificate.revoke,certSn=7 serial=0a,"
                + "\"success; comment: a, b\",\r\n", ConsoleCsv.AUDIT.row(entry));
    }

    @Test
    void aCellASpreadsheetWouldRunIsText() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", ConsoleCsv.cell(Json.createValue("=HYPERLINK(\"x\")")));
        assertEquals("'@SUM(A1)", ConsoleCsv.cell(Json.createValue("@SUM(A1)")));
        assertEquals("", ConsoleCsv.cell(null));
    }
}
