package io.certgate.it;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A bootstrap RA account of the test server: its client certificate and key, as the server wrote them to
 * {@code certgate-data/bootstrap/<name>.p12} on first start, and TLS contexts with and without it.
 */
final class RaAccount {

    static final String AUTO = "ra-auto";
    static final String APPROVE = "ra-approve";
    static final String END_DATE = "ra-enddate";
    /** An approver of acme: decides other accounts' requests (separation of duties). */
    static final String APPROVER = "ra-approver";
    static final String HTTPS = System.getProperty("certgate.https.url", "https://localhost:9443");

    private RaAccount() {
    }

    static Path serverDir() {
        return Path.of(System.getProperty("certgate.wlp.dir", "target/liberty/wlp"), "usr", "servers",
                System.getProperty("certgate.server.name", "certgate"));
    }

    static KeyManager[] keyManagers(String account) {
        try {
            Path dir = serverDir().resolve("certgate-data").resolve("bootstrap");
            char[] password = Files.readString(dir.resolve(account + ".p12.password")).trim().toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(dir.resolve(account + ".p12"))) {
                ks.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            return kmf.getKeyManagers();
        } catch (Exception e) {
            throw new AssertionError("cannot load the client certificate of " + account, e);
        }
    }

    /** Any server certificate: only for further instances, which have roots of their own (HsmCustodyIT). */
    static TrustManager[] trustAll() {
        return new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }};
    }

    private static volatile TrustManager[] serverTrust;

    /**
     * Trusts the test server's RSA root and nothing else (the JDK's default hostname check stays on): its HTTPS
     * certificate is issued by its own CA. On a fresh server Liberty serves its generated self-signed certificate
     * until it has polled the keystore the application wrote at start, so this waits (once) until HTTPS presents
     * certgate's.
     */
    static synchronized TrustManager[] serverTrust() {
        if (serverTrust != null) {
            return serverTrust;
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("certgate-rsa-root", Pki.root("RSA"));
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            TrustManager[] trust = tmf.getTrustManagers();
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, trust, new SecureRandom());
            awaitServerCertificate(ctx);
            serverTrust = trust;
            return trust;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Until a client that trusts only the root completes a handshake with HTTPS (at most 90 s). */
    static void awaitServerCertificate(SSLContext rootOnly) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(rootOnly)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(HTTPS + "/health/live"))
                        .timeout(java.time.Duration.ofSeconds(5)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                return;
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("HTTPS does not present a certificate of certgate's RSA root: " + last, last);
    }

    private static volatile boolean trusted;

    /**
     * Waits until HTTPS accepts the RA client certificates: on a fresh server the application writes the
     * trust store during start-up and Liberty reloads it a few seconds later.
     */
    static synchronized void awaitClientCertificateTrust() {
        if (trusted) {
            return;
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(tls(AUTO))
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(HTTPS
                                + "/vswebservices/rest/services/pickup")).timeout(java.time.Duration.ofSeconds(5))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("transaction_id=0")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    trusted = true;
                    return;
                }
                last = new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("HTTPS does not accept the RA client certificate: " + last, last);
    }

    /** TLS with a client certificate and key handed over as PKCS#12 (the admin API's answer). */
    static SSLContext tls(byte[] p12, char[] password) {
        return tls(p12, password, serverTrust());
    }

    /** The same towards a further instance with roots of its own, whose certificate these tests do not check. */
    static SSLContext tlsToAnyServer(byte[] p12, char[] password) {
        return tls(p12, password, trustAll());
    }

    private static SSLContext tls(byte[] p12, char[] password, TrustManager[] trust) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new java.io.ByteArrayInputStream(p12), password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), trust, new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** TLS as the account (null: no client certificate). */
    static SSLContext tls(String account) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(account == null ? null : keyManagers(account), serverTrust(), new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
