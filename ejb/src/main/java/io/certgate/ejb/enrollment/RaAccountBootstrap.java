package io.certgate.ejb.enrollment;

import io.certgate.domain.access.Caller;
import io.certgate.ejb.access.Bootstrap;
import io.certgate.ejb.access.RaAccounts;
import io.certgate.ejb.common.Checks;
import io.certgate.ejb.common.OwnerOnlyFiles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * First-start RA accounts of the CertManager facade from {@code CERTGATE_BOOTSTRAP_SYMANTEC_ACCOUNTS}
 * ({@code name[:approval][:enddate][:approver],...}) in the organization {@code CERTGATE_BOOTSTRAP_ORG}, each
 * with a client certificate from {@link RaAccountIssuer} written once to {@code <name>.p12} (password in
 * {@code <name>.p12.password}) in the bootstrap directory, owner-only.
 */
@Singleton
@Startup
@DependsOn({"Bootstrap", "CertificateAuthorities"})
public class RaAccountBootstrap {

    private static final Logger LOG = Logger.getLogger(RaAccountBootstrap.class.getName());

    @EJB
    private RaAccounts raAccounts;

    @EJB
    private RaAccountIssuer issuer;

    @jakarta.persistence.PersistenceContext(unitName = "certgate")
    private jakarta.persistence.EntityManager em;

    @PostConstruct
    void bootstrap() {
        io.certgate.ejb.common.FirstStart.lock(em); // instances starting together create each account once
        var config = ConfigProvider.getConfig();
        String org = config.getOptionalValue("certgate.bootstrap.org", String.class).map(String::trim)
                .filter(s -> !s.isEmpty()).orElse(null);
        String accounts = config.getOptionalValue("certgate.bootstrap.symantec.accounts", String.class)
                .map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (org == null || accounts == null) {
            return;
        }
        Caller caller = Bootstrap.caller(Checks.identifier("certgate.bootstrap.org", org));
        Path dir = Bootstrap.directory();
        for (String spec : accounts.split(",")) {
            String[] parts = spec.trim().split(":");
            String name = Checks.identifier("RA account name", parts[0].trim());
            boolean approval = false;
            boolean endDate = false;
            boolean approver = false;
            for (int i = 1; i < parts.length; i++) {
                switch (parts[i].trim().toLowerCase(Locale.ROOT)) {
                    case "approval" -> approval = true;
                    case "enddate" -> endDate = true;
                    case "approver" -> approver = true;
                    default -> throw new IllegalStateException("CERTGATE_BOOTSTRAP_SYMANTEC_ACCOUNTS: unknown option '"
                            + parts[i] + "' for " + name + " (expected approval, enddate or approver)");
                }
            }
            if (raAccounts.byName(name).isPresent()) {
                continue;
            }
            RaAccountIssuer.NewRaAccount created = issuer.create(caller, name, approval, endDate, approver);
            try {
                OwnerOnlyFiles.write(dir.resolve(name + ".p12"), created.p12());
                OwnerOnlyFiles.write(dir.resolve(name + ".p12.password"),
                        created.password().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the client certificate of RA account " + name, e);
            }
            String options = "approval " + approval + ", specific end date " + endDate + ", approver " + approver;
            LOG.info(() -> "Bootstrap: RA account " + name + " of organization " + org + " (" + options
                    + "); its client certificate and key are in " + dir.resolve(name + ".p12"));
        }
    }
}
