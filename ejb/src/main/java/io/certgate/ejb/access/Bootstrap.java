package io.certgate.ejb.access;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.ejb.ca.CertificateAuthorities;
import io.certgate.ejb.ca.ClientCertificates;
import io.certgate.ejb.common.Checks;
import io.certgate.ejb.common.SchemaInstaller;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * First-start credentials from configuration, so a fresh server is usable without manual steps:
 * {@code certgate.bootstrap.org} (CERTGATE_BOOTSTRAP_ORG) names the organization, and
 * {@code certgate.bootstrap.symantec.accounts} (CERTGATE_BOOTSTRAP_SYMANTEC_ACCOUNTS) lists RA accounts as
 * {@code name[:approval][:enddate]}, comma-separated. For each missing account a TLS client certificate is
 * issued by the RSA root and written with its key to {@code <data dir>/bootstrap/<name>.p12}; the PKCS#12
 * password is in {@code <name>.p12.password} beside it (owner-only files). Existing accounts are left alone.
 */
@Singleton
@Startup
@DependsOn({"SchemaInstaller", "CertificateAuthorities"})
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @EJB
    private RaAccounts raAccounts;

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private SchemaInstaller schema; // start order only

    @PostConstruct
    void bootstrap() {
        Config config = ConfigProvider.getConfig();
        String org = config.getOptionalValue("certgate.bootstrap.org", String.class).orElse(null);
        String accounts = config.getOptionalValue("certgate.bootstrap.symantec.accounts", String.class).orElse(null);
        if (org == null || org.isBlank() || accounts == null || accounts.isBlank()) {
            return;
        }
        Checks.identifier("certgate.bootstrap.org", org);
        Path dir = authorities.dataDirectory().resolve("bootstrap");
        for (String spec : accounts.split(",")) {
            String[] parts = spec.trim().split(":");
            String name = Checks.identifier("RA account name", parts[0].trim());
            boolean approval = false;
            boolean endDate = false;
            for (int i = 1; i < parts.length; i++) {
                switch (parts[i].trim().toLowerCase(Locale.ROOT)) {
                    case "approval" -> approval = true;
                    case "enddate" -> endDate = true;
                    default -> throw new IllegalStateException("certgate.bootstrap.symantec.accounts: unknown option '"
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
                    + ", specific end date " + e + "); its client certificate and key are in " + dir.resolve(name + ".p12"));
        }
    }
}
