package io.certgate.ejb.enrollment.dcv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.spi.InitialContextFactory;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Domain control validation by the token methods of DigiCert CertCentral: {@code http-token} (the order's random
 * value in {@code http://{domain}/.well-known/pki-validation/fileauth.txt}) and {@code dns-txt-token} (in a TXT
 * record of {@code _dnsauth.{domain}}), and by ACME's challenges (RFC 8555): {@code http-01} (the key authorization at
 * {@code http://{domain}/.well-known/acme-challenge/{token}}) and {@code dns-01} (its digest in a TXT record of
 * {@code _acme-challenge.{domain}}).
 *
 * <p>With a DNS server configured every name of a check is resolved there, including the address of the web server
 * for http-token, so that tests (and air-gapped sites) control what a domain means. DNS goes through the JDK's
 * JNDI DNS provider, instantiated directly from its module rather than through {@code new InitialDirContext}: an
 * application server installs its own JNDI factory builder, which Java 17 forbids from loading the provider's
 * non-exported classes. HTTP is a plain HTTP/1.0 GET on a socket, because it connects to an address resolved here
 * while naming the domain in {@code Host}, which the JDK's HTTP clients refuse to set; it follows no redirects.
 *
 * <p>http-token connects only to public addresses unless told otherwise ({@code certgate.dcv.allow.internal.addresses}):
 * a name that resolves to a loopback, private, link-local (169.254.169.254: cloud metadata), unique-local, shared
 * (100.64/10) or otherwise reserved address is not fetched, so that an order cannot make the server reach into its
 * own network (issue 18, 5). Tests, whose web server is on loopback, allow them.
 *
 * <p>One check (DNS and HTTP together) takes at most about the configured timeout. Network failures are answered
 * {@code false}, never thrown; invalid domain names are refused with {@link IllegalArgumentException}. Thread-safe:
 * nothing mutable is shared between calls.
 */
public final class DomainControlCheck {

    private static final Logger LOG = Logger.getLogger(DomainControlCheck.class.getName());

    static final String FILE_PATH = "/.well-known/pki-validation/fileauth.txt";
    static final String TXT_PREFIX = "_dnsauth.";
    static final String ACME_PATH = "/.well-known/acme-challenge/";
    static final String ACME_TXT_PREFIX = "_acme-challenge.";
    static final int MAX_BODY = 4096;
    private static final int MAX_HEAD = 8192;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final InitialContextFactory DNS = dnsProvider();

    private final InetSocketAddress dnsServer;
    private final int httpPort;
    private final Duration timeout;
    private final boolean internalAllowed;
    private final int tlsPort;

    /** Only public addresses for http-token. */
    public DomainControlCheck(InetSocketAddress dnsServer, int httpPort, Duration timeout) {
        this(dnsServer, httpPort, timeout, false);
    }

    /**
     * @param dnsServer       the DNS server for every lookup of a check, null for the system's resolver
     * @param httpPort        the port of the web servers for http-token (80 but in tests)
     * @param timeout         the longest one check may take
     * @param internalAllowed whether http-token may connect to internal addresses (tests)
     */
    public DomainControlCheck(InetSocketAddress dnsServer, int httpPort, Duration timeout, boolean internalAllowed) {
        this(dnsServer, httpPort, timeout, internalAllowed, 443);
    }

    /** The same, with the port of the TLS servers for ACME tls-alpn-01 (443 but in tests). */
    public DomainControlCheck(InetSocketAddress dnsServer, int httpPort, Duration timeout, boolean internalAllowed,
                              int tlsPort) {
        if (httpPort < 1 || httpPort > 65535) {
            throw new IllegalArgumentException("not a port: " + httpPort);
        }
        if (tlsPort < 1 || tlsPort > 65535) {
            throw new IllegalArgumentException("not a port: " + tlsPort);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a usable timeout: " + timeout);
        }
        if (DNS == null) {
            throw new IllegalStateException("the JDK's DNS provider (module jdk.naming.dns) is missing");
        }
        this.dnsServer = dnsServer;
        this.httpPort = httpPort;
        this.timeout = timeout;
        this.internalAllowed = internalAllowed;
        this.tlsPort = tlsPort;
    }

    /**
     * From MicroProfile Config: {@code certgate.dcv.dns.server} ({@code host[:port]}, default the system's resolver),
     * {@code certgate.dcv.http.port} (80), {@code certgate.dcv.timeout.ms} (5000),
     * {@code certgate.dcv.allow.internal.addresses} (false), {@code certgate.dcv.tls.port} (443, ACME tls-alpn-01).
     */
    public static DomainControlCheck fromConfig() {
        Config config = ConfigProvider.getConfig();
        InetSocketAddress dns = config.getOptionalValue("certgate.dcv.dns.server", String.class)
                .map(String::trim).filter(s -> !s.isEmpty()).map(DomainControlCheck::hostAndPort).orElse(null);
        int port = config.getOptionalValue("certgate.dcv.http.port", Integer.class).orElse(80);
        long millis = config.getOptionalValue("certgate.dcv.timeout.ms", Long.class).orElse(5000L);
        boolean internal = config.getOptionalValue("certgate.dcv.allow.internal.addresses", Boolean.class)
                .orElse(false);
        int tls = config.getOptionalValue("certgate.dcv.tls.port", Integer.class).orElse(443);
        return new DomainControlCheck(dns, port, Duration.ofMillis(millis), internal, tls);
    }

    /** {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}; the port defaults to 53. Not resolved. */
    static InetSocketAddress hostAndPort(String value) {
        String host = value;
        int port = 53;
        int colon = value.lastIndexOf(':');
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0 || (close + 1 < value.length() && value.charAt(close + 1) != ':')) {
                throw new IllegalArgumentException("certgate.dcv.dns.server: not host:port: " + value);
            }
            host = value.substring(1, close);
            colon = close + 1 < value.length() ? close + 1 : -1;
        } else if (colon >= 0) {
            host = value.substring(0, colon);
        }
        try {
            if (colon >= 0) {
                port = Integer.parseInt(value.substring(colon + 1));
            }
            return InetSocketAddress.createUnresolved(host, port);
        } catch (IllegalArgumentException e) { // a bad number, a port out of range
            throw new IllegalArgumentException("certgate.dcv.dns.server: not host:port: " + value, e);
        }
    }

    /** Checks by this method, which must be {@linkplain DcvMethod#isCheckable() checkable}. */
    public boolean check(String domain, DcvMethod method, String token) {
        return switch (Objects.requireNonNull(method, "method")) {
            case HTTP_TOKEN -> httpToken(domain, token);
            case DNS_TXT_TOKEN -> dnsTxtToken(domain, token);
            default -> throw new IllegalArgumentException(method.wireName() + " cannot be checked by certgate");
        };
    }

    /** Whether {@code http://{domain}/.well-known/pki-validation/fileauth.txt} answers 200 with the token. */
    public boolean httpToken(String domain, String token) {
        requireToken(token);
        return http("http-token", domain, FILE_PATH, body -> body.contains(token));
    }

    /**
     * ACME http-01 (RFC 8555 8.3): whether {@code http://{domain}/.well-known/acme-challenge/{token}} answers 200 with
     * exactly the key authorization (white space around it allowed).
     */
    public boolean httpChallenge(String domain, String token, String keyAuthorization) {
        requireToken(keyAuthorization);
        if (token == null || !token.matches("[A-Za-z0-9_-]{16,64}")) {
            throw new IllegalArgumentException("not an ACME token");
        }
        return http("http-01", domain, ACME_PATH + token, body -> body.strip().equals(keyAuthorization));
    }

    /** Whether the web server of the domain answers this path with 200 and a body that passes the test. */
    private boolean http(String method, String domain, String path, java.util.function.Predicate<String> found) {
        return reach(method, domain, (address, name, deadline) -> {
            Response response = get(address, name, path, deadline);
            if (response == null) {
                return null;
            }
            boolean shown = response.status == 200 && found.test(response.body);
            LOG.fine(() -> "DCV " + method + " " + name + " at " + address.getHostAddress() + ": HTTP "
                    + response.status + (shown ? ", token found" : ", no token"));
            return shown;
        });
    }

    /**
     * ACME tls-alpn-01 (RFC 8737): whether the TLS server of the domain (on {@code certgate.dcv.tls.port}, 443)
     * negotiates {@code acme-tls/1} for the domain's SNI and presents a certificate naming only the domain with the
     * critical acmeIdentifier extension holding the SHA-256 of the key authorization. The certificate is not
     * otherwise trusted: it is self-signed by design.
     */
    public boolean tlsAlpnChallenge(String domain, String keyAuthorization) {
        requireToken(keyAuthorization);
        byte[] expected;
        try {
            expected = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(keyAuthorization.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return reach("tls-alpn-01", domain, (address, name, deadline) -> {
            java.security.cert.X509Certificate presented = alpnCertificate(address, name, deadline);
            if (presented == null) {
                return null;
            }
            boolean shown = AcmeTlsCertificate.proves(presented, name, expected);
            LOG.fine(() -> "DCV tls-alpn-01 " + name + " at " + address.getHostAddress() + ": "
                    + (shown ? "shown" : "not the challenge's certificate"));
            return shown;
        });
    }

    /** One attempt at an address: null when nothing answered in time (try the next), else whether it was shown. */
    @FunctionalInterface
    private interface Probe {
        Boolean at(InetAddress address, String name, long deadline);
    }

    /** The first address of the domain that answers decides, as a browser's would; internal ones only if allowed. */
    private boolean reach(String method, String domain, Probe probe) {
        String name = domainName(domain);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<InetAddress> addresses = addresses(name, deadline);
        if (addresses.isEmpty()) {
            LOG.fine(() -> "DCV " + method + " " + name + ": no address");
        }
        for (InetAddress address : addresses) {
            if (!internalAllowed && internal(address)) {
                LOG.info(() -> "DCV " + method + " " + name + ": not reached at the internal address "
                        + address.getHostAddress() + " (certgate.dcv.allow.internal.addresses)");
                continue;
            }
            Boolean shown = probe.at(address, name, deadline);
            if (shown != null) {
                return shown;
            }
        }
        return false;
    }

    /** The certificate a TLS server presents for this SNI when it negotiates acme-tls/1, or null. */
    private java.security.cert.X509Certificate alpnCertificate(InetAddress address, String name, long deadline) {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, tlsPort), positive(remainingMillis(deadline)));
            plain.setSoTimeout(positive(remainingMillis(deadline)));
            javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) AcmeTlsCertificate.ANY_CERTIFICATE
                    .getSocketFactory().createSocket(plain, name, tlsPort, true);
            javax.net.ssl.SSLParameters parameters = tls.getSSLParameters();
            parameters.setServerNames(List.of(new javax.net.ssl.SNIHostName(name)));
            parameters.setApplicationProtocols(new String[] {AcmeTlsCertificate.ALPN});
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            if (!AcmeTlsCertificate.ALPN.equals(tls.getApplicationProtocol())) {
                LOG.fine(() -> "DCV tls-alpn-01 " + name + ": acme-tls/1 not negotiated");
                return null;
            }
            java.security.cert.Certificate[] chain = tls.getSession().getPeerCertificates();
            tls.close();
            return chain.length == 0 ? null : (java.security.cert.X509Certificate) chain[0];
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "DCV tls-alpn-01 " + name + " at " + address.getHostAddress() + ": " + e);
            return null;
        }
    }

    /**
     * Whether an address is not a public one: unspecified, loopback, link-local, private (site-local), multicast,
     * IPv6 unique-local (fc00::/7), shared (100.64.0.0/10), IETF (192.0.0.0/24), benchmarking (198.18.0.0/15),
     * documentation, reserved (240.0.0.0/4) or "this network" (0.0.0.0/8); IPv4 inside IPv6 (NAT64 64:ff9b::/96,
     * 6to4 2002::/16, IPv4-compatible) by the IPv4 address it carries.
     */
    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] a = address.getAddress();
        if (a.length == 4) {
            int b0 = a[0] & 0xff;
            int b1 = a[1] & 0xff;
            int b2 = a[2] & 0xff;
            return b0 == 0 || b0 == 10 || b0 == 127 || b0 >= 224
                    || (b0 == 100 && b1 >= 64 && b1 <= 127)
                    || (b0 == 169 && b1 == 254)
                    || (b0 == 172 && b1 >= 16 && b1 <= 31)
                    || (b0 == 192 && b1 == 168)
                    || (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2))
                    || (b0 == 198 && (b1 == 18 || b1 == 19))
                    || (b0 == 198 && b1 == 51 && b2 == 100)
                    || (b0 == 203 && b1 == 0 && b2 == 113);
        }
        int first = a[0] & 0xff;
        if ((first & 0xfe) == 0xfc) { // fc00::/7 unique-local
            return true;
        }
        if (first == 0x20 && (a[1] & 0xff) == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
            return true; // 2001:db8::/32 documentation
        }
        byte[] v4 = null;
        if (first == 0x20 && (a[1] & 0xff) == 0x02) { // 6to4
            v4 = Arrays.copyOfRange(a, 2, 6);
        } else if (first == 0x00 && a[1] == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) { // NAT64
            v4 = Arrays.copyOfRange(a, 12, 16);
        } else if (Arrays.equals(Arrays.copyOfRange(a, 0, 12), new byte[12])) { // IPv4-compatible ::a.b.c.d
            v4 = Arrays.copyOfRange(a, 12, 16);
        }
        if (v4 != null) {
            try {
                return internal(InetAddress.getByAddress(v4));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }

    /** Whether a TXT record of {@code _dnsauth.{domain}} contains the token. */
    public boolean dnsTxtToken(String domain, String token) {
        requireToken(token);
        return txt("dns-txt-token", TXT_PREFIX + domainName(domain), record -> record.contains(token));
    }

    /** ACME dns-01 (RFC 8555 8.4): whether a TXT record of {@code _acme-challenge.{domain}} is exactly the digest. */
    public boolean dnsChallenge(String domain, String digest) {
        requireToken(digest);
        return txt("dns-01", ACME_TXT_PREFIX + domainName(domain), record -> record.equals(digest));
    }

    private boolean txt(String method, String name, java.util.function.Predicate<String> found) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (String record : lookup(name, "TXT", deadline)) {
                if (found.test(joinTxt(record))) {
                    return true;
                }
            }
            LOG.fine(() -> "DCV " + method + " " + name + ": no TXT record with the token");
        } catch (NamingException e) {
            LOG.log(Level.INFO, "DCV " + method + " " + name + ": " + e);
        }
        return false;
    }

    /**
     * The domain name of a check, lower case, with a wildcard's {@code *.} removed. Refused: anything but letters,
     * digits, hyphens and dots; labels empty, longer than 63 or starting or ending with a hyphen; a single label;
     * an all-numeric top label (an IPv4 literal, or no public name); more than 253 characters.
     */
    public static String domainName(String domain) {
        if (domain == null) {
            throw new IllegalArgumentException("no domain name");
        }
        String name = domain.toLowerCase(Locale.ROOT);
        if (name.startsWith("*.")) {
            name = name.substring(2);
        }
        String[] labels = name.split("\\.", -1);
        boolean valid = name.length() <= 253 && labels.length >= 2
                && !labels[labels.length - 1].chars().allMatch(Character::isDigit)
                && Arrays.stream(labels).allMatch(label -> LABEL.matcher(label).matches());
        if (!valid) {
            throw new IllegalArgumentException("not a domain name: " + printable(domain));
        }
        return name;
    }

    private static void requireToken(String token) {
        // a blank token is contained in everything
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no DCV token");
        }
    }

    /** The addresses of a name, A before AAAA; empty when it cannot be resolved in time. */
    private List<InetAddress> addresses(String name, long deadline) {
        try {
            if (dnsServer == null) {
                return List.of(InetAddress.getAllByName(name));
            }
            List<InetAddress> addresses = new ArrayList<>();
            // one type a query: several types at once make JNDI send an ANY query, which servers answer sparsely
            for (String type : List.of("A", "AAAA")) {
                for (String literal : lookup(name, type, deadline)) {
                    addresses.add(InetAddress.getByName(literal)); // a literal: no lookup
                }
            }
            return addresses;
        } catch (NamingException | UnknownHostException e) {
            LOG.log(Level.INFO, "DCV http-token " + name + ": no address: " + e);
            return List.of();
        }
    }

    /** The values of this record type at this name (none for NXDOMAIN), within the deadline. */
    private List<String> lookup(String name, String type, long deadline) throws NamingException {
        long millis = remainingMillis(deadline);
        if (millis <= 0) {
            throw new NamingException("DCV timeout before the " + type + " lookup");
        }
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.PROVIDER_URL, dnsServer == null ? "dns:" : "dns://" + urlHost(dnsServer) + ":"
                + dnsServer.getPort());
        // JNDI waits timeout.initial, then doubles it on each of its retries (default 1 s and 4: 15 s per server)
        env.put("com.sun.jndi.dns.timeout.initial", Long.toString(millis));
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext context = (DirContext) DNS.getInitialContext(env);
        try {
            Attribute values = context.getAttributes(name, new String[] {type}).get(type);
            List<String> found = new ArrayList<>();
            if (values != null) {
                NamingEnumeration<?> all = values.getAll();
                while (all.hasMore()) {
                    found.add(String.valueOf(all.next()));
                }
            }
            return found;
        } catch (NameNotFoundException e) {
            return List.of();
        } finally {
            context.close();
        }
    }

    private static String urlHost(InetSocketAddress server) {
        String host = server.getHostString();
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /**
     * One TXT record as its character-strings joined. JNDI renders a record as its strings separated by spaces,
     * quoting (with backslash escapes) those that hold a space, a quote or a backslash, or are empty:
     * {@code abc def} or {@code "a b" "q\"x"}. Long values are split into several strings by whoever publishes them.
     */
    static String joinTxt(String jndi) {
        StringBuilder joined = new StringBuilder(jndi.length());
        int i = 0;
        while (i < jndi.length()) {
            char c = jndi.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                for (i++; i < jndi.length() && jndi.charAt(i) != '"'; i++) {
                    if (jndi.charAt(i) == '\\' && i + 1 < jndi.length()) {
                        i++;
                    }
                    joined.append(jndi.charAt(i));
                }
                i++; // the closing quote
            } else {
                for (; i < jndi.length() && jndi.charAt(i) != ' '; i++) {
                    joined.append(jndi.charAt(i));
                }
            }
        }
        return joined.toString();
    }

    private record Response(int status, String body) {
    }

    /** GET of the file at this address, or null when no HTTP answer came in time. */
    private Response get(InetAddress address, String host, String path, long deadline) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, httpPort), positive(remainingMillis(deadline)));
            // HTTP/1.0: the answer is never chunked and ends with the connection
            String request = "GET " + path + " HTTP/1.0\r\n"
                    + "Host: " + (httpPort == 80 ? host : host + ":" + httpPort) + "\r\n"
                    + "User-Agent: certgate-dcv\r\nAccept: */*\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parse(readResponse(socket, deadline));
        } catch (IOException e) {
            LOG.log(Level.INFO, "DCV GET http://" + host + path + " at " + address.getHostAddress() + ": " + e);
            return null;
        }
    }

    /** Reads until the end, the deadline, or the head plus {@link #MAX_BODY} bytes of body. */
    private static byte[] readResponse(Socket socket, long deadline) throws IOException {
        byte[] buffer = new byte[MAX_HEAD + MAX_BODY];
        int length = 0;
        int limit = buffer.length;
        InputStream in = socket.getInputStream();
        while (length < limit) {
            socket.setSoTimeout(positive(remainingMillis(deadline)));
            int n = in.read(buffer, length, limit - length);
            if (n < 0) {
                break;
            }
            length += n;
            int bodyStart = headEnd(buffer, length);
            if (bodyStart >= 0) {
                limit = Math.min(buffer.length, bodyStart + MAX_BODY);
            }
        }
        return Arrays.copyOf(buffer, length);
    }

    private static Response parse(byte[] response) throws IOException {
        int bodyStart = headEnd(response, response.length);
        if (bodyStart < 0) {
            throw new IOException("no complete HTTP head");
        }
        String head = new String(response, 0, bodyStart, StandardCharsets.ISO_8859_1);
        String[] statusLine = head.substring(0, head.indexOf("\r\n")).split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || !statusLine[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP status line");
        }
        int bodyLength = Math.min(MAX_BODY, response.length - bodyStart);
        // bytes as chars one for one: a token is ASCII, and no body can fail to decode
        return new Response(Integer.parseInt(statusLine[1]),
                new String(response, bodyStart, bodyLength, StandardCharsets.ISO_8859_1));
    }

    /** Where the body starts (after the blank line), or -1. */
    private static int headEnd(byte[] b, int length) {
        for (int i = 3; i < Math.min(length, MAX_HEAD); i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static long remainingMillis(long deadline) {
        return (deadline - System.nanoTime()) / 1_000_000;
    }

    /** A socket timeout: 0 would mean forever. */
    private static int positive(long millis) throws SocketTimeoutException {
        if (millis <= 0) {
            throw new SocketTimeoutException("DCV timeout");
        }
        return (int) millis;
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The JDK's DNS provider from its module (see the class comment), or null when the runtime lacks it. */
    private static InitialContextFactory dnsProvider() {
        return ServiceLoader.load(InitialContextFactory.class, ClassLoader.getSystemClassLoader()).stream()
                .filter(p -> p.type().getName().equals("com.sun.jndi.dns.DnsContextFactory"))
                .map(ServiceLoader.Provider::get).findFirst().orElse(null);
    }
}
