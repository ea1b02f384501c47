package io.certgate.it;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;

/** The admin API as the bootstrap operator (password from the server's first start), over HTTPS. */
final class Admin {

    private static final HttpClient CLIENT = HttpClient.newBuilder().sslContext(RaAccount.tls(null))
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private Admin() {
    }

    static String password() {
        try {
            return Files.readString(RaAccount.serverDir().resolve("certgate-data/bootstrap/admin-password.txt")).trim();
        } catch (Exception e) {
            throw new AssertionError("no bootstrap admin password", e);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static Http.Answer post(String path) {
        return Http.send(CLIENT, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + path))
                .header("Authorization", basic("admin", password())).POST(HttpRequest.BodyPublishers.noBody()));
    }

    static Http.Answer postJson(String path, String json) {
        return Http.send(CLIENT, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + path))
                .header("Authorization", basic("admin", password())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Http.Answer putJson(String path, String json) {
        return Http.send(CLIENT, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + path))
                .header("Authorization", basic("admin", password())).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Http.Answer get(String path) {
        return Http.send(CLIENT, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + path))
                .header("Authorization", basic("admin", password())).GET());
    }

    /** A request to the admin API with these credentials (null: none) and JSON body (null: none). */
    static Http.Answer sendAs(String authorization, String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return Http.send(CLIENT, b);
    }

    static Http.Answer getAs(String authorization, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return Http.send(CLIENT, b);
    }

    /** A new EnOS service account of the organization: {orgId, appKey, appSecret}. */
    static JsonObject enosServiceAccount(String orgId) {
        Http.Answer a = post("/admin/api/orgs/" + orgId + "/enos-service-accounts");
        if (a.status() != 201) {
            throw new AssertionError("admin API: " + a.status() + " " + a.body());
        }
        return a.json();
    }

    static JsonObject stats() {
        Http.Answer a = get("/admin/api/stats");
        if (a.status() != 200) {
            throw new AssertionError("admin API: " + a.status() + " " + a.body());
        }
        return a.json();
    }
}
