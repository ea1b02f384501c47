package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console over plain HTTPS requests, as a browser without scripts: its own cookies, the sign-in form (its token
 * from the page, the cookie that goes with it), redirects not followed so that each answer can be looked at.
 */
final class ConsoleClient {

    static final String SIGN_IN = "/admin/console/signin";
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().sslContext(RaAccount.tls((String) null))
            .version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A client signed in as this operator (the sign-in is checked). */
    static ConsoleClient signedIn(String user, String password) {
        ConsoleClient c = new ConsoleClient();
        HttpResponse<String> a = c.signIn(user, password);
        assertEquals(302, a.statusCode(), "sign-in of " + user + ": " + a.body());
        return c;
    }

    /** The sign-in form posted with this name and password (and the page's token); the answer as it is. */
    HttpResponse<String> signIn(String user, String password) {
        return signIn(user, password, Map.of());
    }

    /** The same with more form fields (e.g. next). */
    HttpResponse<String> signIn(String user, String password, Map<String, String> more) {
        HttpResponse<String> page = get(SIGN_IN);
        assertEquals(200, page.statusCode(), page.body());
        Matcher m = TOKEN.matcher(page.body());
        assertTrue(m.find(), "the sign-in form carries a token: " + page.body());
        Map<String, String> form = new LinkedHashMap<>(more);
        form.put("username", user);
        form.put("password", password);
        form.put("token", m.group(1));
        return post(SIGN_IN, form);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + path)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The value of the console's session cookie now, or null. */
    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return client.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Where a redirect leads, without the server's own scheme and host. */
    static String location(HttpResponse<?> a) {
        return a.headers().firstValue("Location").orElse("").replace(RaAccount.HTTPS, "");
    }
}
