package io.certgate.ejb.access;

import io.certgate.ejb.ca.CertificateAuthorities;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
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
 * with them). AES-256-GCM with a key kept in the password-protected CA keystore, so every instance has it.
 */
@Singleton
@Startup
@DependsOn("CertificateAuthorities")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Secrets {

    private static final String PREFIX = "v1:";

    @EJB
    private CertificateAuthorities authorities;

    private volatile SecretKey key;

    @PostConstruct
    void load() {
        key = authorities.secretsKey();
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
