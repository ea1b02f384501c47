package io.certgate.ejb.acme;

import io.certgate.domain.acme.AcmeStatus;
import io.certgate.ejb.enrollment.dcv.DomainControlCheck;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pure rules of ACME orders (RFC 8555 7.1.6, 7.4, 8; RFC 9773): which identifiers an order may name, the status an
 * order has by its authorizations, what a challenge's key authorization and DNS digest are, whether a CSR names
 * exactly the order's identifiers, and when a certificate should be renewed. Thread-safe, no state.
 */
public final class AcmeRules {

    /** The most identifiers one order may name. */
    public static final int MAX_IDENTIFIERS = 50;

    private AcmeRules() {
    }

    /** An identifier as an order asks for it: type and value. */
    public record Identifier(String type, String value) {
    }

    /**
     * The DNS names of an order, lower case, without a final dot, duplicates removed, in the order asked; a wildcard
     * keeps its {@code *.}. Refused: no identifiers, more than {@link #MAX_IDENTIFIERS}, a type other than {@code dns}
     * ({@link AcmeError#UNSUPPORTED_IDENTIFIER}), a value that is no DNS name or a wildcard anywhere but the first
     * label ({@link AcmeError#REJECTED_IDENTIFIER}).
     */
    public static List<String> dnsNames(List<Identifier> identifiers) {
        if (identifiers == null || identifiers.isEmpty()) {
            throw new AcmeException(AcmeError.MALFORMED, "an order names at least one identifier");
        }
        if (identifiers.size() > MAX_IDENTIFIERS) {
            throw new AcmeException(AcmeError.REJECTED_IDENTIFIER, "an order names at most " + MAX_IDENTIFIERS
                    + " identifiers");
        }
        Set<String> names = new LinkedHashSet<>();
        for (Identifier i : identifiers) {
            if (!"dns".equals(i.type())) {
                throw new AcmeException(AcmeError.UNSUPPORTED_IDENTIFIER, "only identifiers of type dns are issued, not "
                        + Jwk.printable(String.valueOf(i.type())));
            }
            String value = i.value() == null ? "" : i.value().toLowerCase(Locale.ROOT);
            value = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
            boolean wildcard = value.startsWith("*.");
            try {
                String name = DomainControlCheck.domainName(value); // refuses an inner *, and a *. alone
                names.add(wildcard ? "*." + name : name);
            } catch (IllegalArgumentException e) {
                throw new AcmeException(AcmeError.REJECTED_IDENTIFIER, Jwk.printable(String.valueOf(i.value()))
                        + " is not a DNS name certgate issues");
            }
        }
        return List.copyOf(names);
    }

    /**
     * An order's status now (RFC 8555 7.1.6): processing, valid and invalid as stored; past its expiry, or with an
     * authorization that is not pending or valid anymore, invalid; with every authorization valid, ready; else pending.
     */
    public static AcmeStatus orderStatus(AcmeStatus stored, Instant expires, Collection<AcmeStatus> authorizations,
                                         Instant now) {
        if (stored == AcmeStatus.PROCESSING || stored == AcmeStatus.VALID || stored == AcmeStatus.INVALID) {
            return stored;
        }
        if (!now.isBefore(expires)) {
            return AcmeStatus.INVALID;
        }
        boolean allValid = true;
        for (AcmeStatus a : authorizations) {
            if (a != AcmeStatus.VALID && a != AcmeStatus.PENDING) {
                return AcmeStatus.INVALID;
            }
            allValid &= a == AcmeStatus.VALID;
        }
        return allValid && !authorizations.isEmpty() ? AcmeStatus.READY : AcmeStatus.PENDING;
    }

    /** The key authorization of a challenge token (RFC 8555 8.1): token "." thumbprint of the account key. */
    public static String keyAuthorization(String token, String thumbprint) {
        return token + "." + thumbprint;
    }

    /** The dns-01 TXT value (RFC 8555 8.4): base64url of the SHA-256 of the key authorization. */
    public static String dnsDigest(String keyAuthorization) {
        try {
            return Jwk.b64(MessageDigest.getInstance("SHA-256").digest(keyAuthorization.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a CSR's names (its DNS subject alternative names and a commonName) are exactly the order's identifiers
     * (RFC 8555 7.4): every identifier named, nothing else; the commonName, if any, one of them. A refusal says why.
     */
    public static void requireCsrNames(List<String> orderNames, List<String> csrDnsNames, String commonName) {
        Set<String> wanted = new TreeSet<>(orderNames);
        Set<String> asked = new TreeSet<>();
        for (String n : csrDnsNames) {
            asked.add(n.toLowerCase(Locale.ROOT));
        }
        String cn = commonName == null ? null : commonName.toLowerCase(Locale.ROOT);
        if (cn != null && !cn.isEmpty()) {
            if (!wanted.contains(cn)) {
                throw new AcmeException(AcmeError.BAD_CSR, "the CSR's commonName is not one of the order's identifiers");
            }
            asked.add(cn);
        }
        if (!asked.equals(wanted)) {
            List<String> missing = new ArrayList<>(wanted);
            missing.removeAll(asked);
            List<String> extra = new ArrayList<>(asked);
            extra.removeAll(wanted);
            throw new AcmeException(AcmeError.BAD_CSR, "the CSR must name exactly the order's identifiers"
                    + (missing.isEmpty() ? "" : "; missing " + String.join(", ", missing))
                    + (extra.isEmpty() ? "" : "; not in the order " + String.join(", ", extra)));
        }
    }

    /** When a certificate should be renewed (RFC 9773 4.2): a window start and end. */
    public record RenewalWindow(Instant start, Instant end) {
    }

    /**
     * The suggested renewal window: for a valid certificate, from two thirds of its lifetime to five sixths (so that
     * a client renewing at a random time in it still has a sixth left); for a revoked one, from now on, at once.
     */
    public static RenewalWindow renewalWindow(Instant notBefore, Instant notAfter, boolean revoked, Instant now) {
        if (revoked) {
            return new RenewalWindow(now.minus(Duration.ofHours(1)), now);
        }
        Duration life = Duration.between(notBefore, notAfter);
        return new RenewalWindow(notBefore.plus(life.multipliedBy(2).dividedBy(3)),
                notBefore.plus(life.multipliedBy(5).dividedBy(6)));
    }

    /**
     * The per-account limit on new orders: given the creation times of the account's orders within the last
     * {@code window}, newest first (at most {@code limit} of them), how long until one more may be made; empty when it
     * may now (or when {@code limit} is 0, no limit). Whole seconds, at least one: what Retry-After says.
     */
    public static Optional<Duration> orderWait(List<Instant> newestFirst, int limit,
                                                         Duration window, Instant now) {
        if (limit <= 0 || newestFirst.size() < limit) {
            return Optional.empty();
        }
        // a new order fits once the limit-th newest has left the window
        Duration wait = Duration.between(now, newestFirst.get(limit - 1).plus(window));
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Optional.of(Duration.ofSeconds(seconds));
    }

    /** An ARI certificate identifier (RFC 9773 4.1): the authority key identifier and the serial number. */
    public record CertId(byte[] authorityKeyId, BigInteger serial) {

        /** As clients write it: {@code base64url(AKI keyIdentifier) "." base64url(serial DER content)}. */
        public String wire() {
            java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString(authorityKeyId) + "." + b64.encodeToString(serial.toByteArray());
        }
    }

    /** {@code base64url(AKI keyIdentifier) "." base64url(serial DER content)}; {@link AcmeError#MALFORMED} otherwise. */
    public static CertId certId(String value) {
        int dot = value == null ? -1 : value.indexOf('.');
        if (dot <= 0 || dot == value.length() - 1 || value.length() > 256 || value.indexOf('.', dot + 1) >= 0) {
            throw new AcmeException(AcmeError.MALFORMED, "not an ARI certificate identifier");
        }
        byte[] aki = Jws.base64Url(value.substring(0, dot));
        byte[] serial = Jws.base64Url(value.substring(dot + 1));
        if (aki.length == 0 || serial.length == 0 || serial.length > 20 || (serial[0] & 0x80) != 0) {
            throw new AcmeException(AcmeError.MALFORMED, "not an ARI certificate identifier");
        }
        return new CertId(aki, new BigInteger(serial));
    }
}
