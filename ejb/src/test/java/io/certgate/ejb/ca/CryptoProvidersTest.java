package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CryptoProvidersTest {

    private static final byte[] DATA = "to be signed by the CA".getBytes(StandardCharsets.UTF_8);

    @Test
    void theNativeProviderLoadsOnLinuxX86_64AndCanBeSwitchedOff() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"), "AWS-LC ships for Linux x86-64 here");
        Optional<Provider> loaded = CryptoProviders.loadNative(true);
        assertTrue(loaded.isPresent(), "AWS-LC did not load: " + CryptoProviders.describe());
        assertEquals("AmazonCorrettoCryptoProvider", loaded.get().getName());
        assertFalse(CryptoProviders.loadNative(false).isPresent());
    }

    /** Each algorithm the custody signs with, with and without the native provider, checked by another library. */
    @ParameterizedTest
    @CsvSource({
        "RSA, 2048, SHA256withRSA, true", "RSA, 2048, SHA256withRSA, false",
        "RSA, 2048, SHA256WITHRSAANDMGF1, true", "RSA, 2048, SHA256WITHRSAANDMGF1, false",
        "EC, secp256r1, SHA256withECDSA, true", "EC, secp256r1, SHA256withECDSA, false",
        "EC, secp384r1, SHA384withECDSA, true", "EC, secp384r1, SHA384withECDSA, false"})
    void signaturesVerifyElsewhere(String keyType, String size, String algorithm, boolean useNative) throws Exception {
        Optional<Provider> nativeProvider = useNative ? CryptoProviders.loadNative(true) : Optional.empty();
        assumeTrue(!useNative || nativeProvider.isPresent(), "no native provider on this machine");
        KeyPair kp = keyType.equals("RSA") ? TestCsrs.rsa(Integer.parseInt(size)) : TestCsrs.ec(size);
        PrivateKey key = CryptoProviders.signingKey(kp.getPrivate(), nativeProvider);
        if (keyType.equals("EC") || useNative) {
            assertNotSame(kp.getPrivate(), key, "the signing provider's own key object, converted once");
        }
        ContentSigner signer = CryptoProviders.signer(algorithm, key, nativeProvider);
        try (OutputStream out = signer.getOutputStream()) {
            out.write(DATA);
        }
        byte[] signature = signer.getSignature();

        ContentVerifier bc = new JcaContentVerifierProviderBuilder().setProvider(CryptoProviders.BC)
                .build(kp.getPublic()).get(signer.getAlgorithmIdentifier());
        try (OutputStream out = bc.getOutputStream()) {
            out.write(DATA);
        }
        assertTrue(bc.verify(signature), algorithm + " (native " + useNative + ") does not verify with BouncyCastle");
        if (!algorithm.contains("MGF1")) {
            Signature jdk = Signature.getInstance(algorithm);
            jdk.initVerify(kp.getPublic());
            jdk.update(DATA);
            assertTrue(jdk.verify(signature), algorithm + " does not verify with the JDK");
            jdk.initVerify(kp.getPublic());
            jdk.update("something else".getBytes(StandardCharsets.UTF_8));
            assertFalse(jdk.verify(signature));
        }
    }

    /** A CSR's signature checks out with either verifier, and a CSR signed by another key does not. */
    @ParameterizedTest
    @CsvSource({"RSA, SHA256withRSA, true", "RSA, SHA256withRSA, false", "EC, SHA256withECDSA, true",
        "EC, SHA256withECDSA, false", "EC384, SHA384withECDSA, true", "EC384, SHA384withECDSA, false"})
    void csrSignaturesAreCheckedByEitherVerifier(String keyType, String algorithm, boolean useNative)
            throws Exception {
        Optional<Provider> nativeProvider = useNative ? CryptoProviders.loadNative(true) : Optional.empty();
        assumeTrue(!useNative || nativeProvider.isPresent(), "no native provider on this machine");
        KeyPair kp = keyPair(keyType);
        PKCS10CertificationRequest csr = TestCsrs.csr(kp, algorithm, "CN=device-1,O=certgate test");
        assertTrue(csr.isSignatureValid(CryptoProviders.csrVerifier(csr.getSubjectPublicKeyInfo(), nativeProvider)));

        // the same request info with another key's signature
        PKCS10CertificationRequest other = TestCsrs.csr(keyPair(keyType), algorithm, "CN=device-1,O=certgate test");
        PKCS10CertificationRequest forged = new PKCS10CertificationRequest(new CertificationRequest(
                csr.toASN1Structure().getCertificationRequestInfo(), other.getSignatureAlgorithm(),
                other.toASN1Structure().getSignature()));
        assertFalse(forged.isSignatureValid(CryptoProviders.csrVerifier(forged.getSubjectPublicKeyInfo(),
                nativeProvider)));
    }

    private static KeyPair keyPair(String type) throws Exception {
        return switch (type) {
            case "RSA" -> TestCsrs.rsa(2048);
            case "EC" -> TestCsrs.ec("secp256r1");
            default -> TestCsrs.ec("secp384r1");
        };
    }
}
