package io.certgate.ejb.common;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/**
 * Secrets written to disk (generated passwords, bootstrap credentials, client keys): created readable by the
 * owner only from the first byte (no window where another user could read them), then moved into place
 * atomically. On file systems without POSIX permissions the file is written as is, with a warning.
 */
public final class OwnerOnlyFiles {

    private static final Logger LOG = Logger.getLogger(OwnerOnlyFiles.class.getName());
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    public static void write(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp;
        if (POSIX) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp", ownerOnly);
        } else {
            LOG.warning(() -> "this file system has no POSIX permissions: " + file + " is not restricted to its owner");
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        }
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
