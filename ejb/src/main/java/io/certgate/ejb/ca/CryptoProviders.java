package io.certgate.ejb.ca;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * The JCA providers the CA uses, passed as objects rather than registered JVM-wide (no class loader leaks on
 * redeploy).
 * <p>
 * Signatures a certificate's issuance makes and checks (the CA's RSA and ECDSA signature with a key held in the
 * PKCS#12 custody, the CSR's signature) go through AWS-LC (Amazon Corretto Crypto Provider) when its native library
 * loads on this machine (Linux x86-64) and passes its self-tests: certgate's in-process issuance ran 1.6-1.8x as fast
 * for RSA-2048 and 2.9-3.8x for P-256 with it as with the JDK and BouncyCastle (BENCHMARKS.md, issue 20). Elsewhere, or with {@code certgate.crypto.native=false}, the JDK signs RSA and
 * BouncyCastle signs and verifies ECDSA (~6x faster than SunEC for P-256 on Java 17).
 */
public final class CryptoProviders {

    private static final Logger LOG = Logger.getLogger(CryptoProviders.class.getName());
    private static final String FALLBACK = "the JDK signs RSA, BouncyCastle signs and verifies ECDSA";

    public static final Provider BC = new BouncyCastleProvider();

    private static final Map<ASN1ObjectIdentifier, String> KEY_FACTORIES = Map.of(
            PKCSObjectIdentifiers.rsaEncryption, "RSA", X9ObjectIdentifiers.id_ecPublicKey, "EC");

    /** The native provider, when it is switched on, loaded and healthy. */
    private static final Optional<Provider> NATIVE = loadNative(setting());

    private CryptoProviders() {
    }

    /**
     * What checks a CSR's signature: the native provider for RSA and EC keys (the key decoded by its own key
     * factory: it knows the algorithms by name, not by the OID BouncyCastle asks for), else BouncyCastle.
     */
    public static ContentVerifierProvider csrVerifier(SubjectPublicKeyInfo key)
            throws OperatorCreationException, GeneralSecurityException, IOException {
        return csrVerifier(key, NATIVE);
    }

    static ContentVerifierProvider csrVerifier(SubjectPublicKeyInfo key, Optional<Provider> nativeProvider)
            throws OperatorCreationException, GeneralSecurityException, IOException {
        String factory = KEY_FACTORIES.get(key.getAlgorithm().getAlgorithm());
        if (nativeProvider.isEmpty() || factory == null) {
            return new JcaContentVerifierProviderBuilder().setProvider(BC).build(key);
        }
        PublicKey decoded = KeyFactory.getInstance(factory, nativeProvider.get())
                .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        return new JcaContentVerifierProviderBuilder().setProvider(nativeProvider.get()).build(decoded);
    }

    /**
     * A signer for a key held in memory (the PKCS#12 custody): RSASSA-PSS with BouncyCastle; ECDSA with the native
     * provider, else BouncyCastle; RSA PKCS#1 v1.5 with the native provider, else the JDK's.
     */
    public static ContentSigner signer(String algorithm, PrivateKey key) throws OperatorCreationException {
        return signer(algorithm, key, NATIVE);
    }

    static ContentSigner signer(String algorithm, PrivateKey key, Optional<Provider> nativeProvider)
            throws OperatorCreationException {
        JcaContentSignerBuilder builder = new JcaContentSignerBuilder(algorithm);
        String upper = algorithm.toUpperCase(Locale.ROOT);
        if (upper.contains("MGF1")) {
            builder.setProvider(BC);
        } else if (upper.contains("ECDSA")) {
            builder.setProvider(nativeProvider.orElse(BC));
        } else {
            nativeProvider.ifPresent(builder::setProvider);
        }
        return builder.build(key);
    }

    /**
     * The key converted once into the object of the provider that signs with it, so that no signature converts it
     * again: a foreign key is decoded anew for every new signature object (for BouncyCastle's ECDSA that recomputes
     * the curve's point tables; for AWS-LC it sets up the RSA key's Montgomery contexts and blinding each time).
     * Keys of the JDK's own RSA signatures stay as they are.
     */
    public static PrivateKey signingKey(PrivateKey key) throws GeneralSecurityException {
        return signingKey(key, NATIVE);
    }

    static PrivateKey signingKey(PrivateKey key, Optional<Provider> nativeProvider) throws GeneralSecurityException {
        String algorithm = key.getAlgorithm();
        boolean converted = algorithm.equals("EC") || (algorithm.equals("RSA") && nativeProvider.isPresent());
        return !converted ? key : KeyFactory.getInstance(algorithm, nativeProvider.orElse(BC))
                .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    }

    /** Whether the native provider is in use (the start-up log and the benchmark say which). */
    public static String describe() {
        return NATIVE.map(p -> "AWS-LC (" + p.getName() + " "
                + ((AmazonCorrettoCryptoProvider) p).getVersionStr() + ")").orElse("JDK (RSA) and "
                + "BouncyCastle (ECDSA)");
    }

    /** certgate.crypto.native (system property or CERTGATE_CRYPTO_NATIVE), true unless "false". */
    private static boolean setting() {
        String v = System.getProperty("certgate.crypto.native", System.getenv("CERTGATE_CRYPTO_NATIVE"));
        return v == null || !v.trim().toLowerCase(Locale.ROOT).equals("false");
    }

    static Optional<Provider> loadNative(boolean wanted) {
        if (!wanted) {
            LOG.info("certgate.crypto.native=false: " + FALLBACK);
            return Optional.empty();
        }
        try {
            AmazonCorrettoCryptoProvider p = AmazonCorrettoCryptoProvider.INSTANCE;
            Throwable error = p.getLoadingError();
            if (error != null) {
                LOG.info("AWS-LC (Amazon Corretto Crypto Provider) is not available on this machine ("
                        + error.getClass().getSimpleName() + ": " + error.getMessage() + "): " + FALLBACK);
                return Optional.empty();
            }
            p.assertHealthy();
            return Optional.of(p);
        } catch (LinkageError | RuntimeException e) {
            LOG.info("AWS-LC (Amazon Corretto Crypto Provider) cannot be used (" + e + "): " + FALLBACK);
            return Optional.empty();
        }
    }
}
