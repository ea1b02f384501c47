package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Key custody for the roots: a PKCS#12 file ({@code ca-keys.p12}) in the CA directory. Missing roots are
 * generated on first start. The keystore password comes from configuration; when none is configured a
 * random one is generated once and kept beside the keystore, readable by the owner only.
 */
public class CaKeyStore {

    private static final Logger LOG = Logger.getLogger(CaKeyStore.class.getName());
    static final String KEYSTORE_FILE = "ca-keys.p12";
    static final String PASSWORD_FILE = "keystore.password";
    public static final String TRUST_STORE_PASSWORD = "certgate-public-trust";

    private final Path directory;

    public CaKeyStore(Path directory) {
        this.directory = directory;
    }

    /** Loads both roots, generating (and saving) whichever is missing. */
    public synchronized Map<IssueAuthority, SigningAuthority> loadOrCreate(String configuredPassword, Instant now) {
        try {
            Files.createDirectories(directory);
            char[] password = password(configuredPassword);
            Path file = directory.resolve(KEYSTORE_FILE);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    ks.load(in, password);
                }
            } else {
                ks.load(null, password);
            }
            Map<IssueAuthority, SigningAuthority> roots = new EnumMap<>(IssueAuthority.class);
            boolean changed = false;
            for (IssueAuthority a : IssueAuthority.values()) {
                String alias = alias(a);
                if (ks.containsAlias(alias)) {
                    PrivateKey key = (PrivateKey) ks.getKey(alias, password);
                    X509Certificate cert = (X509Certificate) ks.getCertificate(alias);
                    roots.put(a, new SigningAuthority(a, cert, key, Pem.certificate(cert.getEncoded())));
                } else {
                    SigningAuthority root = RootCertificates.generate(a, "certgate " + a + " Root CA", now);
                    ks.setKeyEntry(alias, root.privateKey(), password, new Certificate[] {root.certificate()});
                    roots.put(a, root);
                    changed = true;
                    LOG.info(() -> "Generated the " + a + " root CA " + root.certificate().getSubjectX500Principal()
                            + ", serial " + root.certificate().getSerialNumber().toString(16)
                            + ", valid until " + root.certificate().getNotAfter().toInstant());
                }
            }
            if (changed) {
                Path tmp = directory.resolve(KEYSTORE_FILE + ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    ks.store(out, password);
                }
                restrictToOwner(tmp);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return roots;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the CA keystore in " + directory
                    + " (is certgate.ca.keystore.password right?)", e);
        }
    }

    /**
     * Writes the roots as trusted certificates to the trust store file (password {@value #TRUST_STORE_PASSWORD}: it
     * holds only public certificates), which Liberty's HTTPS uses to verify TLS client certificates of API
     * accounts. Rewritten only when its content would change, so Liberty reloads it only then.
     */
    public synchronized void writeTrustStore(Map<IssueAuthority, SigningAuthority> roots, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                KeyStore existing = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    existing.load(in, TRUST_STORE_PASSWORD.toCharArray());
                }
                boolean same = existing.size() == roots.size();
                for (SigningAuthority a : roots.values()) {
                    same &= a.certificate().equals(existing.getCertificate(alias(a.authority())));
                }
                if (same) {
                    return;
                }
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (SigningAuthority a : roots.values()) {
                ks.setCertificateEntry(alias(a.authority()), a.certificate());
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, TRUST_STORE_PASSWORD.toCharArray());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info(() -> "Wrote the client-certificate trust store " + file);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store in " + directory, e);
        }
    }

    private char[] password(String configured) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return configured.toCharArray();
        }
        Path file = directory.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim().toCharArray();
        }
        String generated = io.certgate.ejb.common.RandomIds.base64Url(24);
        Files.writeString(file, generated, StandardCharsets.UTF_8);
        restrictToOwner(file);
        LOG.info(() -> "No certgate.ca.keystore.password configured: generated one in " + file);
        return generated.toCharArray();
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.warning(() -> "cannot restrict permissions of " + file + " on this file system");
        }
    }

    static String alias(IssueAuthority a) {
        return a.name().toLowerCase(Locale.ROOT) + "-root";
    }
}
