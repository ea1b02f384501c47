/*
 * The in-process ceiling of an EnOS apply: what one JVM on this machine can do when nothing but the CA work is
 * done, with certgate's own classes (certgate-ejb target/classes) on the path, exactly as CertificateLedger.issue
 * calls them: CsrValidator.validate(pem, KeyPolicy.DEVICE) (PEM decode, PKCS#10 parse, attribute, key and hash
 * checks, signature verified with BouncyCastle), checkKey again (the ledger does), the public key's SHA-256,
 * CertificateSigner.sign (X.509 v3 with basicConstraints, keyUsage, extendedKeyUsage, SKI, AKI, CRL distribution
 * point, AIA; 127-bit random serial) with a ContentSigner built per call as Pkcs12Custody builds it
 * (CryptoProviders.signer: AWS-LC when it loads; else the JDK for RSA and BouncyCastle for ECC), then PEM.
 * No HTTP, no JSON, no database, no audit: an upper bound for the server, not a target it can reach exactly.
 *
 * usage: java -cp ... Ceiling ALG THREADS WARMUP_SECONDS ROUNDS ROUND_SECONDS      ALG: rsa | ecc
 * prints: CEILING alg=rsa provider=JDK threads=1 certs_s=<median of rounds> min=.. max=.. rounds=.. round_s=..
 *         warmup_s=.. jdk=..
 */
import io.certgate.ejb.ca.CertificateProfile;
import io.certgate.ejb.ca.CertificateSigner;
import io.certgate.ejb.ca.CryptoProviders;
import io.certgate.ejb.ca.CsrValidator;
import io.certgate.ejb.ca.KeyPolicy;
import io.certgate.ejb.ca.Pem;
import io.certgate.ejb.ca.SerialNumbers;
import io.certgate.ejb.ca.ValidatedCsr;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

public class Ceiling {

    static final int CSRS = 32; // different requests, used in turn (one key each)

    public static void main(String[] a) throws Exception {
        String alg = a[0];
        int threads = Integer.parseInt(a[1]);
        double warmup = Double.parseDouble(a[2]);
        int rounds = Integer.parseInt(a[3]);
        double roundSeconds = Double.parseDouble(a[4]);
        boolean rsa = alg.equals("rsa");
        if (!rsa && !alg.equals("ecc")) {
            throw new IllegalArgumentException("ALG must be rsa or ecc");
        }

        // the CA: a self-signed root of the same key type as certgate's
        KeyPairGenerator g = KeyPairGenerator.getInstance(rsa ? "RSA" : "EC");
        if (rsa) {
            g.initialize(2048);
        } else {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        }
        KeyPair ca = g.generateKeyPair();
        String sigAlg = rsa ? "SHA256withRSA" : "SHA256withECDSA";
        X500Name caName = new X500Name("CN=ceiling " + alg + " root,O=certgate bench");
        Instant now = Instant.now();
        X509CertificateHolder caHolder = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), caName,
                ca.getPublic()).addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .build(new JcaContentSignerBuilder(sigAlg).build(ca.getPrivate()));
        X509Certificate caCert = new JcaX509CertificateConverter().getCertificate(caHolder);
        // as Pkcs12Custody: the key in the form its signing provider uses (CryptoProviders)
        PrivateKey signingKey = CryptoProviders.signingKey(ca.getPrivate());
        CertificateProfile profile = new CertificateProfile(CertificateProfile.Usage.DEVICE, List.of(),
                "http://localhost:9080/enos/CA/crl/" + (rsa ? "RSA" : "ECC"), "http://localhost:9080/enos/CA/ocsp",
                "http://localhost:9080/enos/CA/cacert/" + (rsa ? "RSA" : "ECC"));

        // the requests: PEM PKCS#10 as a device sends it, each with its own key
        List<String> csrs = new ArrayList<>();
        for (int i = 0; i < CSRS; i++) {
            KeyPair k = g.generateKeyPair();
            var req = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=device-" + i + ",O=Acme"), k.getPublic())
                    .build(new JcaContentSignerBuilder(sigAlg).build(k.getPrivate()));
            StringWriter w = new StringWriter();
            try (JcaPEMWriter p = new JcaPEMWriter(w)) {
                p.writeObject(req);
            }
            csrs.add(w.toString());
        }

        // one issue, checked: the certificate verifies with the CA key and carries the requested subject
        String pem = issue(csrs.get(0), rsa, sigAlg, signingKey, caCert, profile).pem();
        X509CertificateHolder check = Pem.parseCertificate(pem);
        if (!check.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(CryptoProviders.BC)
                .build(ca.getPublic())) || !check.getSubject().toString().contains("device-0")
                || check.getExtensions().getExtensionOIDs().length < 5) {
            throw new IllegalStateException("the issued certificate does not check out");
        }

        Worker[] workers = new Worker[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Worker(t, csrs, rsa, sigAlg, signingKey, caCert, profile);
            workers[t].setDaemon(true);
            workers[t].start();
        }
        measure(workers, warmup); // warm-up, not reported
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            rates[r] = measure(workers, roundSeconds);
        }
        for (Worker w : workers) {
            w.stop.set(true);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double median = rounds % 2 == 1 ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
        StringBuilder each = new StringBuilder();
        for (double r : rates) {
            each.append(each.length() == 0 ? "" : ",").append(String.format("%.0f", r));
        }
        System.out.printf("CEILING alg=%s provider=%s threads=%d certs_s=%.0f min=%.0f max=%.0f rounds=%d round_s=%s "
                        + "warmup_s=%s each=%s jdk=%s%n", alg,
                CryptoProviders.describe().startsWith("AWS-LC") ? "AWS-LC" : rsa ? "JDK" : "BC", threads, median, sorted[0],
                sorted[rounds - 1], rounds, a[4], a[2], each, System.getProperty("java.version"));
        long sink = 0;
        for (Worker w : workers) {
            sink += w.sink;
        }
        if (sink == 42) {
            System.out.println(); // keeps the results alive
        }
    }

    /** Certificates per second over all workers during {@code seconds}. */
    static double measure(Worker[] workers, double seconds) throws InterruptedException {
        long before = 0;
        for (Worker w : workers) {
            before += w.count();
        }
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        long after = 0;
        for (Worker w : workers) {
            after += w.count();
        }
        long t1 = System.nanoTime();
        return (after - before) / ((t1 - t0) / 1e9);
    }

    static final CsrValidator VALIDATOR = new CsrValidator();
    static final CertificateSigner SIGNER = new CertificateSigner();

    /** What CertificateLedger.issue does for an EnOS apply, minus the database and the audit record. */
    static Issued issue(String csrPem, boolean rsa, String sigAlg, PrivateKey key, X509Certificate caCert,
                        CertificateProfile profile) throws Exception {
        ValidatedCsr v = VALIDATOR.validate(csrPem, KeyPolicy.DEVICE);
        VALIDATOR.checkKey(v.publicKey(), KeyPolicy.DEVICE);
        Instant now = Instant.now();
        ContentSigner signer = CryptoProviders.signer(sigAlg, key); // as Pkcs12Custody builds it
        X509CertificateHolder cert = SIGNER.sign(caCert, signer, v.subject(), v.publicKey(), SerialNumbers.next(),
                now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(730)), profile);
        String keyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(v.publicKey().getEncoded()));
        return new Issued(Pem.certificate(cert.getEncoded()), keyHash);
    }

    record Issued(String pem, String keyHash) {
    }

    static final class Worker extends Thread {
        final AtomicBoolean stop = new AtomicBoolean();
        final List<String> csrs;
        final boolean rsa;
        final String sigAlg;
        final PrivateKey key;
        final X509Certificate caCert;
        final CertificateProfile profile;
        final int offset;
        volatile long done;
        long sink;

        Worker(int offset, List<String> csrs, boolean rsa, String sigAlg, PrivateKey key, X509Certificate caCert,
               CertificateProfile profile) {
            super("ceiling-" + offset);
            this.offset = offset;
            this.csrs = csrs;
            this.rsa = rsa;
            this.sigAlg = sigAlg;
            this.key = key;
            this.caCert = caCert;
            this.profile = profile;
        }

        long count() {
            return done;
        }

        @Override
        public void run() {
            int i = offset * 7;
            try {
                while (!stop.get()) {
                    Issued out = issue(csrs.get(i++ % csrs.size()), rsa, sigAlg, key, caCert, profile);
                    sink += out.pem().length() + out.keyHash().length();
                    done++; // one writer per counter
                }
            } catch (Exception e) {
                // a ceiling that skipped failed issuances would overstate itself: stop the run, say why
                System.err.println("ceiling: issuing a certificate failed, no figure from this run: " + e);
                System.exit(1);
            }
        }
    }

    static {
        // no JVM-wide provider registration, as in certgate (CryptoProviders passes BouncyCastle as an object)
        if (java.security.Security.getProvider("BC") != null) {
            throw new IllegalStateException("BouncyCastle must not be registered JVM-wide");
        }
    }

    private Ceiling() {
    }
}
