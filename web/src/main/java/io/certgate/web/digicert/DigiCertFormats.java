package io.certgate.web.digicert;

import io.certgate.ejb.ca.Pem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * CertCentral's download formats ({@code /certificate/{id}/download/format/{format}}) over certgate's chain (the
 * certificate, its issuing CA, the root):
 * <ul>
 * <li>{@code pem_all} all three, {@code pem_noroot} certificate and issuing CA, {@code pem_nointermediate} certificate
 * and root, {@code crt} and {@code pem} the certificate alone: PEM text, one newline after the last END line;</li>
 * <li>{@code p7b}: a certs-only PKCS#7 of the chain, PEM ({@code -----BEGIN PKCS7-----}); {@code cer}: the same PKCS#7
 * as DER, as CertCentral's .cer is a PKCS#7 bundle;</li>
 * <li>zip files, as CertCentral sends them: {@code default} ({@code <name>.crt}, {@code IntermediateCA.crt},
 * {@code TrustedRoot.crt}), {@code apache} ({@code <name>.crt} and {@code IntermediateCA.crt}, the chain file),
 * {@code default_pem} (the three as {@code .pem}), {@code default_cer} (the three as {@code .cer}, PEM text); the
 * name is the certificate's common name with dots as underscores.</li>
 * </ul>
 */
final class DigiCertFormats {

    static final List<String> FORMATS = List.of("pem_all", "pem_noroot", "pem_nointermediate", "crt", "pem", "p7b",
            "cer", "default", "apache", "default_pem", "default_cer");

    static final String PEM = "application/x-pem-file";
    static final String PKCS7 = "application/x-pkcs7-certificates";
    static final String ZIP = "application/zip";

    /** One download: its bytes, content type and the file name a client may save it as. */
    record Download(byte[] body, String contentType, String fileName) {
    }

    private DigiCertFormats() {
    }

    /**
     * The certificate ({@code leafPem}) in {@code format}, given the CA certificates above it nearest first (issuing
     * CA, root) and the chain's certs-only PKCS#7 (DER); empty for a format CertCentral does not have.
     */
    static java.util.Optional<Download> of(String format, String leafPem, String commonName,
                                           List<X509Certificate> above, byte[] pkcs7) {
        String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
        String leaf = leafPem.strip() + "\n";
        List<X509Certificate> intermediates = above.subList(0, above.size() - 1);
        X509Certificate root = above.get(above.size() - 1);
        String base = fileBase(commonName);
        Download d = switch (f) {
            case "pem_all" -> pem(leaf + Pem.certificates(intermediates) + Pem.certificate(root), base);
            case "pem_noroot" -> pem(leaf + Pem.certificates(intermediates), base);
            case "pem_nointermediate" -> pem(leaf + Pem.certificate(root), base);
            case "crt", "pem" -> pem(leaf, base);
            case "p7b" -> new Download(Pem.encode("PKCS7", pkcs7).getBytes(StandardCharsets.US_ASCII), PKCS7,
                    base + ".p7b");
            case "cer" -> new Download(pkcs7.clone(), PKCS7, base + ".cer");
            case "default" -> zip(base, ".crt", leaf, intermediates, root);
            case "apache" -> zip(base, ".crt", leaf, intermediates, null);
            case "default_pem" -> zip(base, ".pem", leaf, intermediates, root);
            case "default_cer" -> zip(base, ".cer", leaf, intermediates, root);
            default -> null;
        };
        return java.util.Optional.ofNullable(d);
    }

    private static Download pem(String text, String base) {
        return new Download(text.getBytes(StandardCharsets.US_ASCII), PEM, base + ".pem");
    }

    /** A zip of the certificate, each intermediate and (unless null) the root, each a PEM file. */
    private static Download zip(String base, String extension, String leaf, List<X509Certificate> intermediates,
                                X509Certificate root) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(base + extension, leaf);
        for (int i = 0; i < intermediates.size(); i++) {
            files.put("IntermediateCA" + (i == 0 ? "" : String.valueOf(i + 1)) + extension,
                    Pem.certificate(intermediates.get(i)));
        }
        if (root != null) {
            files.put("TrustedRoot" + extension, Pem.certificate(root));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            LocalDateTime now = LocalDateTime.now();
            for (Map.Entry<String, String> e : files.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(now);
                zip.putNextEntry(entry);
                zip.write(e.getValue().getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Download(bytes.toByteArray(), ZIP, base + ".zip");
    }

    /** {@code app.example.com} -> {@code app_example_com}, {@code *.example.com} -> {@code star_example_com}. */
    static String fileBase(String commonName) {
        String cn = commonName == null ? "" : commonName.trim();
        String b = cn.replace("*", "star").replaceAll("[^A-Za-z0-9_-]", "_");
        b = b.length() > 64 ? b.substring(0, 64) : b;
        return b.isEmpty() || b.chars().allMatch(c -> c == '_') ? "certificate" : b;
    }
}
