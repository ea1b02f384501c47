package io.certgate.ejb.enrollment.dcv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A UDP DNS responder on 127.0.0.1 for tests (unit tests here, and the integration tests of the ear module, which
 * point the server at it with {@code certgate.dcv.dns.server=127.0.0.1:<port>}). It answers every A query with
 * 127.0.0.1, so any name reaches a local HTTP server; AAAA (and any other type but TXT) with NOERROR and no
 * answer, so clients fall back to IPv4; TXT from the records set with {@link #txt} and {@link #txtRecord}, and
 * NXDOMAIN for names without any. No TCP, no EDNS: keep the records small (under 512 bytes a response).
 */
public final class LoopbackDns implements AutoCloseable {

    private static final int A = 1;
    private static final int TXT = 16;
    private static final int NXDOMAIN = 3;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final DatagramSocket socket;
    /** Owner name (lower case, no final dot) to its TXT records, each a list of character-strings. */
    private final Map<String, List<List<String>>> txt = new ConcurrentHashMap<>();

    private LoopbackDns(DatagramSocket socket) {
        this.socket = socket;
        Thread thread = new Thread(this::serve, "loopback-dns-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts on an ephemeral port. */
    public static LoopbackDns start() {
        return start(0);
    }

    /** Starts on this port of 127.0.0.1 (0: an ephemeral one). */
    public static LoopbackDns start(int port) {
        try {
            return new LoopbackDns(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** {@code host:port}, the value of {@code certgate.dcv.dns.server}. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /**
     * Replaces the TXT records of this name: one record per value, cut into character-strings of 255 characters (ASCII
     * values: 255 bytes) as zone files do with long values. No values: the name has no TXT records anymore (NXDOMAIN).
     */
    public LoopbackDns txt(String name, String... values) {
        List<List<String>> records = new ArrayList<>();
        for (String value : values) {
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < value.length(); i += 255) {
                strings.add(value.substring(i, Math.min(value.length(), i + 255)));
            }
            records.add(strings.isEmpty() ? List.of("") : strings);
        }
        if (records.isEmpty()) {
            txt.remove(key(name));
        } else {
            txt.put(key(name), List.copyOf(records));
        }
        return this;
    }

    /** Adds one TXT record made of these character-strings (each at most 255 bytes), as a split record is served. */
    public LoopbackDns txtRecord(String name, String... strings) {
        for (String s : strings) {
            if (s.getBytes(StandardCharsets.UTF_8).length > 255) {
                throw new IllegalArgumentException("a character-string has at most 255 bytes");
            }
        }
        txt.merge(key(name), List.of(List.of(strings)), (old, added) -> {
            List<List<String>> all = new ArrayList<>(old);
            all.addAll(added);
            return List.copyOf(all);
        });
        return this;
    }

    @Override
    public void close() {
        socket.close();
    }

    private static String key(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] reply = answer(Arrays.copyOf(packet.getData(), packet.getLength()));
                if (reply != null) {
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (IOException | RuntimeException e) {
                // closed, or a malformed query: a test server just drops it
            }
        }
    }

    /** The response to one query, or null to drop what is not a plain one-question query. */
    private byte[] answer(byte[] query) {
        if (query.length < 12 || (query[2] & 0x80) != 0 || u16(query, 4) != 1) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        int pos = 12;
        for (int len = query[pos] & 0xff; len != 0; len = query[pos] & 0xff) {
            if ((len & 0xc0) != 0) {
                return null; // no compression in a question
            }
            name.append(name.length() == 0 ? "" : ".")
                    .append(new String(query, pos + 1, len, StandardCharsets.ISO_8859_1));
            pos += 1 + len;
        }
        int questionEnd = pos + 5; // the root label, then type and class
        int type = u16(query, pos + 1);

        List<byte[]> rdatas = new ArrayList<>();
        int rcode = 0;
        if (type == A) {
            rdatas.add(LOOPBACK);
        } else if (type == TXT) {
            List<List<String>> records = txt.get(key(name.toString()));
            if (records == null) {
                rcode = NXDOMAIN;
            } else {
                records.forEach(strings -> rdatas.add(characterStrings(strings)));
            }
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(query, 0, 2); // the id
        out.write(0x80 | (query[2] & 0x79)); // a response, with the query's opcode and RD bit
        out.write(0x80 | rcode); // recursion available
        write16(out, 1);
        write16(out, rdatas.size());
        write16(out, 0);
        write16(out, 0);
        out.write(query, 12, questionEnd - 12); // the question, as asked (resolvers compare it)
        for (byte[] rdata : rdatas) {
            write16(out, 0xc00c); // a pointer to the question's name
            write16(out, type);
            write16(out, 1); // IN
            write16(out, 0);
            write16(out, 60); // TTL
            write16(out, rdata.length);
            out.write(rdata, 0, rdata.length);
        }
        return out.toByteArray();
    }

    private static byte[] characterStrings(List<String> strings) {
        ByteArrayOutputStream rdata = new ByteArrayOutputStream();
        for (String s : strings) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            rdata.write(bytes.length);
            rdata.write(bytes, 0, bytes.length);
        }
        return rdata.toByteArray();
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static void write16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }
}
