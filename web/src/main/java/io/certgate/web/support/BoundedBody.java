package io.certgate.web.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a request body, refusing anything larger than a limit before it is all in memory. */
public final class BoundedBody {

    /** CSR APIs: a CSR is a few KiB; 64 KiB leaves room for long subjects and JSON overhead. */
    public static final int DEFAULT_LIMIT = 64 * 1024;

    private BoundedBody() {
    }

    /** The body as UTF-8 text; {@link BodyTooLargeException} past {@code limit} bytes. */
    public static String read(InputStream in, int limit) throws IOException {
        if (in == null) {
            return "";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > limit) {
                throw new BodyTooLargeException(limit);
            }
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The body was larger than the limit. */
    public static class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        public BodyTooLargeException(int limit) {
            super("request body larger than " + limit + " bytes");
        }
    }
}
