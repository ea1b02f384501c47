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

    static synchronized void write(Map<String, X509Certificate> roots, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                KeyStore existing = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    existing.load(in, PASSWORD.toCharArray());
                }
                boolean same = existing.size() == roots.size();
                for (Map.Entry<String, X509Certificate> e : roots.entrySet()) {
                    same &= e.getValue().equals(existing.getCertificate(e.getKey()));
                }
                if (same) {
                    return;
                }
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (Map.Entry<String, X509Certificate> e : roots.entrySet()) {
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
}
