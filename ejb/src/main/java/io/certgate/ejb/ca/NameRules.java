package io.certgate.ejb.ca;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which names an organization's certificate may carry (pure rules; {@link NamePolicies} reads what they need). A
 * name of the server itself (its HTTPS host names and addresses, {@code localhost}, loopback) is never issued to an
 * organization; a name inside another organization's policy or domain validation is that organization's; an
 * organization with a policy of a kind gets only names inside it. IP addresses are iPAddress names, never dNSName;
 * a commonName has at most 64 characters (RFC 5280 ub-common-name).
 */
public final class NameRules {

    public static final int MAX_COMMON_NAME = 64;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private NameRules() {
    }

    /** The names a certificate would carry, IP literals asked as DNS names moved to the IP addresses. */
    public record Names(List<String> dnsNames, List<String> emails, List<String> ipAddresses) {

        public static Names of(List<String> dnsNames, List<String> emails, List<String> ipAddresses) {
            List<String> dns = new ArrayList<>();
            List<String> ips = new ArrayList<>(ipAddresses == null ? List.of() : ipAddresses);
            for (String n : dnsNames == null ? List.<String>of() : dnsNames) {
                if (isIpLiteral(n)) {
                    String canonical = canonicalIp(n);
                    if (!ips.contains(canonical)) {
                        ips.add(canonical);
                    }
                } else {
                    dns.add(n);
                }
            }
            return new Names(List.copyOf(dns), emails == null ? List.of() : List.copyOf(emails), List.copyOf(ips));
        }
    }

    /** Names of one kind: DNS suffixes, e-mail domains, IP ranges (CIDR). */
    public record Policy(List<String> dnsSuffixes, List<String> emailDomains, List<String> ipRanges) {
        public static final Policy NONE = new Policy(List.of(), List.of(), List.of());

        public Policy {
            dnsSuffixes = dnsSuffixes == null ? List.of() : List.copyOf(dnsSuffixes);
            emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
            ipRanges = ipRanges == null ? List.of() : List.copyOf(ipRanges);
        }
    }

    /**
     * Why these names may not be issued to the organization, or empty. {@code own}: its policy; {@code ownValidated}:
     * domains it proved control of; {@code others}: what other organizations' policies and validations hold;
     * {@code reservedHosts} and {@code reservedIps}: the server's own names.
     */
    public static Optional<String> refusal(String commonName, Names names, Policy own, Collection<String> ownValidated,
                                           Policy others, Collection<String> reservedHosts,
                                           Collection<String> reservedIps) {
        if (commonName != null && commonName.length() > MAX_COMMON_NAME) {
            return Optional.of("the commonName has " + commonName.length() + " characters; at most "
                    + MAX_COMMON_NAME + " are allowed");
        }
        List<String> dns = new ArrayList<>(names.dnsNames());
        List<String> ips = new ArrayList<>(names.ipAddresses());
        if (commonName != null && !commonName.isBlank()) {
            if (isIpLiteral(commonName)) {
                ips.add(canonicalIp(commonName));
            } else if (commonName.contains(".") || commonName.equalsIgnoreCase("localhost")) {
                dns.add(commonName);
            }
        }
        for (String name : dns) {
            String n = hostOf(name);
            if (reserved(n, reservedHosts)) {
                return Optional.of(name + " is a name of this certificate server and is issued to no organization");
            }
            boolean mine = covered(n, own.dnsSuffixes()) || covered(n, ownValidated);
            if (!mine && !own.dnsSuffixes().isEmpty()) {
                return Optional.of(name + " is outside the organization's name policy (DNS suffixes "
                        + String.join(", ", own.dnsSuffixes()) + ")");
            }
            if (!mine && covered(n, others.dnsSuffixes())) {
                return Optional.of(name + " belongs to another organization");
            }
        }
        for (String email : names.emails()) {
            int at = email.lastIndexOf('@');
            String domain = at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
            boolean mine = covered(domain, own.emailDomains());
            if (!mine && !own.emailDomains().isEmpty()) {
                return Optional.of(email + " is outside the organization's name policy (e-mail domains "
                        + String.join(", ", own.emailDomains()) + ")");
            }
            if (!mine && covered(domain, others.emailDomains())) {
                return Optional.of(email + " belongs to another organization");
            }
        }
        for (String ip : ips) {
            String canonical = canonicalIp(ip);
            if (isLoopbackOrUnspecified(canonical) || reservedIps.stream().map(NameRules::canonicalIp)
                    .anyMatch(canonical::equals)) {
                return Optional.of(ip + " is an address of this certificate server and is issued to no organization");
            }
            boolean mine = inRanges(canonical, own.ipRanges());
            if (!mine && !own.ipRanges().isEmpty()) {
                return Optional.of(ip + " is outside the organization's name policy (IP ranges "
                        + String.join(", ", own.ipRanges()) + ")");
            }
            if (!mine && inRanges(canonical, others.ipRanges())) {
                return Optional.of(ip + " belongs to another organization");
            }
        }
        return Optional.empty();
    }

    /** A wildcard's domain ({@code *.example.com} -> {@code example.com}), lower case, without a final dot. */
    static String hostOf(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("*.")) {
            n = n.substring(2);
        }
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private static boolean reserved(String host, Collection<String> reservedHosts) {
        if (host.equals("localhost") || host.endsWith(".localhost") || host.equals("localhost.localdomain")) {
            return true;
        }
        for (String r : reservedHosts) {
            if (host.equals(hostOf(r))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code host} is one of the domains or below one. */
    static boolean covered(String host, Collection<String> domains) {
        for (String d : domains) {
            String domain = hostOf(d);
            if (!domain.isEmpty() && (host.equals(domain) || host.endsWith("." + domain))) {
                return true;
            }
        }
        return false;
    }

    public static boolean isIpLiteral(String s) {
        String v = s.trim();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        return IPV4.matcher(v).matches() || (v.contains(":") && v.matches("[0-9A-Fa-f:.]+"));
    }

    /** An IP literal in the form InetAddress prints it (so that {@code ::1} and {@code 0:0:0:0:0:0:0:1} are one). */
    public static String canonicalIp(String s) {
        String v = s.trim();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return isIpLiteral(v) ? InetAddress.getByName(v).getHostAddress() : v;
        } catch (UnknownHostException e) {
            return v;
        }
    }

    private static boolean isLoopbackOrUnspecified(String ip) {
        try {
            InetAddress a = InetAddress.getByName(ip);
            return a.isLoopbackAddress() || a.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether the address is in one of the CIDR ranges ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or one address). */
    static boolean inRanges(String ip, Collection<String> ranges) {
        try {
            byte[] address = InetAddress.getByName(ip).getAddress();
            for (String range : ranges) {
                String[] parts = range.trim().split("/", 2);
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                if (network.length != address.length) {
                    continue;
                }
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefixMatches(address, network, bits)) {
                    return true;
                }
            }
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    private static boolean prefixMatches(byte[] a, byte[] b, int bits) {
        for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((a[i] & mask) != (b[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** A policy entry as it is kept: lower case; a CIDR range checked; refuses what is none of the three. */
    public static String normalizeEntry(io.certgate.domain.ca.NamePolicyEntry.Kind kind, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (kind) {
            case DNS, EMAIL -> {
                v = v.startsWith("*.") ? v.substring(2) : v.startsWith(".") ? v.substring(1) : v;
                if (!v.matches("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?)*")
                        || v.length() > 253) {
                    throw new InvalidNamePolicyException("not a domain: " + value);
                }
            }
            case IP -> {
                String[] parts = v.split("/", 2);
                if (!isIpLiteral(parts[0])) {
                    throw new InvalidNamePolicyException("not an IP range (CIDR): " + value);
                }
                int max = parts[0].contains(":") ? 128 : 32;
                try {
                    int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : max;
                    if (bits < 0 || bits > max) {
                        throw new InvalidNamePolicyException("not an IP range (CIDR): " + value);
                    }
                    v = canonicalIp(parts[0]) + "/" + bits;
                } catch (NumberFormatException e) {
                    throw new InvalidNamePolicyException("not an IP range (CIDR): " + value);
                }
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        return v;
    }
}
