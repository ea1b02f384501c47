package io.certgate.ejb.ca;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The roots as trusted certificates in a PKCS#12 file (password {@value #PASSWORD}: it holds only public
 * certificates), which Liberty's HTTPS uses to verify TLS client certificates of RA accounts. Rewritten only
 * when its content would change, so Liberty reloads it only then.
 */
final class ClientTrustStore {

    private static final Logger LOG = Logger.getLogger(ClientTrustStore.class.getName());
    static final String PASSWORD = "certgate-public-trust";

    private ClientTrustStore() {
    }

    /**
     * The file holds exactly {@code entries} (alias to certificate) afterwards; written only when that changes it.
     */
    static synchronized void write(Map<String, X509Certificate> entries, Path file) {
        write(entries, read(file), file);
    }

    private static void write(Map<String, X509Certificate> entries, Map<String, X509Certificate> current, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (current.equals(entries)) {
                return;
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (Map.Entry<String, X509Certificate> e : entries.entrySet()) {
                ks.setCertificateEntry(e.getKey(), e.getValue());
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, PASSWORD.toCharArray());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // Liberty built the JVM's default outbound TLS context at start from the store as it was: until the next
            // start, the server's own outbound HTTPS (the Admin Center's toolbox page) does not trust these roots
            LOG.info(() -> "Wrote the client-certificate trust store " + file + "; the server's own outbound HTTPS "
                    + "(used by the Admin Center's toolbox page) trusts the roots written now after the next restart");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store " + file, e);
        }
    }

    /**
     * The roots into the file, its other entries (issuing CAs, later root generations) kept as they are: what a start
     * writes before the issuing CAs are loaded, so that a restart changes nothing and Liberty reloads nothing (it
     * used to drop the issuing CAs here and put them back a moment later, two reloads at every start).
     */
    static synchronized void writeRoots(Map<String, X509Certificate> roots, Path file) {
        Map<String, X509Certificate> current = read(file);
        Map<String, X509Certificate> entries = new LinkedHashMap<>(current);
        entries.putAll(roots);
        write(entries, current, file);
    }

    /** The file's certificates by alias; empty when there is no file yet. */
    private static Map<String, X509Certificate> read(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore existing = KeyStore.getInstance("PKCS12");
            existing.load(in, PASSWORD.toCharArray());
            Map<String, X509Certificate> entries = new LinkedHashMap<>();
            for (String alias : Collections.list(existing.aliases())) {
                if (existing.getCertificate(alias) instanceof X509Certificate c) {
                    entries.put(alias, c);
                }
            }
            return entries;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the trust store " + file, e);
        }
    }
}
