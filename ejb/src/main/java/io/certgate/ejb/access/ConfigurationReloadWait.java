package io.certgate.ejb.access;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The last start-up bean of the EJB module (it depends on every other one), so the web module starts after it: when
 * this start wrote the Admin Center's registry file, it waits until Liberty's configuration reload is over
 * ({@link AdminCenterOperators#awaitConfigurationReload}). The other start-up work ran meanwhile.
 */
@Singleton
@Startup
@DependsOn({"AdminCenterOperators", "Bootstrap", "RaAccountBootstrap", "ServerCertificate", "CaGauges", "ExpiryCheck"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConfigurationReloadWait {

    @EJB
    private AdminCenterOperators adminCenter;

    @PostConstruct
    void atStart() {
        adminCenter.awaitConfigurationReload();
    }
}
