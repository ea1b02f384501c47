package io.certgate.ejb.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialRulesTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {0, 1000, -1000, 299_000, -299_000, 300_000, -300_000})
    void timestampsWithinFiveMinutesPass(long offset) {
        assertDoesNotThrow(() -> ApiCredentials.checkWindow(String.valueOf(NOW.toEpochMilli() + offset), "t", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.5", "-", "99999999999999999999"})
    void malformedTimestampsFail(String ts) {
        assertThrows(StaleTimestampException.class, () -> ApiCredentials.checkWindow(ts, "t", NOW));
    }

    @ParameterizedTest
    @ValueSource(longs = {300_001, -300_001, 3_600_000, -86_400_000})
    void timestampsOutsideTheWindowFail(long offset) {
        assertThrows(StaleTimestampException.class,
                () -> ApiCredentials.checkWindow(String.valueOf(NOW.toEpochMilli() + offset), "t", NOW));
    }

    @Test
    void nullTimestampFails() {
        assertThrows(StaleTimestampException.class, () -> ApiCredentials.checkWindow(null, "t", NOW));
    }

    @Test
    void sha256IsLowerHex() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ApiCredentials.sha256(""));
        assertEquals(64, ApiCredentials.sha256("appKey1700000000000secret").length());
    }

    @Test
    void secretsAreEncryptedAndAuthenticated() throws Exception {
        javax.crypto.KeyGenerator g = javax.crypto.KeyGenerator.getInstance("AES");
        g.init(256);
        javax.crypto.SecretKey key = g.generateKey();
        String sealed = Secrets.encrypt(key, "fedcba98-7654-3210-fedc-ba9876543210");
        assertFalse(sealed.contains("fedcba98"));
        assertNotEquals(sealed, Secrets.encrypt(key, "fedcba98-7654-3210-fedc-ba9876543210"), "random IV");
        assertEquals("fedcba98-7654-3210-fedc-ba9876543210", Secrets.decrypt(key, sealed));
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(IllegalStateException.class, () -> Secrets.decrypt(key, tampered));
        javax.crypto.SecretKey other = g.generateKey();
        assertThrows(IllegalStateException.class, () -> Secrets.decrypt(other, sealed));
    }

    @Test
    void digiCertKeyIdIsAPrefix() {
        assertEquals("ABCDEFGHIJKL", ApiCredentials.digiCertKeyId("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
        assertEquals("SHORT", ApiCredentials.digiCertKeyId("SHORT"));
    }
}
