package io.certgate.ejb.ca.tls;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When the server's HTTPS certificate must be issued anew: there is none of certgate's, it is self-signed (Liberty's
 * generated one), it is not issued by the current infrastructure CA (a root-signed one of an earlier release, a new
 * CA generation, another instance's file), it is for other names than
 * those configured, or it ends within {@link #RENEW_BEFORE}.
 */
public final class ServerTlsRenewal {

    /** How long before its end the certificate is replaced. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private ServerTlsRenewal() {
    }

    /** Why {@code leaf} must be replaced, or empty when it serves. */
    public static Optional<String> reason(X509Certificate leaf, X509Certificate issuer, ServerTlsNames names,
                                          Instant now) {
        if (leaf == null) {
            return Optional.of("there is no certificate of certgate's yet");
        }
        if (leaf.getIssuerX500Principal().equals(leaf.getSubjectX500Principal()) && signedBy(leaf, leaf)) {
            return Optional.of("it is self-signed (Liberty's generated certificate)");
        }
        if (!leaf.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) || !signedBy(leaf, issuer)) {
            return Optional.of("it is not issued by the current infrastructure CA");
        }
        if (!names(leaf, 2).equals(new HashSet<>(names.dnsNames()))
                || !names(leaf, 7).equals(new HashSet<>(names.ipAddresses()))) {
            return Optional.of("it is for other names than " + names);
        }
        if (!now.plus(RENEW_BEFORE).isBefore(leaf.getNotAfter().toInstant())) {
            return Optional.of("it ends " + leaf.getNotAfter().toInstant() + ", within " + RENEW_BEFORE.toDays()
                    + " days");
        }
        return Optional.empty();
    }

    private static boolean signedBy(X509Certificate leaf, X509Certificate root) {
        try {
            leaf.verify(root.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The subject alternative names of one type (2 dNSName, 7 iPAddress), compared as the names are kept. */
    private static Set<String> names(X509Certificate cert, int type) {
        Set<String> out = new HashSet<>();
        try {
            Collection<List<?>> all = cert.getSubjectAlternativeNames();
            if (all != null) {
                for (List<?> n : all) {
                    if (((Integer) n.get(0)) == type) {
                        String v = (String) n.get(1);
                        out.add(type == 7 ? ServerTlsNames.canonicalAddress(v) : v.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException | IllegalArgumentException e) {
            out.add("unreadable"); // never equal to configured names: renew
        }
        return out;
    }
}
