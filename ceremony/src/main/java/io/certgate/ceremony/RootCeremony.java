package io.certgate.ceremony;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.ejb.ca.Crls;
import io.certgate.ejb.ca.IssuingCaCertificates;
import io.certgate.ejb.ca.Pem;
import io.certgate.ejb.ca.custody.KeyCustody;
import io.certgate.ejb.ca.custody.Pkcs11Custody;
import io.certgate.ejb.ca.custody.Pkcs11Settings;
import io.certgate.ejb.ca.custody.Pkcs12Custody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The root ceremony: the one place an offline root's key is used, on a machine apart from the server. It makes the
 * roots (RSA-2048 and EC P-256) in a PKCS#12 file or a PKCS#11 token, signs issuing CAs' CSRs and the roots' CRLs,
 * with the server's own certificate and CRL builders, so that an offline root signs what an online one would. The
 * keystore password or token PIN comes from the environment ({@code CERTGATE_CEREMONY_SECRET}), never from the
 * command line. Exit status 0 on success, 2 for a wrong command, 1 for a refusal.
 */
public final class RootCeremony {

    static final String USAGE = """
            usage: java -jar certgate-ceremony.jar COMMAND OPTIONS   (secret in CERTGATE_CEREMONY_SECRET)
              init      --keystore ROOTS.p12 | --pkcs11 LIBRARY [--slot-index N] [--label-prefix P]
                        [--generation G] --out ROOTS.pem
                                                        make the RSA and ECC roots (kept if there), write their certificates;
                                                        G 2, 3 ... : a root rollover, in a keystore (or label prefix) of its
                                                        own, named "... Root CA G2"; add it with POST /admin/api/roots
              sign-ca   (--keystore ROOTS.p12 | --pkcs11 ...) [--generation G] --csr CA.csr --base-url URL --out CA.pem
                                                        sign an issuing CA's CSR (the server's pending CA) with the
                                                        keystore's root of generation G (default 1)
              sign-crl  (--keystore ROOTS.p12 | --pkcs11 ...) --authority RSA|ECC --number N [--days D]
                        [--previous OLD.crl] [--revoke HEXSERIAL[:reason]]... --out ROOT.crl
                                                        sign a root's CRL (its revoked issuing CAs)
            """;

    private RootCeremony() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv("CERTGATE_CEREMONY_SECRET"), System.out, System.err));
    }

    /** The command's work; its exit status. */
    public static int run(String[] args, String secret, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println("expected --option value, not " + args[i]);
                err.print(USAGE);
                return 2;
            }
            options.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        if (secret == null || secret.isEmpty()) {
            err.println("set CERTGATE_CEREMONY_SECRET to the keystore password or the token PIN");
            return 2;
        }
        try {
            switch (args[0]) {
                case "init" -> init(options, secret, out);
                case "sign-ca" -> signCa(options, secret, out);
                case "sign-crl" -> signCrl(options, secret, out);
                default -> {
                    err.print(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (RuntimeException | IOException e) {
            err.println("refused: " + e.getMessage());
            return 1;
        }
    }

    private static String one(Map<String, List<String>> options, String name) {
        List<String> v = options.get(name);
        if (v == null || v.size() != 1) {
            throw new IllegalArgumentException("--" + name + " is required once");
        }
        return v.get(0);
    }

    private static String optional(Map<String, List<String>> options, String name, String otherwise) {
        List<String> v = options.get(name);
        return v == null || v.isEmpty() ? otherwise : v.get(0);
    }

    /** The roots' custody: a PKCS#12 file (written back when roots were made) or a PKCS#11 token. */
    private static KeyCustody custody(Map<String, List<String>> options, String secret) throws IOException {
        if (options.containsKey("pkcs11")) {
            String index = optional(options, "slot-index", "0");
            return Pkcs11Custody.open(new Pkcs11Settings("certgate-ceremony", Path.of(one(options, "pkcs11")), null,
                    Integer.valueOf(index), secret.toCharArray(), optional(options, "label-prefix", null)),
                    Instant.now(), generation(options));
        }
        Path keystore = Path.of(one(options, "keystore"));
        byte[] existing = Files.exists(keystore) ? Files.readAllBytes(keystore) : null;
        Pkcs12Custody.Opened opened = Pkcs12Custody.open(existing, secret.toCharArray(), Instant.now(), Map.of(),
                generation(options));
        if (opened.changedKeystore() != null) {
            Path tmp = keystore.resolveSibling(keystore.getFileName() + ".tmp");
            Files.write(tmp, opened.changedKeystore());
            Files.move(tmp, keystore, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return opened.custody();
    }

    /** The root generation of --generation (default 1). */
    private static int generation(Map<String, List<String>> options) {
        String value = optional(options, "generation", "1");
        try {
            int g = Integer.parseInt(value);
            if (g >= 1 && g <= 999) {
                return g;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("--generation must be 1 to 999, not " + value);
    }

    /** Makes the roots that are missing and writes both certificates: the file the server's setting names. */
    static void init(Map<String, List<String>> options, String secret, PrintStream out) throws IOException {
        KeyCustody custody = custody(options, secret);
        StringBuilder pem = new StringBuilder();
        for (IssueAuthority a : IssueAuthority.values()) {
            X509Certificate root = custody.certificate(a);
            pem.append(Pem.certificate(root));
            out.println(a + " root " + root.getSubjectX500Principal() + ", serial "
                    + root.getSerialNumber().toString(16) + ", until " + root.getNotAfter().toInstant());
        }
        Files.writeString(Path.of(one(options, "out")), pem.toString());
        out.println("wrote " + one(options, "out") + (generation(options) == 1
                ? " (set certgate.ca.root.certificates to it on the server)"
                : " (add each root with POST /admin/api/roots on the server)"));
    }

    /** Signs an issuing CA's CSR: its subject and key, the server's extensions and URLs under --base-url. */
    static void signCa(Map<String, List<String>> options, String secret, PrintStream out) throws IOException {
        PKCS10CertificationRequest csr = readCsr(Path.of(one(options, "csr")));
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(io.certgate.ejb.ca.CryptoProviders.BC).build(csr.getSubjectPublicKeyInfo()))) {
                throw new IllegalStateException("the CSR's signature does not verify");
            }
        } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.pkcs.PKCSException e) {
            throw new IllegalStateException("the CSR's signature cannot be checked: " + e.getMessage(), e);
        }
        SubjectPublicKeyInfo key = csr.getSubjectPublicKeyInfo();
        IssueAuthority a = org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption
                .equals(key.getAlgorithm().getAlgorithm()) ? IssueAuthority.RSA : IssueAuthority.ECC;
        KeyCustody custody = custody(options, secret);
        X509Certificate ca = IssuingCaCertificates.sign(custody.certificate(a), custody.signer(a), csr.getSubject(), key,
                Instant.now(), IssuingCaCertificates.RootUrls.under(one(options, "base-url"),
                        new io.certgate.domain.ca.RootId(a, generation(options))));
        Files.writeString(Path.of(one(options, "out")), Pem.certificate(ca));
        out.println("signed " + ca.getSubjectX500Principal() + " under the " + a + " root, serial "
                + ca.getSerialNumber().toString(16) + ", until " + ca.getNotAfter().toInstant() + "; wrote "
                + one(options, "out"));
    }

    /** Signs a root's CRL: the previous CRL's entries, the revocations given, a number above the previous one. */
    static void signCrl(Map<String, List<String>> options, String secret, PrintStream out) throws IOException {
        IssueAuthority a = IssueAuthority.parse(one(options, "authority")).orElseThrow(() ->
                new IllegalArgumentException("--authority must be RSA or ECC"));
        long number = Long.parseLong(one(options, "number"));
        Instant now = Instant.now();
        List<Crls.Entry> entries = new ArrayList<>();
        KeyCustody custody = custody(options, secret);
        X509Certificate root = custody.certificate(a);
        String previous = optional(options, "previous", null);
        if (previous != null) {
            X509CRL old = readCrl(Path.of(previous));
            try {
                old.verify(root.getPublicKey());
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(previous + " is not a CRL of the " + a + " root");
            }
            if (old.getRevokedCertificates() != null) {
                for (X509CRLEntry e : old.getRevokedCertificates()) {
                    RevocationReason reason = e.getRevocationReason() == null ? RevocationReason.UNSPECIFIED
                            : RevocationReason.ofCode(e.getRevocationReason().ordinal())
                            .orElse(RevocationReason.UNSPECIFIED);
                    entries.add(new Crls.Entry(e.getSerialNumber().toString(16), e.getRevocationDate().toInstant(),
                            reason));
                }
            }
        }
        for (String r : options.getOrDefault("revoke", List.of())) {
            String[] parts = r.split(":", 2);
            String serial = new BigInteger(parts[0], 16).toString(16);
            RevocationReason reason = parts.length == 1 ? RevocationReason.UNSPECIFIED : reason(parts[1]);
            entries.add(new Crls.Entry(serial, now, reason));
        }
        Duration validity = Duration.ofDays(Long.parseLong(optional(options, "days", "30")));
        byte[] der = Crls.sign(root, custody.signer(a), number, now, now.plus(validity), null, entries);
        Files.write(Path.of(one(options, "out")), der);
        out.println("signed the " + a + " root's CRL number " + number + " listing " + entries.size()
                + " revoked, next update " + now.plus(validity) + "; wrote " + one(options, "out"));
    }

    private static RevocationReason reason(String name) {
        return switch (name) {
            case "keyCompromise" -> RevocationReason.KEY_COMPROMISE;
            case "superseded" -> RevocationReason.SUPERSEDED;
            case "cessationOfOperation" -> RevocationReason.CESSATION_OF_OPERATION;
            case "affiliationChanged" -> RevocationReason.AFFILIATION_CHANGED;
            case "unspecified" -> RevocationReason.UNSPECIFIED;
            default -> throw new IllegalArgumentException("reason must be keyCompromise, superseded, "
                    + "cessationOfOperation, affiliationChanged or unspecified, not " + name);
        };
    }

    private static PKCS10CertificationRequest readCsr(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String b64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return new PKCS10CertificationRequest(java.util.Base64.getDecoder().decode(b64));
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException(file + " is not a PEM certificate request");
        }
    }

    private static X509CRL readCrl(Path file) throws IOException {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(
                    new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (java.security.cert.CertificateException | java.security.cert.CRLException e) {
            throw new IllegalArgumentException(file + " is not a CRL");
        }
    }

}
