package io.certgate.ejb.ca;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * What a pending request's CSR asks for, as an approver reads it before deciding, in the console and the admin API
 * alike: the subject, the names (SANs written as {@link CertificateFacts} writes a certificate's, "DNS:host",
 * "IP:addr"), the key (type and size) and how the CSR is signed. The CSR may come with or without its PEM lines (the
 * CertManager contract keeps bare base64). A missing or unreadable CSR says so in the subject instead of failing the
 * page (the rules checked the CSR when the request was made).
 */
public record CsrFacts(String subject, List<String> subjectAlternativeNames, String key, String signatureAlgorithm) {

    public CsrFacts {
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
    }

    public static CsrFacts of(String pem) {
        if (pem == null || pem.isBlank()) {
            return none("(no CSR)");
        }
        String text = pem.contains("-----BEGIN") ? pem
                : "-----BEGIN CERTIFICATE REQUEST-----\n" + pem.trim() + "\n-----END CERTIFICATE REQUEST-----\n";
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            if (!(parser.readObject() instanceof PKCS10CertificationRequest csr)) {
                return none("(unreadable CSR)");
            }
            String subject = csr.getSubject().toString();
            java.security.PublicKey key = new JcaPKCS10CertificationRequest(csr).getPublicKey();
            int size = CertificateFacts.keySize(key);
            return new CsrFacts(subject.isEmpty() ? "(empty subject)" : subject, names(csr),
                    CertificateFacts.keyType(key) + (size == 0 ? "" : " " + size),
                    new DefaultAlgorithmNameFinder().getAlgorithmName(csr.getSignatureAlgorithm()));
        } catch (Exception e) {
            return none("(unreadable CSR)");
        }
    }

    private static CsrFacts none(String why) {
        return new CsrFacts(why, List.of(), "", "");
    }

    private static List<String> names(PKCS10CertificationRequest csr) {
        List<String> out = new ArrayList<>();
        for (var attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
            GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
            if (names == null) {
                continue;
            }
            for (GeneralName n : names.getNames()) {
                out.add(CertificateFacts.namePrefix(n.getTagNo()) + ":" + value(n));
            }
        }
        return out;
    }

    private static String value(GeneralName n) {
        if (n.getTagNo() == GeneralName.iPAddress) {
            try {
                return java.net.InetAddress.getByAddress(
                        org.bouncycastle.asn1.DEROctetString.getInstance(n.getName()).getOctets()).getHostAddress();
            } catch (java.net.UnknownHostException e) {
                return n.getName().toString();
            }
        }
        return n.getName().toString();
    }
}
