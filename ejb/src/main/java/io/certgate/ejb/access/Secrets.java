package io.certgate.ejb.access;

import io.certgate.domain.StoredKeyStore;
import io.certgate.ejb.common.FirstStart;
import io.certgate.ejb.common.ServerFiles;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.KeyStore;
import java.time.Instant;
import javax.crypto.KeyGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import io.certgate.ejb.common.RandomIds;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encryption at rest of secrets the server must read back (EnOS app secrets: the request signature is computed
 * with them). AES-256-GCM with a key kept in its own password-protected PKCS#12 keystore in the database
 * (row {@value #ROW}), so every instance has it, whatever custody holds the CA keys. Earlier versions kept this
 * key in the CA keystore (alias {@value #LEGACY_ALIAS}); it is carried over once.
 */
@Singleton
@Startup
@DependsOn("SchemaInstaller")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Secrets {

    private static final String PREFIX = "v1:";
    static final String ROW = "secrets";
    static final String LEGACY_ALIAS = "secrets-aes";

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    private volatile SecretKey key;

    @PostConstruct
    void load() {
        FirstStart.lock(em); // instances starting together: one creates the key, the others load it
        char[] password = ServerFiles.keystorePassword();
        try {
            StoredKeyStore row = em.find(StoredKeyStore.class, ROW);
            if (row != null) {
                key = (SecretKey) open(row.getP12Base64(), password).getKey(LEGACY_ALIAS, password);
                return;
            }
            StoredKeyStore ca = em.find(StoredKeyStore.class, StoredKeyStore.CA);
            KeyStore legacy = ca == null ? null : open(ca.getP12Base64(), password);
            SecretKey k = legacy != null && legacy.containsAlias(LEGACY_ALIAS)
                    ? (SecretKey) legacy.getKey(LEGACY_ALIAS, password) : generate();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, password);
            ks.setEntry(LEGACY_ALIAS, new KeyStore.SecretKeyEntry(k), new KeyStore.PasswordProtection(password));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            em.persist(new StoredKeyStore(ROW, Base64.getEncoder().encodeToString(out.toByteArray()), Instant.now()));
            em.flush();
            key = k;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the secrets keystore (is certgate.ca.keystore.password "
                    + "right?)", e);
        }
    }

    private static KeyStore open(String base64, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(Base64.getDecoder().decode(base64)), password);
        return ks;
    }

    private static SecretKey generate() throws GeneralSecurityException {
        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(256, RandomIds.secureRandom());
        return g.generateKey();
    }

    public String encrypt(String clear) {
        return encrypt(key, clear);
    }

    public String decrypt(String sealed) {
        return decrypt(key, sealed);
    }

    static String encrypt(SecretKey key, String clear) {
        try {
            byte[] iv = new byte[12];
            RandomIds.secureRandom().nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv)
                    .put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String decrypt(SecretKey key, String sealed) {
        try {
            if (!sealed.startsWith(PREFIX)) {
                throw new IllegalStateException("unknown secret format");
            }
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored secret (wrong secrets.key?)", e);
        }
    }
}
