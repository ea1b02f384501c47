package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A small DigiCert CertCentral Services API v2 client, written from DigiCert's public API documentation
 * (dev.digicert.com, "Services API") and from what real clients send (Lemur's DigiCert plugin, Keyfactor's
 * CertCentral gateway, the riboseinc/digicert Ruby gem): JSON under {@code /services/v2}, the API key in
 * {@code X-DC-DEVKEY}, and {@code Content-Type: application/json} plus {@code Accept: application/json} on every
 * request, GETs and downloads included. Errors are {@code {"errors":[{"code":...,"message":...}]}}.
 *
 * <p>It knows nothing of certgate: paths, bodies and answers are CertCentral's.
 */
final class DigiCertClient {

    static final String BASE = RaAccount.HTTPS + "/services/v2";

    private static final HttpClient HTTP = HttpClient.newBuilder().sslContext(RaAccount.tls(null))
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    /** One entry of a CertCentral error answer. */
    record DcError(String code, String message) {
    }

    /** A raw answer: status, the Content-Type header exactly as sent, and the body. */
    record Reply(String method, String path, int status, String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The Content-Type without parameters, lower case (null when absent). */
        String mediaType() {
            return contentType == null ? null : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        }

        JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(text()))) {
                return r.readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("not a JSON object: " + describe(), e);
            }
        }

        /** Asserts the status is one of {@code expected} and returns the JSON body ({} for an empty body). */
        JsonObject expect(int... expected) {
            assertTrue(Arrays.stream(expected).anyMatch(s -> s == status), "expected HTTP " + Arrays.toString(expected)
                    + " but " + describe());
            if (body.length == 0) {
                return JsonValue.EMPTY_JSON_OBJECT;
            }
            assertEquals("application/json", mediaType(), "JSON answer: " + describe());
            return json();
        }

        /**
         * Asserts a CertCentral error answer: one of the statuses, {@code Content-Type: application/json} exactly
         * (some clients compare the header literally), and {@code {"errors":[{"code":"...","message":"..."}]}}
         * with at least one entry whose code and message are strings. Returns the errors.
         */
        List<DcError> expectError(int... expected) {
            assertTrue(Arrays.stream(expected).anyMatch(s -> s == status), "expected HTTP " + Arrays.toString(expected)
                    + " but " + describe());
            assertEquals("application/json", contentType, "error Content-Type, exactly: " + describe());
            return errors();
        }

        /** The errors of the body, with their shape checked. */
        List<DcError> errors() {
            JsonObject o = json();
            JsonValue v = o.get("errors");
            assertNotNull(v, "an \"errors\" member: " + describe());
            assertEquals(JsonValue.ValueType.ARRAY, v.getValueType(), "\"errors\" is an array: " + describe());
            JsonArray a = v.asJsonArray();
            assertFalse(a.isEmpty(), "at least one error: " + describe());
            List<DcError> out = new ArrayList<>();
            for (JsonValue e : a) {
                assertEquals(JsonValue.ValueType.OBJECT, e.getValueType(), describe());
                JsonObject eo = e.asJsonObject();
                assertEquals(JsonValue.ValueType.STRING, eo.get("code") == null ? null : eo.get("code").getValueType(),
                        "error code is a string: " + describe());
                assertEquals(JsonValue.ValueType.STRING, eo.get("message") == null ? null
                        : eo.get("message").getValueType(), "error message is a string: " + describe());
                assertFalse(eo.getString("code").isBlank(), "error code: " + describe());
                out.add(new DcError(eo.getString("code"), eo.getString("message")));
            }
            return out;
        }

        /** The first error's code, after checking the error shape. */
        String errorCode(int... expected) {
            return expectError(expected).get(0).code();
        }

        String describe() {
            String t = text();
            return method + " " + path + " -> HTTP " + status + " [" + contentType + "] "
                    + (t.length() > 600 ? t.substring(0, 600) + "..." : t);
        }
    }

    private final String apiKey;

    /** A client sending {@code apiKey} (null: no X-DC-DEVKEY header at all). */
    DigiCertClient(String apiKey) {
        this.apiKey = apiKey;
    }

    String apiKey() {
        return apiKey;
    }

    // ---- orders -------------------------------------------------------------------------------------------

    /** Order a certificate: {@code POST /order/certificate/{product_name_id}}. */
    Reply order(String productNameId, JsonObject body) {
        return send("POST", "/order/certificate/" + productNameId, body);
    }

    /** Order info: {@code GET /order/certificate/{order_id}}. */
    Reply orderInfo(long orderId) {
        return send("GET", "/order/certificate/" + orderId, null);
    }

    /**
     * List orders: {@code GET /order/certificate?filters[...]=...&offset=&limit=}. The brackets are percent-encoded
     * (as Python's requests does; Java's URI refuses them raw).
     */
    Reply listOrders(Map<String, String> filters, Integer offset, Integer limit) {
        Map<String, String> q = new LinkedHashMap<>();
        filters.forEach((k, v) -> q.put("filters[" + k + "]", v));
        if (offset != null) {
            q.put("offset", offset.toString());
        }
        if (limit != null) {
            q.put("limit", limit.toString());
        }
        return send("GET", "/order/certificate" + query(q), null);
    }

    /** Reissue: {@code POST /order/certificate/{order_id}/reissue}. */
    Reply reissue(long orderId, JsonObject body) {
        return send("POST", "/order/certificate/" + orderId + "/reissue", body);
    }

    /** List reissues: {@code GET /order/certificate/{order_id}/reissue}. */
    Reply listReissues(long orderId) {
        return send("GET", "/order/certificate/" + orderId + "/reissue", null);
    }

    /** Duplicate: {@code POST /order/certificate/{order_id}/duplicate}. */
    Reply duplicate(long orderId, JsonObject body) {
        return send("POST", "/order/certificate/" + orderId + "/duplicate", body);
    }

    /** List duplicates: {@code GET /order/certificate/{order_id}/duplicate}. */
    Reply listDuplicates(long orderId) {
        return send("GET", "/order/certificate/" + orderId + "/duplicate", null);
    }

    /** Check order DCV: {@code PUT /order/certificate/{order_id}/check-dcv} (no body, as DigiCert's examples). */
    Reply checkDcv(long orderId) {
        return send("PUT", "/order/certificate/" + orderId + "/check-dcv", null);
    }

    /** Revoke order certificates: {@code PUT /order/certificate/{order_id}/revoke}. */
    Reply revokeOrder(long orderId, JsonObject body) {
        return send("PUT", "/order/certificate/" + orderId + "/revoke", body);
    }

    // ---- requests -----------------------------------------------------------------------------------------

    /** Request info: {@code GET /request/{request_id}}. */
    Reply request(long requestId) {
        return send("GET", "/request/" + requestId, null);
    }

    /** List requests: {@code GET /request?status=...} (Keyfactor's form). */
    Reply listRequests(String status) {
        return send("GET", "/request" + (status == null ? "" : query(Map.of("status", status))), null);
    }

    /** Update request status: {@code PUT /request/{request_id}/status {status, processor_comment}}. */
    Reply updateRequestStatus(long requestId, String status, String processorComment) {
        var b = Json.createObjectBuilder().add("status", status);
        if (processorComment != null) {
            b.add("processor_comment", processorComment);
        }
        return send("PUT", "/request/" + requestId + "/status", b.build());
    }

    // ---- certificates -------------------------------------------------------------------------------------

    /** Download certificate by format: {@code GET /certificate/{certificate_id}/download/format/{format_type}}. */
    Reply download(long certificateId, String format) {
        return send("GET", "/certificate/" + certificateId + "/download/format/" + format, null);
    }

    /** Download by order: {@code GET /certificate/download/order/{order_id}/format/{format_type}}. */
    Reply downloadByOrder(long orderId, String format) {
        return send("GET", "/certificate/download/order/" + orderId + "/format/" + format, null);
    }

    /** Certificate chain: {@code GET /certificate/{certificate_id}/chain}. */
    Reply chain(long certificateId) {
        return send("GET", "/certificate/" + certificateId + "/chain", null);
    }

    /** Revoke certificate: {@code PUT /certificate/{certificate_id}/revoke}. */
    Reply revokeCertificate(long certificateId, JsonObject body) {
        return send("PUT", "/certificate/" + certificateId + "/revoke", body);
    }

    // ---- account ------------------------------------------------------------------------------------------

    /** Product list: {@code GET /product}. */
    Reply products() {
        return send("GET", "/product", null);
    }

    /** Organizations: {@code GET /organization}. */
    Reply organizations() {
        return send("GET", "/organization", null);
    }

    /** Domains: {@code GET /domain}. */
    Reply domains() {
        return send("GET", "/domain", null);
    }

    // ---- transport ----------------------------------------------------------------------------------------

    /** A request as real clients send it: key, JSON Content-Type and Accept on every method. */
    Reply send(String method, String path, JsonObject body) {
        return exchange(method, path, body == null ? null : body.toString(), standardHeaders());
    }

    Map<String, String> standardHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        if (apiKey != null) {
            h.put("X-DC-DEVKEY", apiKey);
        }
        h.put("Content-Type", "application/json");
        h.put("Accept", "application/json");
        return h;
    }

    /** Any request under /services/v2 with exactly the given headers and raw body (null: none). */
    static Reply exchange(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(method, path, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + BASE + path + " interrupted", e);
        } catch (Exception e) {
            throw new AssertionError(method + " " + BASE + path + " failed: " + e, e);
        }
    }

    static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("&", "?", "");
        params.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }
}
