package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import jakarta.annotation.PostConstruct;
import io.certgate.domain.ca.StoredKeyStore;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.DependsOn;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Base64;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The two roots of this server, loaded from the database's keystore (or generated on first start) when the
 * application starts, and the public URLs certificates point at. Read-only after start-up, so no container
 * locking is needed.
 */
@Singleton
@Startup
@DependsOn("SchemaInstaller")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CertificateAuthorities {

    private volatile Map<IssueAuthority, SigningAuthority> roots;
    private volatile String publicBaseUrl;
    private volatile Path dataDir;
    private volatile javax.crypto.SecretKey secretsKey;

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig();
        dataDir = Path.of(config.getOptionalValue("certgate.data.dir", String.class).orElse("certgate-data"));
        String password = config.getOptionalValue("certgate.ca.keystore.password", String.class).orElse(null);
        String base = config.getOptionalValue("certgate.public.base.url", String.class).orElse("http://localhost:9080");
        publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        CaKeyStore store = new CaKeyStore(dataDir.resolve("ca"));
        char[] pw = store.password(password);
        StoredKeyStore row = em.find(StoredKeyStore.class, StoredKeyStore.CA);
        byte[] existing = row != null ? Base64.getDecoder().decode(row.getP12Base64()) : store.legacyKeystoreFile();
        CaKeyStore.Opened opened = CaKeyStore.open(existing, pw, Instant.now());
        if (opened.changedKeystore() != null || row == null) {
            byte[] bytes = opened.changedKeystore() != null ? opened.changedKeystore() : existing;
            String b64 = Base64.getEncoder().encodeToString(bytes);
            if (row == null) {
                em.persist(new StoredKeyStore(StoredKeyStore.CA, b64, Instant.now()));
            } else {
                row.replace(b64, Instant.now());
            }
            em.flush(); // a second instance starting at the same moment fails here and loads ours on restart
        }
        roots = opened.keys().roots();
        secretsKey = opened.keys().secretsKey();
        Path trustStore = Path.of(config.getOptionalValue("certgate.trust.store", String.class)
                .orElse(dataDir.resolve("ca").resolve("client-trust.p12").toString()));
        store.writeTrustStore(roots, trustStore);
    }

    /** The AES key that encrypts secrets the server must read back (kept in the CA keystore). */
    public javax.crypto.SecretKey secretsKey() {
        return secretsKey;
    }

    /** Where the database (Derby) and the CA files live. */
    public Path dataDirectory() {
        return dataDir;
    }

    public SigningAuthority authority(IssueAuthority authority) {
        return roots.get(authority);
    }

    public String certificatePem(IssueAuthority authority) {
        return roots.get(authority).certificatePem();
    }

    public Instant rootNotAfter(IssueAuthority authority) {
        return roots.get(authority).certificate().getNotAfter().toInstant();
    }

    public String caCertificateUrl(IssueAuthority authority) {
        return publicBaseUrl + "/enos/CA/cacert/" + authority.name();
    }

    public String crlUrl(IssueAuthority authority) {
        return publicBaseUrl + "/enos/CA/crl/" + authority.name();
    }

    public String ocspUrl() {
        return publicBaseUrl + "/enos/CA/ocsp";
    }

    public CertificateProfile deviceProfile(IssueAuthority authority) {
        return new CertificateProfile(CertificateProfile.Usage.DEVICE, null, crlUrl(authority), ocspUrl(),
                caCertificateUrl(authority));
    }
}
