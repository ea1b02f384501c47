package io.certgate.ejb.ca.custody;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.ejb.ca.CryptoProviders;
import io.certgate.ejb.ca.RootCertificates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Key custody in one password-protected PKCS#12 keystore that the caller keeps (in the database, so that every
 * instance shares it). Opening it adds a root that is missing. The private keys stay in this object.
 */
public final class Pkcs12Custody implements KeyCustody {

    private static final Logger LOG = Logger.getLogger(Pkcs12Custody.class.getName());

    private record Root(X509Certificate certificate, PrivateKey key) {
    }

    /** The opened custody, and the keystore bytes to save when roots were added (null when unchanged). */
    public record Opened(Pkcs12Custody custody, byte[] changedKeystore) {
    }

    static final String SCEP_RA_ALIAS = "scep-ra";

    /** The prefix of the handles of issuing CA keys this custody made: a PKCS#12 in base64 follows. */
    static final String KEY_REF_PREFIX = "p12:";
    private static final String CA_KEY_ALIAS = "ca-key";

    private final Map<IssueAuthority, Root> roots;
    private final Root scepRa;
    private final char[] password;
    /** Issuing CA keys opened so far, by handle (a handle never changes its key). */
    private final Map<String, PrivateKey> caKeys = new java.util.concurrent.ConcurrentHashMap<>();

    private Pkcs12Custody(Map<IssueAuthority, Root> roots, Root scepRa, char[] password) {
        this.roots = roots;
        this.scepRa = scepRa;
        this.password = password.clone();
    }

    /** Opens the keystore ({@code null}: there is none yet), generating the roots that are missing. */
    public static Opened open(byte[] keystore, char[] password, Instant now) {
        return open(keystore, password, now, Map.of());
    }

    /**
     * The same, where a missing root that {@code offlineRoots} names is kept as that certificate alone: its key stays
     * with the root ceremony (an offline root). A root already in the keystore stays as it is.
     */
    public static Opened open(byte[] keystore, char[] password, Instant now,
                              Map<IssueAuthority, X509Certificate> offlineRoots) {
        return open(keystore, password, now, offlineRoots, 1);
    }

    /**
     * The same, where roots generated now are named as that root generation ({@code certgate RSA Root CA G2}): the
     * root ceremony's rollover, in a keystore of its own.
     */
    public static Opened open(byte[] keystore, char[] password, Instant now,
                              Map<IssueAuthority, X509Certificate> offlineRoots, int rootGeneration) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(keystore == null ? null : new ByteArrayInputStream(keystore), password);
            Map<IssueAuthority, Root> roots = new EnumMap<>(IssueAuthority.class);
            boolean changed = false;
            for (IssueAuthority a : IssueAuthority.values()) {
                String alias = alias(a);
                if (ks.isKeyEntry(alias)) {
                    roots.put(a, new Root((X509Certificate) ks.getCertificate(alias),
                            CryptoProviders.signingKey((PrivateKey) ks.getKey(alias, password))));
                    continue;
                }
                if (ks.isCertificateEntry(alias)) { // an offline root: its certificate only
                    roots.put(a, new Root((X509Certificate) ks.getCertificate(alias), null));
                    continue;
                }
                if (offlineRoots.containsKey(a)) {
                    X509Certificate offline = offlineRoots.get(a);
                    ks.setCertificateEntry(alias, offline);
                    roots.put(a, new Root(offline, null));
                    changed = true;
                    LOG.info(() -> "Imported the offline " + a + " root " + offline.getSubjectX500Principal()
                            + " (its key stays with the root ceremony)");
                    continue;
                }
                KeyPair kp = generate(a);
                X509Certificate cert = RootCertificates.selfSigned(rootName(a, rootGeneration), now, kp.getPublic(),
                        signer(a, kp.getPrivate()));
                ks.setKeyEntry(alias, kp.getPrivate(), password, new Certificate[] {cert});
                roots.put(a, new Root(cert, CryptoProviders.signingKey(kp.getPrivate())));
                changed = true;
                LOG.info(() -> "Generated the " + a + " root CA " + cert.getSubjectX500Principal() + ", serial "
                        + cert.getSerialNumber().toString(16) + ", valid until " + cert.getNotAfter().toInstant());
            }
            Root scepRa;
            if (ks.containsAlias(SCEP_RA_ALIAS)) {
                scepRa = new Root((X509Certificate) ks.getCertificate(SCEP_RA_ALIAS),
                        (PrivateKey) ks.getKey(SCEP_RA_ALIAS, password));
            } else {
                KeyPair kp = generate(IssueAuthority.RSA);
                // self-signed beside the key: the RA certificate clients see is the infrastructure CA's (ScepRaCertificate)
                X509Certificate cert = io.certgate.ejb.ca.RaCertificates.selfSignedScepRa(now, kp.getPublic(),
                        signer(IssueAuthority.RSA, kp.getPrivate()));
                ks.setKeyEntry(SCEP_RA_ALIAS, kp.getPrivate(), password, new Certificate[] {cert});
                scepRa = new Root(cert, kp.getPrivate());
                changed = true;
                LOG.info(() -> "Generated the SCEP RA key, self-signed certificate serial "
                        + cert.getSerialNumber().toString(16));
            }
            byte[] bytes = null;
            if (changed) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ks.store(out, password);
                bytes = out.toByteArray();
            }
            return new Opened(new Pkcs12Custody(roots, scepRa, password), bytes);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the CA keystore (is certgate.ca.keystore.password right?)", e);
        }
    }

    @Override
    public String description() {
        return "PKCS#12 keystore in the database (aliases " + alias(IssueAuthority.RSA) + ", "
                + alias(IssueAuthority.ECC) + ", " + SCEP_RA_ALIAS + "); " + roots.entrySet().stream()
                .map(e -> e.getKey() + " root " + (e.getValue().key() == null ? "offline (certificate only)"
                        : "key on this server")).collect(java.util.stream.Collectors.joining(", "));
    }

    @Override
    public X509Certificate certificate(IssueAuthority authority) {
        return roots.get(authority).certificate();
    }

    @Override
    public ContentSigner signer(IssueAuthority authority, String algorithm) {
        PrivateKey key = roots.get(authority).key();
        if (key == null) {
            throw new IllegalStateException("the " + authority + " root is offline: the root ceremony signs for it");
        }
        return signer(authority, algorithm, key);
    }

    @Override
    public boolean hasRootKey(IssueAuthority authority) {
        return roots.get(authority).key() != null;
    }

    /**
     * Generated here, kept as a PKCS#12 (the CA keystore's password) with a self-signed placeholder certificate,
     * since PKCS#12 keeps a private key only with a certificate; the CA's real certificate lives in its row.
     */
    @Override
    public NewCaKey newCaKey(IssueAuthority authority, String label) {
        try {
            KeyPair kp = generate(authority);
            X509Certificate holder = RootCertificates.selfSigned("certgate key of " + label, Instant.now(),
                    kp.getPublic(), signer(authority, kp.getPrivate()));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, password);
            ks.setKeyEntry(CA_KEY_ALIAS, kp.getPrivate(), password, new Certificate[] {holder});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            String ref = KEY_REF_PREFIX + java.util.Base64.getEncoder().encodeToString(out.toByteArray());
            caKeys.put(ref, CryptoProviders.signingKey(kp.getPrivate()));
            return new NewCaKey(kp.getPublic(), ref);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the issuing CA key " + label, e);
        }
    }

    @Override
    public ContentSigner caSigner(String keyRef, IssueAuthority authority, String algorithm) {
        PrivateKey key = caKeys.computeIfAbsent(keyRef, ref -> openCaKey(ref, authority));
        return signer(authority, algorithm, key);
    }

    private PrivateKey openCaKey(String keyRef, IssueAuthority authority) {
        if (!keyRef.startsWith(KEY_REF_PREFIX)) {
            throw new IllegalStateException("this issuing CA key is not in the PKCS#12 custody (certgate.ca.custody)");
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(java.util.Base64.getDecoder().decode(
                    keyRef.substring(KEY_REF_PREFIX.length()))), password);
            return CryptoProviders.signingKey((PrivateKey) ks.getKey(CA_KEY_ALIAS, password));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open an issuing CA key (is certgate.ca.keystore.password right?)", e);
        }
    }

    @Override
    public X509Certificate scepRaCertificate() {
        return scepRa.certificate();
    }

    @Override
    public ContentSigner scepRaSigner() {
        return signer(IssueAuthority.RSA, scepRa.key());
    }

    @Override
    public org.bouncycastle.cms.Recipient scepRaDecryptor() {
        return new org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient(scepRa.key())
                .setContentProvider(CryptoProviders.BC).setMustProduceEncodableUnwrappedKey(true);
    }

    private static ContentSigner signer(IssueAuthority authority, PrivateKey key) {
        return signer(authority, authority.signatureAlgorithm(), key);
    }

    /** The provider for the algorithm: CryptoProviders.signer (AWS-LC when it loads; else the JDK or BouncyCastle). */
    private static ContentSigner signer(IssueAuthority authority, String algorithm, PrivateKey key) {
        try {
            return CryptoProviders.signer(algorithm, key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with the " + authority + " root", e);
        }
    }

    private static KeyPair generate(IssueAuthority a) throws GeneralSecurityException {
        KeyPairGenerator kpg;
        if (a == IssueAuthority.RSA) {
            kpg = KeyPairGenerator.getInstance("RSA");
            kpg.initialize(2048);
        } else {
            kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"));
        }
        return kpg.generateKeyPair();
    }

    /** The root's common name, wherever its key lives. */
    public static String rootName(IssueAuthority a) {
        return rootName(a, 1);
    }

    /** A root generation's common name: the first has no suffix, later ones " G2", " G3" ... */
    public static String rootName(IssueAuthority a, int generation) {
        return "certgate " + a + " Root CA" + (generation > 1 ? " G" + generation : "");
    }

    static String alias(IssueAuthority a) {
        return a.name().toLowerCase(Locale.ROOT) + "-root";
    }

    @Override
    public String toString() { // never print key material
        return "Pkcs12Custody" + roots.keySet();
    }
}
