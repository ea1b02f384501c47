package io.certgate.ejb.ca.tls;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/**
 * The names the server's HTTPS certificate is for: {@code certgate.tls.hostnames} (comma- or space-separated host
 * names and IP addresses) plus the host of {@code certgate.public.base.url}. Host names are kept in lower case, IP
 * addresses in the JDK's canonical form, so that a certificate's names compare as sets.
 */
public record ServerTlsNames(List<String> dnsNames, List<String> ipAddresses) {

    static final int MAX_NAMES = 20;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public ServerTlsNames {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }

    /** The configured names and the public base URL's host, each once; refuses what is neither name nor address. */
    public static ServerTlsNames of(String configured, String publicBaseUrl) {
        List<String> raw = new ArrayList<>();
        if (configured != null) {
            for (String n : configured.split("[,\\s]+")) {
                if (!n.isBlank()) {
                    raw.add(n.trim());
                }
            }
        }
        String baseHost = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : URI.create(publicBaseUrl).getHost();
        if (baseHost != null) {
            raw.add(baseHost);
        }
        Set<String> dns = new LinkedHashSet<>();
        Set<String> ips = new LinkedHashSet<>();
        for (String n : raw) {
            String name = n.startsWith("[") && n.endsWith("]") ? n.substring(1, n.length() - 1) : n;
            if (IPAddress.isValid(name)) {
                ips.add(canonicalAddress(name));
            } else {
                dns.add(hostName(name));
            }
        }
        if (dns.isEmpty() && ips.isEmpty()) {
            throw new IllegalArgumentException("certgate.tls.hostnames names no host");
        }
        if (dns.size() + ips.size() > MAX_NAMES) {
            throw new IllegalArgumentException("certgate.tls.hostnames names more than " + MAX_NAMES + " hosts");
        }
        return new ServerTlsNames(new ArrayList<>(dns), new ArrayList<>(ips));
    }

    /**
     * The server's own names as configured ({@code certgate.tls.hostnames}, {@code certgate.public.base.url}); when
     * the setting names nothing usable, localhost and 127.0.0.1 (the start-up check of the HTTPS certificate says why).
     */
    public static ServerTlsNames configured() {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try {
            return of(config.getOptionalValue("certgate.tls.hostnames", String.class).orElse("localhost,127.0.0.1"),
                    publicBaseUrl());
        } catch (IllegalArgumentException e) {
            return new ServerTlsNames(List.of("localhost"), List.of("127.0.0.1"));
        }
    }

    /** {@code certgate.public.base.url} as configured. */
    public static String publicBaseUrl() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("certgate.public.base.url", String.class).orElse("http://localhost:9080");
    }

    /**
     * Which of the server's names a client asked for ({@code host} as the Host header gives it, with or without a
     * port, an IPv6 address in brackets), or empty for any other name: a Host header is the client's to choose.
     */
    public java.util.Optional<String> own(String host) {
        if (host == null || host.isBlank()) {
            return java.util.Optional.empty();
        }
        String h = host.trim();
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            h = close < 0 ? h : h.substring(1, close);
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.indexOf(':') >= 0) {
            h = h.substring(0, h.indexOf(':')); // name:port (one colon; more is a bare IPv6 address)
        }
        if (IPAddress.isValid(h)) {
            String canonical = canonicalAddress(h);
            return ipAddresses.contains(canonical) ? java.util.Optional.of(canonical) : java.util.Optional.empty();
        }
        String lower = h.toLowerCase(Locale.ROOT);
        return dnsNames.contains(lower) ? java.util.Optional.of(lower) : java.util.Optional.empty();
    }

    /** An address literal in the JDK's form (IPv6 uncompressed), as X509Certificate reports iPAddress names. */
    static String canonicalAddress(String literal) {
        if (!IPAddress.isValid(literal)) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
        try {
            return InetAddress.getByName(literal).getHostAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    private static String hostName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.length() > 253) {
            throw new IllegalArgumentException("certgate.tls.hostnames: not a host name: " + name);
        }
        for (String label : lower.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("certgate.tls.hostnames: not a host name: " + name);
            }
        }
        return lower;
    }

    /** The certificate's common name: the first host name, else the first address. */
    public String commonName() {
        return dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
    }

    /** All names, host names first, as one string for the audit trail and the log. */
    @Override
    public String toString() {
        List<String> all = new ArrayList<>(dnsNames);
        all.addAll(ipAddresses);
        return String.join(",", all);
    }
}
