package io.certgate.ejb.ca.tls;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.ejb.ca.CertificateAuthorities;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps the server's HTTPS certificate one of certgate's own: at start and every {@link #CHECK_EVERY} it reads the
 * keystore Liberty's HTTPS uses ({@code certgate.tls.keystore}) and, when {@link ServerTlsRenewal} says so, makes a
 * fresh RSA-2048 key here, has {@link ServerCertificateIssuer} issue the certificate through the ledger and writes
 * key and chain to that file, which Liberty polls and switches to without a restart. Until then (the very first
 * start) HTTPS serves Liberty's generated self-signed certificate. Each instance keeps its own file; the ledger
 * alone is shared. Off with {@code certgate.tls.issue=false} (an operator's own certificate). A failure leaves the
 * current certificate in place and is tried again at the next check.
 */
@Singleton
@Startup
@DependsOn("CertificateAuthorities")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ServerCertificate {

    private static final Logger LOG = Logger.getLogger(ServerCertificate.class.getName());
    static final Duration CHECK_EVERY = Duration.ofHours(12);

    @Resource
    private TimerService timers;

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private io.certgate.ejb.ca.IssuingAuthorities issuing;

    @EJB
    private ServerCertificateIssuer issuer;

    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig();
        if (!config.getOptionalValue("certgate.tls.issue", Boolean.class).orElse(true)) {
            LOG.info("certgate.tls.issue=false: HTTPS keeps the keystore it is configured with");
            return;
        }
        check();
        timers.createIntervalTimer(CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                new TimerConfig("certgate HTTPS certificate check", false));
    }

    @Timeout
    void timeout(Timer timer) {
        check();
    }

    /** Renews the certificate when it must be; never throws (HTTPS keeps what it has). */
    synchronized void check() {
        try {
            Config config = ConfigProvider.getConfig();
            Optional<String> password = config.getOptionalValue("keystore_password", String.class)
                    .filter(p -> !p.isBlank());
            Optional<String> location = config.getOptionalValue("certgate.tls.keystore", String.class)
                    .filter(p -> !p.isBlank());
            if (password.isEmpty() || location.isEmpty()) {
                LOG.warning("No keystore_password or certgate.tls.keystore: HTTPS keeps Liberty's certificate "
                        + "(set both as server.xml does, or certgate.tls.issue=false)");
                return;
            }
            ServerTlsNames names = ServerTlsNames.of(
                    config.getOptionalValue("certgate.tls.hostnames", String.class).orElse("localhost,127.0.0.1"),
                    authorities.publicBaseUrl());
            Path file = Path.of(location.get());
            char[] pw = password.get().toCharArray();
            // the infrastructure CA: no organization's policy or credential reaches it
            io.certgate.ejb.ca.LoadedIssuingCa infrastructure = issuing.forIssuance(
                    io.certgate.domain.access.Caller.SERVER_ORG, IssueAuthority.RSA);
            X509Certificate current = ServerKeyStoreFile.current(file, pw);
            Optional<String> reason = ServerTlsRenewal.reason(current, infrastructure.certificate(), names,
                    Instant.now());
            if (reason.isEmpty() && issuer.revoked(current)) {
                reason = Optional.of("it is revoked");
            }
            if (reason.isEmpty()) {
                LOG.info(() -> "HTTPS certificate for " + names + " serves until " + current.getNotAfter().toInstant());
                return;
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair key = g.generateKeyPair();
            IssuedCertificate issued = issuer.issue(key.getPublic(), names, reason.get()); // committed on return
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(issued.getCertPem().getBytes(StandardCharsets.US_ASCII)));
            ServerKeyStoreFile.write(file, pw, key.getPrivate(), leaf, issuing.chainOf(infrastructure));
            if (current != null) {
                issuer.supersede(current); // after the new one is on disk: Liberty switches within seconds
            }
            String why = reason.get();
            LOG.info(() -> "HTTPS certificate issued for " + names + " (certSn " + issued.getCertSn() + ", serial "
                    + issued.getSerialNumber() + ", until " + issued.getNotAfter() + ") because " + why
                    + "; written to " + file + ", which HTTPS picks up within seconds");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The HTTPS certificate could not be checked or renewed; HTTPS keeps its current "
                    + "certificate and the check runs again in " + CHECK_EVERY, e);
        }
    }
}
