package io.certgate.web.support;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body ends at a limit, for filters in front of readers that would take any length (the SOAP stack,
 * JAX-RS string entities): a body that announces more ({@code Content-Length}) is refused before a byte is read
 * ({@link #announcesMoreThan}); one that does not (chunked) is read here up to the limit and refused once it passes
 * it ({@link #buffered}), so nothing behind the filter ever holds more than the limit.
 */
public final class BoundedRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private ServletInputStream stream;

    private BoundedRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** Whether the request says its body is longer than the limit. */
    public static boolean announcesMoreThan(HttpServletRequest request, long limit) {
        return request.getContentLengthLong() > limit;
    }

    /**
     * The request as it goes on: itself when it announced its length (within the limit: the container ends the body
     * there), else with its body read here; null when that body passes the limit.
     */
    public static HttpServletRequest buffered(HttpServletRequest request, int limit) throws IOException {
        if (request.getContentLengthLong() >= 0) {
            return request;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.InputStream in = request.getInputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            if (out.size() + n > limit) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return new BoundedRequest(request, out.toByteArray());
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        if (stream == null) {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            stream = new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("a buffered body is read synchronously");
                }
            };
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
