package io.certgate.ejb.ca;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/** The names a certificate carries in its subject alternative names. */
public final class CertificateNames {

    private CertificateNames() {
    }

    public static List<String> dnsNames(X509CertificateHolder cert) {
        List<String> names = new ArrayList<>();
        GeneralNames sans = GeneralNames.fromExtensions(cert.getExtensions(), Extension.subjectAlternativeName);
        if (sans != null) {
            for (GeneralName n : sans.getNames()) {
                if (n.getTagNo() == GeneralName.dNSName) {
                    names.add(n.getName().toString());
                }
            }
        }
        return names;
    }
}
