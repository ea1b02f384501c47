package io.certgate.ejb.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The server's own files: the data directory ({@code certgate.data.dir}) and the password of the keystores kept
 * in the database ({@code certgate.ca.keystore.password}; when none is configured, one generated once into
 * {@code <data dir>/ca/keystore.password}, owner-only).
 */
public final class ServerFiles {

    private static final Logger LOG = Logger.getLogger(ServerFiles.class.getName());
    public static final String PASSWORD_FILE = "keystore.password";

    private ServerFiles() {
    }

    public static Path dataDirectory() {
        return Path.of(config().getOptionalValue("certgate.data.dir", String.class).orElse("certgate-data"));
    }

    /** The configured keystore password, else the one generated into the CA directory on first start. */
    public static char[] keystorePassword() {
        return keystorePassword(config().getOptionalValue("certgate.ca.keystore.password", String.class).orElse(null),
                dataDirectory().resolve("ca"));
    }

    /** The configured password, else the one in {@code directory/keystore.password}, generated once. */
    public static synchronized char[] keystorePassword(String configured, Path directory) {
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

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
