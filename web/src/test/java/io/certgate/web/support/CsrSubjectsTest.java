package io.certgate.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

/** What the pending page shows of a request's CSR: its subject, with or without PEM headers; a note otherwise. */
class CsrSubjectsTest {

    private static String csrBase64(String subject) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair kp = g.generateKeyPair();
        byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())).getEncoded();
        return Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    }

    @Test
    void theSubjectOfAPemRequestWithOrWithoutHeaders() throws Exception {
        String b64 = csrBase64("CN=meter-001,O=Acme");
        assertEquals("CN=meter-001,O=Acme", CsrSubjects.of("-----BEGIN CERTIFICATE REQUEST-----\n" + b64
                + "\n-----END CERTIFICATE REQUEST-----\n"));
        assertEquals("CN=meter-001,O=Acme", CsrSubjects.of(b64));
    }

    @Test
    void aNoteForAnythingElse() {
        assertEquals("(no CSR)", CsrSubjects.of(null));
        assertEquals("(no CSR)", CsrSubjects.of(" "));
        assertEquals("(unreadable CSR)", CsrSubjects.of("not a request"));
        assertEquals("(unreadable CSR)", CsrSubjects.of("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"));
    }
}
