package io.certgate.ejb.access;

import io.certgate.ejb.ca.CertificateAuthorities;
import io.certgate.ejb.common.RandomIds;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest of secrets the server must read back (EnOS app secrets: the request signature is computed
 * with them). AES-256-GCM with a key generated once into {@code <data dir>/ca/secrets.key} (owner-only), kept
 * beside the CA keystore and backed up with it.
 */
@Singleton
@Startup
@DependsOn("CertificateAuthorities")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Secrets {

    private static final String PREFIX = "v1:";

    @EJB
    private CertificateAuthorities authorities;

    private volatile SecretKeySpec key;

    @PostConstruct
    void load() {
        key = loadOrCreate(authorities.dataDirectory().resolve("ca").resolve("secrets.key"));
    }

    static SecretKeySpec loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] k = new byte[32];
                RandomIds.secureRandom().nextBytes(k);
                Path tmp = file.resolveSibling("secrets.key.tmp");
                Files.write(tmp, Base64.getEncoder().encode(k));
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            byte[] k = Base64.getDecoder().decode(Files.readString(file).trim());
            return new SecretKeySpec(k, "AES");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read or create " + file, e);
        }
    }

    public String encrypt(String clear) {
        return encrypt(key, clear);
    }

    public String decrypt(String sealed) {
        return decrypt(key, sealed);
    }

    static String encrypt(SecretKeySpec key, String clear) {
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

    static String decrypt(SecretKeySpec key, String sealed) {
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
