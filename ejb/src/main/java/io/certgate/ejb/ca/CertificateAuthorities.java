package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.StoredKeyStore;
import io.certgate.ejb.ca.custody.KeyCustody;
import io.certgate.ejb.ca.custody.Pkcs11Custody;
import io.certgate.ejb.ca.custody.Pkcs11Settings;
import io.certgate.ejb.ca.custody.Pkcs12Custody;
import io.certgate.ejb.common.FirstStart;
import io.certgate.ejb.common.ServerFiles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.bouncycastle.operator.ContentSigner;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The two roots of this server behind their key custody ({@code certgate.ca.custody}: {@code pkcs12}, the
 * default, a keystore kept in the database; or {@code pkcs11}, a token such as an HSM), opened when the
 * application starts, and the public URLs certificates point at. It hands out certificates and signers, never
 * a private key. Read-only after start-up, so no container locking is needed.
 */
@Singleton
@Startup
@DependsOn("SchemaInstaller")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CertificateAuthorities {

    private static final Logger LOG = Logger.getLogger(CertificateAuthorities.class.getName());

    private volatile KeyCustody custody;
    private volatile Map<IssueAuthority, String> pems;
    private volatile String publicBaseUrl;
    private volatile String custodyKind;
    private volatile Path trustStore;
    private volatile Map<String, X509Certificate> rootsTrusted;

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @PostConstruct
    void start() {
        FirstStart.lock(em); // instances starting together: one generates the roots, the others load them
        Config config = ConfigProvider.getConfig();
        String base = config.getOptionalValue("certgate.public.base.url", String.class).orElse("http://localhost:9080");
        publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String kind = config.getOptionalValue("certgate.ca.custody", String.class).orElse("pkcs12").trim()
                .toLowerCase(Locale.ROOT);
        custodyKind = kind;
        custody = switch (kind) {
            case "pkcs12" -> openPkcs12();
            case "pkcs11" -> Pkcs11Custody.open(pkcs11Settings(config), Instant.now());
            default -> throw new IllegalStateException("certgate.ca.custody must be pkcs12 or pkcs11, not " + kind);
        };
        Map<IssueAuthority, String> p = new EnumMap<>(IssueAuthority.class);
        Map<String, X509Certificate> trusted = new LinkedHashMap<>();
        for (IssueAuthority a : IssueAuthority.values()) {
            X509Certificate cert = custody.certificate(a);
            try {
                p.put(a, Pem.certificate(cert.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
            trusted.put(a.name().toLowerCase(Locale.ROOT) + "-root", cert);
        }
        pems = p;
        trustStore = Path.of(config.getOptionalValue("certgate.trust.store", String.class)
                .orElse(ServerFiles.dataDirectory().resolve("ca").resolve("client-trust.p12").toString()));
        rootsTrusted = Map.copyOf(trusted);
        ClientTrustStore.writeRoots(trusted, trustStore); // the issuing CAs follow when IssuingAuthorities loads them
        LOG.info(() -> "CA keys: " + custody.description() + "; signatures: " + CryptoProviders.describe());
    }

    /** Today's keystore row, or the file of an earlier version, or a new keystore; saved when roots were added. */
    private KeyCustody openPkcs12() {
        char[] password = ServerFiles.keystorePassword();
        StoredKeyStore row = em.find(StoredKeyStore.class, StoredKeyStore.CA);
        byte[] existing = row != null ? Base64.getDecoder().decode(row.getP12Base64()) : legacyKeystoreFile();
        Pkcs12Custody.Opened opened = Pkcs12Custody.open(existing, password, Instant.now(), offlineRoots());
        if (opened.changedKeystore() != null || row == null) {
            byte[] bytes = opened.changedKeystore() != null ? opened.changedKeystore() : existing;
            String b64 = Base64.getEncoder().encodeToString(bytes);
            if (row == null) {
                em.persist(new StoredKeyStore(StoredKeyStore.CA, b64, Instant.now()));
            } else {
                row.replace(b64, Instant.now());
            }
            em.flush();
        }
        return opened.custody();
    }

    /**
     * The roots whose keys stay with the root ceremony ({@code certgate.ca.root.certificates}: a PEM file with one RSA
     * and/or one ECC root certificate), used when the keystore has no such root yet.
     */
    private static Map<IssueAuthority, X509Certificate> offlineRoots() {
        java.util.Optional<String> file = ConfigProvider.getConfig()
                .getOptionalValue("certgate.ca.root.certificates", String.class).filter(f -> !f.isBlank());
        if (file.isEmpty()) {
            return Map.of();
        }
        Map<IssueAuthority, X509Certificate> roots = new EnumMap<>(IssueAuthority.class);
        try (java.io.InputStream in = Files.newInputStream(Path.of(file.get()))) {
            for (java.security.cert.Certificate c : java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificates(in)) {
                X509Certificate x = (X509Certificate) c;
                IssueAuthority a = RootCertificates.authorityOf(x.getPublicKey()).orElseThrow(() ->
                        new IllegalStateException(file.get() + ": " + x.getSubjectX500Principal()
                                + " has neither an RSA-2048 nor a P-256 key"));
                if (x.getBasicConstraints() < 0 || !x.getSubjectX500Principal().equals(x.getIssuerX500Principal())) {
                    throw new IllegalStateException(file.get() + ": " + x.getSubjectX500Principal()
                            + " is not a self-signed CA certificate");
                }
                roots.put(a, x);
            }
        } catch (java.io.IOException | java.security.cert.CertificateException e) {
            throw new IllegalStateException("cannot read certgate.ca.root.certificates " + file.get(), e);
        }
        return roots;
    }

    /** The token of {@code certgate.ca.custody=pkcs11}: library, slot or slotListIndex, PIN, label prefix. */
    private static Pkcs11Settings pkcs11Settings(Config config) {
        String library = config.getOptionalValue("certgate.ca.pkcs11.library", String.class).orElseThrow(() ->
                new IllegalStateException("certgate.ca.custody=pkcs11 needs certgate.ca.pkcs11.library"));
        String pin = config.getOptionalValue("certgate.ca.pkcs11.pin", String.class).orElseThrow(() ->
                new IllegalStateException("certgate.ca.custody=pkcs11 needs certgate.ca.pkcs11.pin"));
        return new Pkcs11Settings(Pkcs11Settings.DEFAULT_NAME, Path.of(library),
                config.getOptionalValue("certgate.ca.pkcs11.slot", Long.class).orElse(null),
                config.getOptionalValue("certgate.ca.pkcs11.slotListIndex", Integer.class).orElse(null),
                pin.toCharArray(), config.getOptionalValue("certgate.ca.pkcs11.labelPrefix", String.class).orElse(null));
    }

    /** A keystore file of an earlier version ({@code ca/ca-keys.p12}), imported once into the database. */
    private static byte[] legacyKeystoreFile() {
        Path file = ServerFiles.dataDirectory().resolve("ca").resolve("ca-keys.p12");
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : null;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    public X509Certificate certificate(IssueAuthority authority) {
        return custody.certificate(authority);
    }

    /** A fresh signer with the root's key (one per certificate, CRL or OCSP response); the root must be online. */
    public ContentSigner signer(IssueAuthority authority) {
        requireRootKey(authority);
        return custody.signer(authority);
    }

    private void requireRootKey(IssueAuthority authority) {
        if (!custody.hasRootKey(authority)) {
            throw new IllegalStateException("the " + authority + " root is offline: the root ceremony signs for it");
        }
    }

    /**
     * The client trust store of TLS client certificates: the roots and the issuing CAs that are not revoked, so that
     * a client presenting only its certificate (curl, openssl) is verified too; Liberty polls the file.
     */
    public void trustIssuingCas(List<LoadedIssuingCa> issuingCas, java.util.Collection<X509Certificate> laterRoots) {
        Map<String, X509Certificate> trusted = new LinkedHashMap<>(rootsTrusted);
        int n = 0;
        for (X509Certificate root : laterRoots) {
            trusted.put("root-" + (++n), root);
        }
        for (LoadedIssuingCa ca : issuingCas) {
            if (ca.certificate() != null && !ca.revoked()) {
                trusted.put("issuing-ca-" + ca.id(), ca.certificate());
            }
        }
        ClientTrustStore.write(trusted, trustStore);
    }

    /** Whether the root's private key is on this server (false: an offline root; the ceremony signs for it). */
    public boolean hasRootKey(IssueAuthority authority) {
        return custody.hasRootKey(authority);
    }

    /** A new issuing CA key in the roots' custody: its public key and custody's handle. */
    public KeyCustody.NewCaKey newCaKey(IssueAuthority authority, String label) {
        return custody.newCaKey(authority, label);
    }

    /** A fresh signer with an issuing CA's key. */
    public ContentSigner caSigner(String keyRef, IssueAuthority authority, String algorithm) {
        return custody.caSigner(keyRef, authority, algorithm);
    }

    /** A fresh signer with an issuing CA's key and the requested scheme (hash, RSASSA-PSS). */
    public ContentSigner caSigner(LoadedIssuingCa ca, SignatureScheme scheme) {
        return custody.caSigner(ca.keyRef(), ca.authority(), scheme.algorithmFor(ca.authority()));
    }

    /** What an issuing CA certificate points at: its root's CRL and certificate, and OCSP. */
    public IssuingCaCertificates.RootUrls rootUrls(IssueAuthority authority) {
        return rootUrls(io.certgate.domain.ca.RootId.first(authority));
    }

    /** The same for a root generation. */
    public IssuingCaCertificates.RootUrls rootUrls(io.certgate.domain.ca.RootId root) {
        return IssuingCaCertificates.RootUrls.under(publicBaseUrl, root);
    }

    /** An issuing CA's certificate, DER (what AIA caIssuers of its leaves points at). */
    public String issuingCaCertificateUrl(long id) {
        return publicBaseUrl + "/enos/CA/ca/" + id + "/cert";
    }

    /** An issuing CA's certificate and its root, PEM: the chain above its leaves. */
    public String issuingCaChainUrl(long id) {
        return publicBaseUrl + "/enos/CA/ca/" + id + "/chain";
    }

    /** An issuing CA's CRL (its leaves' revocations). */
    public String issuingCaCrlUrl(long id) {
        return publicBaseUrl + "/enos/CA/ca/" + id + "/crl";
    }

    /** The profile of a leaf an issuing CA signs, pointing at that CA's CRL and certificate and at OCSP. */
    public CertificateProfile leafProfile(LoadedIssuingCa ca, CertificateProfile.Usage usage, List<String> dnsNames,
                                          List<String> emails, List<String> ipAddresses) {
        return new CertificateProfile(usage, dnsNames, issuingCaCrlUrl(ca.id()), ocspUrl(),
                issuingCaCertificateUrl(ca.id()), emails, ipAddresses);
    }

    /**
     * The certificate custody keeps with the SCEP RA key (self-signed; a root-signed one on servers set up before
     * issue 16): its public key is the RA's. SCEP serves {@link ScepRaCertificate}'s, this one only while the
     * infrastructure CA is pending.
     */
    public X509Certificate scepRaCustodyCertificate() {
        return custody.scepRaCertificate();
    }

    public ContentSigner scepRaSigner() {
        return custody.scepRaSigner();
    }

    /** Opens what SCEP clients encrypt to the RA certificate; the key stays in custody. */
    public org.bouncycastle.cms.Recipient scepRaDecryptor() {
        return custody.scepRaDecryptor();
    }

    public String custodyDescription() {
        return custody.description();
    }

    /** Which key custody holds the keys: {@code pkcs12} (a keystore in the database) or {@code pkcs11} (a token, HSM). */
    public String custodyKind() {
        return custodyKind;
    }

    public boolean isOpen() {
        return custody != null;
    }

    public String certificatePem(IssueAuthority authority) {
        return pems.get(authority);
    }

    public Instant caNotAfter(IssueAuthority authority) {
        return custody.certificate(authority).getNotAfter().toInstant();
    }

    public String caCertificateUrl(IssueAuthority authority) {
        return rootUrls(authority).caIssuersUrl();
    }

    /** Where both roots are published in one PEM. */
    public String caCertificatesUrl() {
        return publicBaseUrl + "/enos/CA/cacert";
    }

    public String crlUrl(IssueAuthority authority) {
        return rootUrls(authority).crlUrl();
    }

    public String ocspUrl() {
        return rootUrls(IssueAuthority.RSA).ocspUrl();
    }

    /** The public base URL ({@code certgate.public.base.url}) without a trailing slash. */
    public String publicBaseUrl() {
        return publicBaseUrl;
    }
}
