package io.certgate.ejb.ca;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssueAuthority;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SCEP RA certificate clients are served (GetCACert, CertRep signatures): issued by the infrastructure CA (the
 * RSA issuing CA of {@link Caller#SERVER_ORG}) over the RA key that stays in custody, through the ledger
 * ({@link ScepRaCertificateIssuer}). Made lazily, held here, looked at again every {@link #CHECK_EVERY} and whenever
 * the infrastructure CA's generation changes: a valid one the ledger already holds (another instance's) is taken
 * when {@link ScepRaRenewal} accepts it, else one is issued. While the infrastructure CA is pending (an offline RSA
 * root whose ceremony has not signed it yet) the self-signed certificate of custody serves.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScepRaCertificate {

    private static final Logger LOG = Logger.getLogger(ScepRaCertificate.class.getName());
    static final Duration CHECK_EVERY = Duration.ofMinutes(5);

    /**
     * What is served, the infrastructure CA that issued it (null: custody's self-signed one), every RA certificate
     * of the key a request may still be encrypted to, and when it was looked at.
     */
    private record Held(X509Certificate certificate, LoadedIssuingCa issuedBy, List<X509Certificate> accepted,
                        Instant checkedAt) {
    }

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private IssuingAuthorities issuing;

    @EJB
    private ScepRaCertificateIssuer issuer;

    private volatile Held held;

    /**
     * What SCEP serves, looked at together: the RA certificate, the infrastructure CA certificate that issued it
     * (empty while it is custody's own) and every certificate of the RA key a request may be encrypted to, the
     * served one first (also another instance's, an earlier one a client may still hold, custody's own).
     */
    public record Served(X509Certificate certificate, Optional<X509Certificate> issuingCa,
                         List<X509Certificate> accepted) {
    }

    public Served served() {
        Held h = held();
        return new Served(h.certificate(), Optional.ofNullable(h.issuedBy()).map(LoadedIssuingCa::certificate),
                h.accepted());
    }

    private Held held() {
        Held h = held;
        if (h == null || stale(h, Instant.now())) {
            h = refresh();
        }
        return h;
    }

    private boolean stale(Held h, Instant now) {
        if (now.isAfter(h.checkedAt().plus(CHECK_EVERY))) {
            return true;
        }
        if (h.issuedBy() == null) {
            return false; // looked at again after CHECK_EVERY: the ceremony may have signed the CA meanwhile
        }
        try {
            return issuing.forIssuance(Caller.SERVER_ORG, IssueAuthority.RSA).id() != h.issuedBy().id();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private synchronized Held refresh() {
        Instant now = Instant.now();
        Held before = held;
        if (before != null && !stale(before, now)) {
            return before; // another thread refreshed it
        }
        X509Certificate own = authorities.scepRaCustodyCertificate();
        PublicKey key = own.getPublicKey();
        Held next;
        try {
            Optional<LoadedIssuingCa> infrastructure = infrastructureCa();
            if (infrastructure.isEmpty()) {
                next = new Held(own, null, List.of(own), now);
            } else {
                X509Certificate ca = infrastructure.get().certificate();
                List<X509Certificate> valid = issuer.valid(key);
                Optional<X509Certificate> serving = valid.stream()
                        .filter(c -> ScepRaRenewal.reason(c, ca, key, now).isEmpty()).findFirst();
                X509Certificate chosen;
                if (serving.isPresent()) {
                    chosen = serving.get();
                } else {
                    X509Certificate previous = before == null ? (valid.isEmpty() ? null : valid.get(0))
                            : before.certificate();
                    String why = ScepRaRenewal.reason(previous, ca, key, now).orElse("none is valid");
                    chosen = issuer.issue(key, why); // committed on return
                    LOG.info(() -> "SCEP RA certificate issued by " + ca.getSubjectX500Principal() + " (serial "
                            + chosen.getSerialNumber().toString(16) + ", until " + chosen.getNotAfter().toInstant()
                            + ") because " + why);
                }
                List<X509Certificate> accepted = new ArrayList<>();
                accepted.add(chosen);
                valid.stream().filter(c -> !accepted.contains(c)).forEach(accepted::add);
                if (!accepted.contains(own)) {
                    accepted.add(own);
                }
                next = new Held(chosen, infrastructure.get(), List.copyOf(accepted), now);
            }
        } catch (RuntimeException e) {
            if (before != null) {
                LOG.log(Level.WARNING, "The SCEP RA certificate could not be checked; the current one serves and "
                        + "is looked at again in " + CHECK_EVERY, e);
                next = new Held(before.certificate(), before.issuedBy(), before.accepted(), now);
            } else {
                LOG.log(Level.WARNING, "The SCEP RA certificate could not be issued by the infrastructure CA; the "
                        + "one kept in custody serves until it is tried again in " + CHECK_EVERY, e);
                next = new Held(own, null, List.of(own), now);
            }
        }
        held = next;
        return next;
    }

    /** The RSA infrastructure CA, or empty while it waits for the root ceremony. */
    private Optional<LoadedIssuingCa> infrastructureCa() {
        try {
            return Optional.of(issuing.forIssuance(Caller.SERVER_ORG, IssueAuthority.RSA));
        } catch (NoIssuingCaException e) {
            return Optional.empty();
        }
    }
}
