package io.certgate.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * HTTP/1.1 over one socket, written by hand: what the JDK's client does not let a test do. Sends a Host header of the
 * test's choosing (the JDK's client refuses to), connects from another loopback address (127.0.0.2: a client address
 * of its own for the sign-in throttling), and keeps one connection for several requests, so a test sees whether the
 * server kept it open.
 */
final class RawHttp implements AutoCloseable {

    /** One answer: status, headers (names in lower case), body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String hostHeader;

    private RawHttp(Socket socket, String hostHeader) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(60_000);
        this.in = new java.io.BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.hostHeader = hostHeader;
    }

    /** A connection to {@code base} (http or https; https with {@code tls}), from {@code local} unless null. */
    static RawHttp open(String base, SSLContext tls, String local) {
        URI u = URI.create(base);
        try {
            Socket s;
            if ("https".equals(u.getScheme())) {
                s = tls.getSocketFactory().createSocket();
            } else {
                s = new Socket();
            }
            if (local != null) {
                s.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
            }
            s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 10_000);
            if (s instanceof javax.net.ssl.SSLSocket ssl) {
                ssl.startHandshake();
            }
            return new RawHttp(s, u.getHost() + ":" + u.getPort());
        } catch (IOException e) {
            throw new AssertionError("cannot connect to " + base + (local == null ? "" : " from " + local), e);
        }
    }

    /** Sends one request (Host: the connection's unless {@code headers} names one) and reads its answer. */
    Answer send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder req = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", hostHeader);
        headers.forEach(h::put);
        if (body != null) {
            h.put("Content-Length", Integer.toString(body.length));
        }
        h.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        req.append("\r\n");
        out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        return read();
    }

    private Answer read() throws IOException {
        String status = line();
        if (status == null) {
            throw new IOException("the server closed the connection without an answer");
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(); l != null && !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            headers.merge(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int n = Integer.parseInt(line().split(";")[0].trim(), 16); n > 0;
                 n = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                b.write(in.readNBytes(n));
                line();
            }
            for (String l = line(); l != null && !l.isEmpty(); l = line()) {
                // trailers
            }
            body = b.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = code == 204 || code == 304 ? new byte[0] : in.readAllBytes(); // ends with the connection
        }
        return new Answer(code, headers, body);
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    /** Whether the server closed its side: a read finds the end of the stream (waits up to {@code millis}). */
    boolean closedByServer(int millis) {
        try {
            socket.setSoTimeout(millis);
            return in.read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        } finally {
            try {
                socket.setSoTimeout(60_000);
            } catch (IOException e) {
                // closed
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // gone already
        }
    }
}
