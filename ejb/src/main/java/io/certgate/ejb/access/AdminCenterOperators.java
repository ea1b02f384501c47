package io.certgate.ejb.access;

import io.certgate.domain.access.AdminUser;
import io.certgate.ejb.common.OwnerOnlyFiles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps Liberty's Admin Center open to exactly the enabled admins: writes {@link AdminCenterRegistry}'s
 * configuration into the file that {@code certgate.admin.center.registry} names (server.xml points it into
 * configDropins/overrides, which Liberty watches and reloads). From the database, at start, after every committed
 * operator change, and every 30 seconds, because another instance sharing the database may have changed operators:
 * a disabled or demoted admin leaves the file. The file is owner-only (it holds password hashes) and written only
 * when its content changes, so Liberty reloads its configuration only then.
 */
@Singleton
@Startup
// after the schema, not after Bootstrap: Bootstrap's first admin fires OperatorsChanged at this bean while it starts
@DependsOn("SchemaInstaller")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdminCenterOperators {

    private static final Logger LOG = Logger.getLogger(AdminCenterOperators.class.getName());
    static final String LOCATION = "certgate.admin.center.registry";
    /** Liberty notices a changed drop-in within 0.5 s and reloaded it in 0.5-1.4 s here (CI logs). */
    private static final long START_WRITE_PAUSE_MILLIS = 4_000;

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @PostConstruct
    void atStart() {
        file().ifPresentOrElse(f -> LOG.info(() -> "Admin Center operators: the enabled admins, kept in " + f),
                () -> LOG.info(() -> LOCATION + " is not set: no operator can sign in to Liberty's Admin Center"));
        if (sync()) {
            awaitConfigurationReload();
        }
    }

    /**
     * A write makes Liberty reload its configuration, security included, about a second later. Were the application
     * to go on starting meanwhile, its web module's start would ask the security service in that second and log
     * CWWKS0005E ("No available UserRegistry service", LogHygieneIT). So a start that wrote the file (a new server,
     * or operators changed while it was down) waits a few seconds here, before the web module starts.
     */
    private static void awaitConfigurationReload() {
        try {
            Thread.sleep(START_WRITE_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    public void periodically() {
        sync();
    }

    /** After the transaction that changed an operator has committed (a rolled-back change leaves no trace). */
    public void operatorsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OperatorsChanged change) {
        sync();
    }

    /** Writes the admins of the database into the file, when that changes it; true when it wrote. */
    public boolean sync() {
        Optional<Path> file = file();
        if (file.isEmpty()) {
            return false;
        }
        byte[] content = AdminCenterRegistry.render(em.createNamedQuery(AdminUser.ALL, AdminUser.class)
                .getResultList()).getBytes(StandardCharsets.UTF_8);
        try {
            Path f = file.get();
            if (Files.exists(f) && Arrays.equals(Files.readAllBytes(f), content)) {
                return false;
            }
            OwnerOnlyFiles.write(f, content);
            LOG.info(() -> "Admin Center operators: " + f + " rewritten");
            return true;
        } catch (IOException e) {
            // the next run tries again; until then Liberty keeps the previous file
            LOG.warning(() -> "cannot write the Admin Center operators to " + file.get() + ": " + e);
            return false;
        }
    }

    private static Optional<Path> file() {
        return ConfigProvider.getConfig().getOptionalValue(LOCATION, String.class).map(String::trim)
                .filter(s -> !s.isEmpty()).map(Path::of);
    }
}
