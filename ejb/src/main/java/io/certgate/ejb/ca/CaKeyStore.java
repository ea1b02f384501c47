package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.ejb.common.OwnerOnlyFiles;
import io.certgate.ejb.common.RandomIds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * Key custody: one password-protected PKCS#12 keystore holding both roots and the AES key that encrypts
 * stored secrets. The keystore itself is kept by the caller (in the database, so that all instances share it);
 * this class opens it and adds whatever is missing. The password comes from configuration; when none is
 * configured a random one is generated once into {@code keystore.password} in the CA directory (owner-only).
 */
public class CaKeyStore {

    private static final Logger LOG = Logger.getLogger(CaKeyStore.class.getName());
    static final String LEGACY_KEYSTORE_FILE = "ca-keys.p12";
    static final String PASSWORD_FILE = "keystore.password";
    static final String SECRETS_ALIAS = "secrets-aes";
    public static final String TRUST_STORE_PASSWORD = "certgate-public-trust";

    /** The keys of this CA. */
    public record CaKeys(Map<IssueAuthority, SigningAuthority> roots, SecretKey secretsKey) {
        @Override
        public String toString() { // never print key material
            return "CaKeys" + roots.keySet();
        }
    }

    /** The opened keys, and the keystore bytes to save when entries were added (null when unchanged). */
    public record Opened(CaKeys keys, byte[] changedKeystore) {
    }

    private final Path directory;

    public CaKeyStore(Path directory) {
        this.directory = directory;
    }

    /** Opens the keystore ({@code null}: there is none yet), generating the roots and the secrets key if missing. */
    public static Opened open(byte[] keystore, char[] password, Instant now) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            if (keystore != null) {
                ks.load(new ByteArrayInputStream(keystore), password);
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
            SecretKey secretsKey;
            if (ks.containsAlias(SECRETS_ALIAS)) {
                secretsKey = (SecretKey) ks.getKey(SECRETS_ALIAS, password);
            } else {
                KeyGenerator g = KeyGenerator.getInstance("AES");
                g.init(256, RandomIds.secureRandom());
                secretsKey = g.generateKey();
                ks.setEntry(SECRETS_ALIAS, new KeyStore.SecretKeyEntry(secretsKey),
                        new KeyStore.PasswordProtection(password));
                changed = true;
                LOG.info("Generated the key that encrypts stored secrets");
            }
            byte[] bytes = null;
            if (changed) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ks.store(out, password);
                bytes = out.toByteArray();
            }
            return new Opened(new CaKeys(roots, secretsKey), bytes);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the CA keystore (is certgate.ca.keystore.password right?)", e);
        }
    }

    /** A keystore file of an earlier version ({@code ca/ca-keys.p12}), imported once into the database. */
    public byte[] legacyKeystoreFile() {
        Path file = directory.resolve(LEGACY_KEYSTORE_FILE);
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
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
            throw new IllegalStateException("cannot write the trust store " + file, e);
        }
    }

    /** The configured password, else the one generated into the CA directory on first start. */
    public char[] password(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.toCharArray();
        }
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(PASSWORD_FILE);
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim().toCharArray();
            }
            String generated = RandomIds.base64Url(24);
            OwnerOnlyFiles.write(file, generated.getBytes(StandardCharsets.UTF_8));
            LOG.info(() -> "No certgate.ca.keystore.password configured: generated one in " + file
                    + " (instances sharing a database need the same password: configure it)");
            return generated.toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the keystore password in " + directory, e);
        }
    }

    static String alias(IssueAuthority a) {
        return a.name().toLowerCase(Locale.ROOT) + "-root";
    }
}
