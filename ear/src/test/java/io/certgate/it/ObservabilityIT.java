package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Prometheus metrics at /metrics (certgate's own counters among them) and the OpenAPI document of the REST APIs. */
class ObservabilityIT {

    private static final Pattern ISSUED_RSA = Pattern.compile(
            "(?m)^certgate_certificates_issued_total\\{[^}]*authority=\"RSA\"[^}]*}\\s+([0-9.Ee+-]+)$");

    @Test
    void metricsCountIssuedCertificatesInPrometheusForm() {
        String org = Enos.newOrg();
        String id = Enos.byKeys(org, Enos.newDevice(org));
        Enos.apply(id, Pki.rsaCsr("metrics-1"), null, null); // at least one, so the counter exists
        double before = issuedRsa();
        Enos.apply(id, Pki.rsaCsr("metrics-2"), null, null);
        double after = issuedRsa();
        assertTrue(after >= before + 1, "the counter grew with an issue: " + before + " -> " + after);
    }

    private static double issuedRsa() {
        Http.Answer a = Http.get("/metrics");
        assertEquals(200, a.status(), "metrics need no login");
        Matcher m = ISSUED_RSA.matcher(a.body());
        assertTrue(m.find(), "certgate_certificates_issued_total{authority=RSA} in:\n" + a.body().lines()
                .filter(l -> l.contains("certgate")).toList());
        return Double.parseDouble(m.group(1));
    }

    @Test
    void openApiDescribesTheRestApis() {
        Http.Answer doc = Http.get("/openapi");
        assertEquals(200, doc.status());
        for (String path : new String[] {"/connect-service/v2.0/certificates", "/services/v2/order/certificate/{product}",
                "/services/v2/order/certificate/{orderId}/reissue", "/.well-known/est/simpleenroll",
                "/admin/api/orgs/{orgId}/ra-accounts"}) {
            assertTrue(doc.body().contains(path), "the document names " + path);
        }
        Http.Answer ui = Http.get("/openapi/ui/");
        assertEquals(200, ui.status());
        assertTrue(ui.body().toLowerCase().contains("<html"), "the UI page");
    }
}
