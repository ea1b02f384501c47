package io.certgate.ejb.access;

import io.certgate.domain.access.Caller;
import io.certgate.domain.access.CredentialKind;
import io.certgate.ejb.common.Checks;
import io.certgate.ejb.common.OwnerOnlyFiles;
import io.certgate.ejb.common.RandomIds;
import io.certgate.ejb.common.SchemaInstaller;
import io.certgate.ejb.common.ServerFiles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * First-start credentials from configuration (MicroProfile Config, so environment variables work), so that a
 * fresh server is usable without manual steps. Existing credentials are never changed; secrets are never
 * logged. Generated secrets are written once to owner-only files in {@code <data dir>/bootstrap/}.
 * <ul>
 * <li>{@code CERTGATE_BOOTSTRAP_ADMIN_USER} (default admin) / {@code _ADMIN_PASSWORD} (generated into
 * admin-password.txt when absent): the first operator, created when no such user exists.</li>
 * <li>{@code CERTGATE_BOOTSTRAP_ORG}: the organization of the following credentials (none without it).</li>
 * <li>{@code CERTGATE_BOOTSTRAP_ENOS_APP_KEY} / {@code _ENOS_APP_SECRET}: an EnOS service account (generated into
 * enos-service-account.properties when absent).</li>
 * <li>{@code CERTGATE_BOOTSTRAP_DIGICERT_KEY}: a DigiCert X-DC-DEVKEY (generated into digicert-key.txt when absent).</li>
 * </ul>
 * RA accounts of the CertManager facade ({@code CERTGATE_BOOTSTRAP_SYMANTEC_ACCOUNTS}) are enrollment's: see
 * {@code RaAccountBootstrap}.
 */
@Singleton
@Startup
@DependsOn({"SchemaInstaller", "Secrets"})
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());
    static final String ACTOR = "bootstrap";

    @EJB
    private ApiCredentials credentials;

    @EJB
    private AdminUsers admins;

    @EJB
    private SchemaInstaller schema; // start order only

    @jakarta.persistence.PersistenceContext(unitName = "certgate")
    private jakarta.persistence.EntityManager em;

    @PostConstruct
    void bootstrap() {
        io.certgate.ejb.common.FirstStart.lock(em); // instances starting together create each credential once
        Config config = ConfigProvider.getConfig();
        Path dir = directory();
        admin(config, dir);
        String org = value(config, "certgate.bootstrap.org").orElse(null);
        if (org == null) {
            return;
        }
        Checks.identifier("certgate.bootstrap.org", org);
        enos(config, caller(org), dir);
        digiCert(config, caller(org), dir);
    }

    /** Where first-start secrets are written (owner-only files). */
    public static Path directory() {
        return ServerFiles.dataDirectory().resolve("bootstrap");
    }

    /** The bootstrap acting for an organization, as credentials and the audit trail name it. */
    public static Caller caller(String orgId) {
        if (io.certgate.domain.access.AuditRecord.OPERATORS_ORG.equals(orgId)) {
            throw new IllegalStateException("CERTGATE_BOOTSTRAP_ORG: " + orgId + " is reserved for the audit trail of "
                    + "operator changes");
        }
        if (Caller.SERVER_ORG.equals(orgId)) {
            throw new IllegalStateException("CERTGATE_BOOTSTRAP_ORG: " + orgId + " is reserved for the server's own "
                    + "certificates");
        }
        return Caller.of(orgId, ACTOR, "startup");
    }

    private void admin(Config config, Path dir) {
        String user = value(config, "certgate.bootstrap.admin.user").orElse("admin");
        if (admins.exists(user)) {
            return;
        }
        Optional<String> configured = value(config, "certgate.bootstrap.admin.password");
        String password = configured.orElseGet(() -> RandomIds.base64Url(18));
        admins.createFirstAdmin(new Caller(null, ACTOR, "startup"), user, password.toCharArray());
        if (configured.isEmpty()) {
            write(dir.resolve("admin-password.txt"), password);
        }
        LOG.info(() -> "Bootstrap: admin user " + user + " created" + (configured.isEmpty()
                ? "; its generated password is in " + dir.resolve("admin-password.txt") : ""));
    }

    private void enos(Config config, Caller caller, Path dir) {
        String org = caller.orgId();
        Optional<String> key = value(config, "certgate.bootstrap.enos.app.key");
        Optional<String> secret = value(config, "certgate.bootstrap.enos.app.secret");
        if (key.isPresent() != secret.isPresent()) {
            throw new IllegalStateException("CERTGATE_BOOTSTRAP_ENOS_APP_KEY and _APP_SECRET go together");
        }
        if (key.isPresent()) {
            if (!credentials.hasCredential(CredentialKind.ENOS_APP, key.get())) {
                credentials.createEnosServiceAccount(caller, key.get(), secret.get());
                LOG.info(() -> "Bootstrap: EnOS service account " + key.get() + " of organization " + org);
            }
            return;
        }
        Path file = dir.resolve("enos-service-account.properties");
        // once per organization, whichever instance starts first (the file is written by that instance)
        if (!credentials.hasCredentialBy(CredentialKind.ENOS_APP, org, ACTOR)) {
            ApiCredentials.ServiceAccount a = credentials.createEnosServiceAccount(caller);
            write(file, "orgId=" + org + "\nappKey=" + a.appKey() + "\nappSecret=" + a.appSecret() + "\n");
            LOG.info(() -> "Bootstrap: EnOS service account " + a.appKey() + " of organization " + org
                    + "; its secret is in " + file);
        }
    }

    private void digiCert(Config config, Caller caller, Path dir) {
        String org = caller.orgId();
        Optional<String> key = value(config, "certgate.bootstrap.digicert.key");
        if (key.isPresent()) {
            if (!credentials.hasCredential(CredentialKind.DIGICERT_KEY, ApiCredentials.digiCertKeyId(key.get()))) {
                credentials.createDigiCertKey(caller, key.get());
                LOG.info(() -> "Bootstrap: DigiCert key " + ApiCredentials.digiCertKeyId(key.get()) + "... of " + org);
            }
            return;
        }
        Path file = dir.resolve("digicert-key.txt");
        if (!credentials.hasCredentialBy(CredentialKind.DIGICERT_KEY, org, ACTOR)) {
            String k = credentials.createDigiCertKey(caller);
            write(file, k);
            LOG.info(() -> "Bootstrap: DigiCert key " + ApiCredentials.digiCertKeyId(k) + "... of " + org
                    + "; the key is in " + file);
        }
    }

    static Optional<String> value(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    static void write(Path file, String content) {
        try {
            OwnerOnlyFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }
}
