package io.certgate.ejb.access;

import io.certgate.domain.access.CredentialKind;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.ejb.ca.CertificateAuthorities;
import io.certgate.ejb.ca.ClientCertificates;
import io.certgate.ejb.common.Checks;
import io.certgate.ejb.common.OwnerOnlyFiles;
import io.certgate.ejb.common.RandomIds;
import io.certgate.ejb.common.SchemaInstaller;
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
 * <li>{@code CERTGATE_BOOTSTRAP_SYMANTEC_ACCOUNTS}: RA accounts {@code name[:approval][:enddate],...}, each with a
 * TLS client certificate issued by the RSA root into {@code <name>.p12} (password in {@code <name>.p12.password}).</li>
 * </ul>
 */
@Singleton
@Startup
@DependsOn({"SchemaInstaller", "CertificateAuthorities", "Secrets"})
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());
    static final String ACTOR = "bootstrap";

    @EJB
    private RaAccounts raAccounts;

    @EJB
    private ApiCredentials credentials;

    @EJB
    private AdminUsers admins;

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private SchemaInstaller schema; // start order only

    @PostConstruct
    void bootstrap() {
        Config config = ConfigProvider.getConfig();
        Path dir = authorities.dataDirectory().resolve("bootstrap");
        admin(config, dir);
        String org = value(config, "certgate.bootstrap.org").orElse(null);
        if (org == null) {
            return;
        }
        Checks.identifier("certgate.bootstrap.org", org);
        enos(config, org, dir);
        digiCert(config, org, dir);
        value(config, "certgate.bootstrap.symantec.accounts").ifPresent(list -> raAccounts(list, org, dir));
    }

    private void admin(Config config, Path dir) {
        String user = value(config, "certgate.bootstrap.admin.user").orElse("admin");
        if (admins.exists(user)) {
            return;
        }
        Optional<String> configured = value(config, "certgate.bootstrap.admin.password");
        String password = configured.orElseGet(() -> RandomIds.base64Url(18));
        admins.create(user, password.toCharArray());
        if (configured.isEmpty()) {
            write(dir.resolve("admin-password.txt"), password);
        }
        LOG.info(() -> "Bootstrap: admin user " + user + " created" + (configured.isEmpty()
                ? "; its generated password is in " + dir.resolve("admin-password.txt") : ""));
    }

    private void enos(Config config, String org, Path dir) {
        Optional<String> key = value(config, "certgate.bootstrap.enos.app.key");
        Optional<String> secret = value(config, "certgate.bootstrap.enos.app.secret");
        if (key.isPresent() != secret.isPresent()) {
            throw new IllegalStateException("CERTGATE_BOOTSTRAP_ENOS_APP_KEY and _APP_SECRET go together");
        }
        if (key.isPresent()) {
            if (!credentials.hasCredential(CredentialKind.ENOS_APP, key.get())) {
                credentials.createEnosServiceAccount(org, key.get(), secret.get(), ACTOR);
                LOG.info(() -> "Bootstrap: EnOS service account " + key.get() + " of organization " + org);
            }
            return;
        }
        Path file = dir.resolve("enos-service-account.properties");
        // once per organization, whichever instance starts first (the file is written by that instance)
        if (!credentials.hasCredentialBy(CredentialKind.ENOS_APP, org, ACTOR)) {
            ApiCredentials.ServiceAccount a = credentials.createEnosServiceAccount(org, ACTOR);
            write(file, "orgId=" + org + "\nappKey=" + a.appKey() + "\nappSecret=" + a.appSecret() + "\n");
            LOG.info(() -> "Bootstrap: EnOS service account " + a.appKey() + " of organization " + org
                    + "; its secret is in " + file);
        }
    }

    private void digiCert(Config config, String org, Path dir) {
        Optional<String> key = value(config, "certgate.bootstrap.digicert.key");
        if (key.isPresent()) {
            if (!credentials.hasCredential(CredentialKind.DIGICERT_KEY, ApiCredentials.digiCertKeyId(key.get()))) {
                credentials.createDigiCertKey(org, key.get(), ACTOR);
                LOG.info(() -> "Bootstrap: DigiCert key " + ApiCredentials.digiCertKeyId(key.get()) + "... of " + org);
            }
            return;
        }
        Path file = dir.resolve("digicert-key.txt");
        if (!credentials.hasCredentialBy(CredentialKind.DIGICERT_KEY, org, ACTOR)) {
            String k = credentials.createDigiCertKey(org, ACTOR);
            write(file, k);
            LOG.info(() -> "Bootstrap: DigiCert key " + ApiCredentials.digiCertKeyId(k) + "... of " + org
                    + "; the key is in " + file);
        }
    }

    private void raAccounts(String accounts, String org, Path dir) {
        for (String spec : accounts.split(",")) {
            String[] parts = spec.trim().split(":");
            String name = Checks.identifier("RA account name", parts[0].trim());
            boolean approval = false;
            boolean endDate = false;
            for (int i = 1; i < parts.length; i++) {
                switch (parts[i].trim().toLowerCase(Locale.ROOT)) {
                    case "approval" -> approval = true;
                    case "enddate" -> endDate = true;
                    default -> throw new IllegalStateException("CERTGATE_BOOTSTRAP_SYMANTEC_ACCOUNTS: unknown option '"
                            + parts[i] + "' for " + name + " (expected approval or enddate)");
                }
            }
            if (raAccounts.byName(name).isPresent()) {
                continue;
            }
            var issued = ClientCertificates.issueToFile(authorities.authority(IssueAuthority.RSA), "CN=" + name
                    + ",OU=RA,O=" + org, dir, name);
            raAccounts.create(org, name, approval, endDate, issued);
            boolean a = approval;
            boolean e = endDate;
            LOG.info(() -> "Bootstrap: RA account " + name + " of organization " + org + " (approval " + a
                    + ", specific end date " + e + "); its client certificate and key are in "
                    + dir.resolve(name + ".p12"));
        }
    }

    private static Optional<String> value(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static void write(Path file, String content) {
        try {
            OwnerOnlyFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }
}
