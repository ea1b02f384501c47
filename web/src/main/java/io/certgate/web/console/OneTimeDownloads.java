package io.certgate.web.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Files the console made for its operator to save once (a new RA account's PKCS#12): kept in the operator's session
 * under an unguessable id from the post that made them until their one download, or until the session ends (sign-out,
 * idle timeout). The password that opens a PKCS#12 is never kept: it is shown in the post's answer only.
 */
@Named
@SessionScoped
public class OneTimeDownloads implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEPT = 8;

    /** A file to save: its name and media type as the download names them. */
    public record File(String name, String mediaType, byte[] content) implements Serializable {
        @Override
        public String toString() { // never print the content
            return "File[" + name + "]";
        }
    }

    private final Map<String, File> files = new LinkedHashMap<>();

    /** Keeps it for one download; its id. Only the newest few wait: an older one is dropped. */
    public synchronized String keep(File file) {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        files.put(id, file);
        while (files.size() > KEPT) {
            files.remove(files.keySet().iterator().next());
        }
        return id;
    }

    /** The file, which is then gone. */
    public synchronized Optional<File> take(String id) {
        return Optional.ofNullable(id == null ? null : files.remove(id));
    }
}
