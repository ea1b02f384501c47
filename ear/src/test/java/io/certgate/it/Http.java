package io.certgate.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the server under test. */
final class Http {

    static final String BASE = System.getProperty("certgate.base.url", "http://localhost:9080");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** An answer: status, raw body, and the body as JSON when it is JSON. */
    record Answer(int status, String body, byte[] bytes) {
        JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }
    }

    private Http() {
    }

    /** POST without credentials. */
    static Answer post(String pathAndQuery, String body) {
        return post(pathAndQuery, body, java.util.Map.of());
    }

    static Answer post(String pathAndQuery, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + pathAndQuery))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b);
    }

    /** GET without credentials. */
    static Answer get(String pathAndQuery) {
        return get(pathAndQuery, java.util.Map.of());
    }

    static Answer get(String pathAndQuery, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + pathAndQuery)).GET();
        headers.forEach(b::header);
        return send(b);
    }

    static Answer send(HttpRequest.Builder b) {
        return send(CLIENT, b);
    }

    static Answer send(HttpClient client, HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = client.send(b.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8), r.body());
        } catch (Exception e) {
            throw new AssertionError("request to " + BASE + " failed: " + e, e);
        }
    }
}
