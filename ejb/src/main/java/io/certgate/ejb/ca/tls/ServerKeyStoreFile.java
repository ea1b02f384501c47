package io.certgate.ejb.ca.tls;

import io.certgate.ejb.common.OwnerOnlyFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;

/**
 * The PKCS#12 keystore Liberty's HTTPS reads ({@code defaultKeyStore}): its certificate, and a new key and chain
 * (leaf, root) written owner-only and moved into place at once, so Liberty's polling never reads half a file.
 * The password is the one Liberty opens it with ({@code keystore_password}, generated into server.env when the
 * server was created); the key never leaves this class but into that file.
 */
final class ServerKeyStoreFile {

    static final String ALIAS = "default";

    private ServerKeyStoreFile() {
    }

    /** The certificate of the file's key entry, or null when there is no file or it cannot be read. */
    static X509Certificate current(Path file, char[] password) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate cert) {
                    return cert;
                }
            }
            return null;
        } catch (IOException | GeneralSecurityException e) {
            return null; // unreadable (another password, damaged): replaced like a missing one
        }
    }

    static void write(Path file, char[] password, PrivateKey key, X509Certificate leaf, java.util.List<X509Certificate> above)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, key, password, java.util.stream.Stream.concat(java.util.stream.Stream.of(leaf),
                above.stream()).toArray(Certificate[]::new));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, password);
        OwnerOnlyFiles.write(file, out.toByteArray());
    }
}
