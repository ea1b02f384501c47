package io.certgate.web.support;

import java.io.StringReader;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The subject a pending request's CSR asks for, for an approver to read, in the console and the admin API alike
 * (the rules checked the CSR already).
 */
public final class CsrSubjects {

    private CsrSubjects() {
    }

    /** The subject DN, or a note when the text holds no readable PKCS#10 request. */
    public static String of(String pem) {
        if (pem == null || pem.isBlank()) {
            return "(no CSR)";
        }
        String text = pem.contains("-----BEGIN") ? pem
                : "-----BEGIN CERTIFICATE REQUEST-----\n" + pem.trim() + "\n-----END CERTIFICATE REQUEST-----\n";
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object o = parser.readObject();
            if (o instanceof PKCS10CertificationRequest csr) {
                String subject = csr.getSubject().toString();
                return subject.isEmpty() ? "(empty subject)" : subject;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // below
        }
        return "(unreadable CSR)";
    }
}
