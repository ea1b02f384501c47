package io.certgate.ejb.ca.custody;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.ejb.ca.RootCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Root keys in a PKCS#11 token (an HSM, or SoftHSM2 for tests) through the JDK's SunPKCS11 provider. The keys
 * are generated inside the token (sensitive, never extractable) on first open and never leave it: this class
 * holds only handles and signs with the token. Each root is a PKCS11 KeyStore key entry under the label
 * {@code <prefix>-rsa-root} / {@code <prefix>-ecc-root}: a private key and a certificate sharing that label and
 * CKA_ID. Roots imported beforehand under those labels are used as they are. Thread-safe: the provider pools
 * its sessions and every signer has its own Signature.
 */
public final class Pkcs11Custody implements KeyCustody {

    private static final Logger LOG = Logger.getLogger(Pkcs11Custody.class.getName());

    private record Root(PrivateKey key, X509Certificate certificate) {
        @Override
        public String toString() {
            return "Root[" + certificate.getSubjectX500Principal() + "]";
        }
    }

    /** The prefix of the handles of issuing CA keys in the token: the key's label follows. */
    static final String KEY_REF_PREFIX = "pkcs11:";

    private final Provider provider;
    private final Map<IssueAuthority, Root> roots;
    private final Root scepRa;
    private final String description;
    private final Pkcs11Settings settings;
    /** Handles of issuing CA keys found in the token so far, by their custody handle. */
    private final Map<String, PrivateKey> caKeys = new java.util.concurrent.ConcurrentHashMap<>();

    private Pkcs11Custody(Provider provider, Map<IssueAuthority, Root> roots, Root scepRa, String description,
                          Pkcs11Settings settings) {
        this.settings = settings;
        this.provider = provider;
        this.roots = roots;
        this.scepRa = scepRa;
        this.description = description;
    }

    /** Logs in to the token and finds both roots, generating in the token whichever is missing. */
    public static Pkcs11Custody open(Pkcs11Settings settings, Instant now) {
        return open(settings, now, 1);
    }

    /**
     * The same, where roots generated now are named as that root generation ({@code certgate RSA Root CA G2}): the
     * root ceremony's rollover, with a label prefix of its own.
     */
    public static Pkcs11Custody open(Pkcs11Settings settings, Instant now, int rootGeneration) {
        Provider provider = provider(settings, baseConfig(settings, settings.name()));
        KeyStore keyStore = login(provider, settings);
        boolean generated = false;
        for (IssueAuthority a : IssueAuthority.values()) {
            if (!hasRoot(keyStore, label(settings, a))) {
                generate(settings, a, now, rootGeneration);
                generated = true;
            }
        }
        if (generated) {
            keyStore = login(provider, settings); // a PKCS11 KeyStore lists the token's objects when loaded
        }
        Map<IssueAuthority, Root> roots = new EnumMap<>(IssueAuthority.class);
        for (IssueAuthority a : IssueAuthority.values()) {
            roots.put(a, keyEntry(keyStore, provider, label(settings, a), a.signatureAlgorithm()));
        }
        String raLabel = scepRaLabel(settings);
        if (!hasRoot(keyStore, raLabel)) {
            generateScepRa(settings, provider, now);
            keyStore = login(provider, settings);
        }
        Root scepRa = keyEntry(keyStore, provider, raLabel, IssueAuthority.RSA.signatureAlgorithm());
        String description = "PKCS#11 token (library " + settings.library() + ", " + settings.slotDescription()
                + "), keys " + Stream.concat(Stream.of(IssueAuthority.values()).map(a -> label(settings, a)),
                Stream.of(raLabel)).collect(Collectors.joining(", "));
        LOG.info(() -> "Key custody: " + description);
        return new Pkcs11Custody(provider, Collections.unmodifiableMap(roots), scepRa, description, settings);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public X509Certificate certificate(IssueAuthority authority) {
        return roots.get(authority).certificate();
    }

    @Override
    public ContentSigner signer(IssueAuthority authority, String algorithm) {
        try {
            return new JcaContentSignerBuilder(algorithm).setProvider(provider)
                    .build(roots.get(authority).key());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with the " + authority + " root in the PKCS#11 token", e);
        }
    }

    @Override
    public boolean hasRootKey(IssueAuthority authority) {
        return true;
    }

    /**
     * Generated inside the token under the label {@code <prefix>-<label>} (private, sensitive, never extractable,
     * sign only), with a self-signed placeholder certificate of the same label and CKA_ID, which makes it a key
     * entry that SunPKCS11's KeyStore finds again; the CA's real certificate lives in its row.
     */
    @Override
    public NewCaKey newCaKey(IssueAuthority authority, String label) {
        String tokenLabel = settings.labelPrefix() + "-" + label;
        try {
            Provider generator = provider(settings, generationConfig(settings, tokenLabel));
            KeyStore keyStore = login(generator, settings);
            if (keyStore.containsAlias(tokenLabel)) {
                throw new IllegalStateException("the PKCS#11 token already has an object labelled " + tokenLabel);
            }
            KeyPair pair = generateIn(generator, authority);
            ContentSigner self = new JcaContentSignerBuilder(authority.signatureAlgorithm()).setProvider(generator)
                    .build(pair.getPrivate());
            X509Certificate holder = RootCertificates.selfSigned("certgate key of " + label, Instant.now(),
                    pair.getPublic(), self);
            keyStore.setKeyEntry(tokenLabel, pair.getPrivate(), null, new Certificate[] {holder});
            LOG.info(() -> "Generated an issuing CA key in the PKCS#11 token as " + tokenLabel);
            return new NewCaKey(pair.getPublic(), KEY_REF_PREFIX + tokenLabel);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the issuing CA key " + tokenLabel + " in the PKCS#11 token", e);
        }
    }

    @Override
    public ContentSigner caSigner(String keyRef, IssueAuthority authority, String algorithm) {
        PrivateKey key = caKeys.computeIfAbsent(keyRef, ref -> {
            if (!ref.startsWith(KEY_REF_PREFIX)) {
                throw new IllegalStateException("this issuing CA key is not in the PKCS#11 custody (certgate.ca.custody)");
            }
            return keyEntry(login(provider, settings), provider, ref.substring(KEY_REF_PREFIX.length()),
                    authority.signatureAlgorithm()).key();
        });
        try {
            return new JcaContentSignerBuilder(algorithm).setProvider(provider).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with an issuing CA key in the PKCS#11 token", e);
        }
    }

    @Override
    public X509Certificate scepRaCertificate() {
        return scepRa.certificate();
    }

    @Override
    public ContentSigner scepRaSigner() {
        try {
            return new JcaContentSignerBuilder(IssueAuthority.RSA.signatureAlgorithm()).setProvider(provider)
                    .build(scepRa.key());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with the SCEP RA key in the PKCS#11 token", e);
        }
    }

    /** The token decrypts the content key (the RA key may decrypt; the roots may not); BouncyCastle the content. */
    @Override
    public org.bouncycastle.cms.Recipient scepRaDecryptor() {
        return new org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient(scepRa.key()).setProvider(provider)
                .setContentProvider(io.certgate.ejb.ca.CryptoProviders.BC).setMustProduceEncodableUnwrappedKey(true);
    }

    @Override
    public String toString() {
        return description;
    }

    static String scepRaLabel(Pkcs11Settings settings) {
        return settings.labelPrefix() + "-scep-ra";
    }

    /**
     * The SCEP RA key pair, generated in the token like a root but allowed to decrypt (clients encrypt their
     * requests to it), with a self-signed certificate (the one clients see comes from the infrastructure CA).
     */
    private static void generateScepRa(Pkcs11Settings settings, Provider provider, Instant now) {
        String label = scepRaLabel(settings);
        String id = HexFormat.of().formatHex(label.getBytes(StandardCharsets.US_ASCII));
        String config = baseConfig(settings, settings.name() + "-generate-scep-ra") + """
                attributes(generate, *, *) = {
                  CKA_TOKEN = true
                  CKA_LABEL = 0h%s
                  CKA_ID = 0h%s
                }
                attributes(generate, CKO_PRIVATE_KEY, CKK_RSA) = {
                  CKA_DECRYPT = true
                }
                attributes(generate, CKO_PUBLIC_KEY, *) = {
                  CKA_VERIFY = true
                  CKA_ENCRYPT = true
                  CKA_WRAP = false
                }
                """.formatted(id, id);
        try {
            Provider generator = provider(settings, config);
            KeyStore keyStore = login(generator, settings);
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA", generator);
            kpg.initialize(2048);
            KeyPair pair = kpg.generateKeyPair();
            // self-signed beside the key: the RA certificate clients see is the infrastructure CA's (ScepRaCertificate)
            ContentSigner ownSigner = new JcaContentSignerBuilder(IssueAuthority.RSA.signatureAlgorithm())
                    .setProvider(generator).build(pair.getPrivate());
            X509Certificate cert = io.certgate.ejb.ca.RaCertificates.selfSignedScepRa(now, pair.getPublic(), ownSigner);
            keyStore.setKeyEntry(label, pair.getPrivate(), null, new Certificate[] {cert});
            LOG.info(() -> "Generated the SCEP RA key in the PKCS#11 token as " + label + ", certificate serial "
                    + cert.getSerialNumber().toString(16));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the SCEP RA key " + label + " in the PKCS#11 token", e);
        }
    }

    static String label(Pkcs11Settings settings, IssueAuthority a) {
        return settings.labelPrefix() + "-" + a.name().toLowerCase(Locale.ROOT) + "-root";
    }

    /**
     * The SunPKCS11 configuration: the module, the slot, and the template of generated private keys, so that
     * they are private, sensitive and not extractable from the moment they exist ("always sensitive, never
     * extractable"), and sign only (a root key is no decryption or unwrapping oracle), whatever the token's
     * defaults.
     */
    static String baseConfig(Pkcs11Settings settings, String name) {
        StringBuilder c = new StringBuilder();
        c.append("name = ").append(name).append('\n');
        c.append("library = ").append(settings.library()).append('\n');
        if (settings.slot() != null) {
            c.append("slot = ").append(settings.slot()).append('\n');
        } else if (settings.slotListIndex() != null) {
            c.append("slotListIndex = ").append(settings.slotListIndex()).append('\n');
        }
        c.append("""
                attributes(generate, CKO_PRIVATE_KEY, *) = {
                  CKA_PRIVATE = true
                  CKA_SENSITIVE = true
                  CKA_EXTRACTABLE = false
                  CKA_SIGN = true
                  CKA_DECRYPT = false
                  CKA_UNWRAP = false
                  CKA_DERIVE = false
                }
                """);
        return c.toString();
    }

    /**
     * The configuration of a provider used only to generate one root: SunPKCS11 has no API to label a key, and
     * its KeyStore would give a generated key only a CKA_ID, so the template makes the key pair token objects
     * with the root's label and id from the start (pkcs11-tool and HSM consoles show them by label).
     */
    static String generationConfig(Pkcs11Settings settings, IssueAuthority a) {
        return generationConfig(settings, label(settings, a));
    }

    /** The same for a key of any label (roots, issuing CAs). */
    static String generationConfig(Pkcs11Settings settings, String label) {
        String id = HexFormat.of().formatHex(label.getBytes(StandardCharsets.US_ASCII));
        return baseConfig(settings, settings.name() + "-generate-" + label.replaceAll("[^A-Za-z0-9_-]", "_")) + """
                attributes(generate, *, *) = {
                  CKA_TOKEN = true
                  CKA_LABEL = 0h%s
                  CKA_ID = 0h%s
                }
                attributes(generate, CKO_PUBLIC_KEY, *) = {
                  CKA_VERIFY = true
                  CKA_ENCRYPT = false
                  CKA_WRAP = false
                }
                """.formatted(id, id);
    }

    /** A SunPKCS11 instance for the token, used as an object (not registered JVM-wide, as CryptoProviders). */
    private static Provider provider(Pkcs11Settings settings, String config) {
        Provider prototype = Security.getProvider("SunPKCS11");
        if (prototype == null) {
            throw new IllegalStateException("this JDK has no SunPKCS11 provider");
        }
        try {
            return prototype.configure("--" + config);
        } catch (RuntimeException e) { // InvalidParameterException, ProviderException: no library, no such slot
            throw new IllegalStateException("cannot open the PKCS#11 token " + settings, e);
        }
    }

    private static KeyStore login(Provider provider, Pkcs11Settings settings) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, settings.pin());
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot log in to the PKCS#11 token " + settings
                    + " (is certgate.ca.pkcs11.pin right?)", e);
        }
    }

    /** Whether the token has the root's key entry; a certificate alone is refused rather than doubled. */
    private static boolean hasRoot(KeyStore keyStore, String label) {
        try {
            if (keyStore.containsAlias(label) && !keyStore.isKeyEntry(label)) {
                throw new IllegalStateException("the PKCS#11 token has a certificate labelled " + label
                        + " but no private key with its CKA_ID: import both, or neither to generate the root");
            }
            return keyStore.isKeyEntry(label);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the PKCS#11 token", e);
        }
    }

    /** An RSA-2048 or P-256 key pair made by the token under the generating provider's template. */
    private static KeyPair generateIn(Provider generator, IssueAuthority a) throws GeneralSecurityException {
        KeyPairGenerator kpg;
        if (a == IssueAuthority.RSA) {
            kpg = KeyPairGenerator.getInstance("RSA", generator);
            kpg.initialize(2048);
        } else {
            kpg = KeyPairGenerator.getInstance("EC", generator);
            kpg.initialize(new ECGenParameterSpec("secp256r1"));
        }
        return kpg.generateKeyPair();
    }

    /** Generates the key pair in the token and stores the self-signed root certificate next to it. */
    private static void generate(Pkcs11Settings settings, IssueAuthority a, Instant now, int rootGeneration) {
        String label = label(settings, a);
        try {
            Provider generator = provider(settings, generationConfig(settings, a));
            KeyStore keyStore = login(generator, settings);
            KeyPair pair = generateIn(generator, a);
            ContentSigner self = new JcaContentSignerBuilder(a.signatureAlgorithm()).setProvider(generator)
                    .build(pair.getPrivate());
            X509Certificate cert = RootCertificates.selfSigned(Pkcs12Custody.rootName(a, rootGeneration), now,
                    pair.getPublic(),
                    self);
            // the key is already a token object of this provider: this adds the certificate with the same label
            // and CKA_ID, which makes the pair a key entry
            keyStore.setKeyEntry(label, pair.getPrivate(), null, new Certificate[] {cert});
            LOG.info(() -> "Generated the " + a + " root CA in the PKCS#11 token as " + label + ": "
                    + cert.getSubjectX500Principal() + ", serial " + cert.getSerialNumber().toString(16)
                    + ", valid until " + cert.getNotAfter().toInstant());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the " + a + " root " + label + " in the PKCS#11 token", e);
        }
    }

    /** A key entry (a root, the RA), checked to be a pair: an imported certificate may not belong to the key. */
    private static Root keyEntry(KeyStore keyStore, Provider provider, String label, String algorithm) {
        try {
            if (!(keyStore.getKey(label, null) instanceof PrivateKey key)
                    || !(keyStore.getCertificate(label) instanceof X509Certificate cert)) {
                throw new IllegalStateException("the PKCS#11 token has no private key and certificate labelled "
                        + label + " with one CKA_ID (see its objects with pkcs11-tool --list-objects)");
            }
            byte[] probe = ("certgate key check " + label).getBytes(StandardCharsets.US_ASCII);
            Signature sign = Signature.getInstance(algorithm, provider);
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(cert.getPublicKey());
            verify.update(probe);
            if (!verify.verify(signature)) {
                throw new IllegalStateException("the certificate labelled " + label
                        + " in the PKCS#11 token does not belong to its private key");
            }
            return new Root(key, cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the key " + label + " in the PKCS#11 token", e);
        }
    }
}
