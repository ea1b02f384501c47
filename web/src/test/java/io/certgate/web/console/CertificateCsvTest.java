package io.certgate.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The CSV export: the API's fields in a fixed order, RFC 4180 quoting, nulls empty, no formulas. */
class CertificateCsvTest {

    @Test
    void aRowHasTheApiFieldsInTheHeadersOrder() {
        JsonObject summary = Json.createObjectBuilder().add("certSn", 42).add("serial", "0a1b")
                .add("subject", "CN=meter \"one\",O=acme").add("issuer", "CN=acme RSA").add("authority", "RSA")
                .add("issuedAt", "2026-12-07T03:00:00Z").add("notBefore", "2026-12-07T02:55:00Z")
                .add("notAfter", "2027-12-07T03:00:00Z").add("status", "revoked").addNull("assetId")
                .add("revokedAt", "2026-12-07T03:01:00Z").add("revocationReason", "keyCompromise")
                .add("renewedFrom", 41).build();
        assertEquals("certSn,serial,subject,issuer,authority,issuedAt,notBefore,notAfter,status,assetId,revokedAt,"
                + "revocationReason,renewedFrom\r\n", CertificateCsv.header());
        assertEquals("42,0a1b,\"CN=meter \"\"one\"\",O=acme\",CN=acme RSA,RSA,2026-12-07T03:00:00Z,"
                + "2026-12-07T02:55:00Z,2027-12-07T03:00:00Z,revoked,,2026-12-07T03:01:00Z,keyCompromise,41\r\n",
                CertificateCsv.row(summary));
    }

    @Test
    void aCellASpreadsheetWouldRunIsText() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CertificateCsv.cell(Json.createValue("=HYPERLINK(\"x\")")));
        assertEquals("'@SUM(A1)", CertificateCsv.cell(Json.createValue("@SUM(A1)")));
        assertEquals("", CertificateCsv.cell(null));
    }
}
