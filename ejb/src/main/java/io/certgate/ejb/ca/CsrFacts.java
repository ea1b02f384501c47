package io.certgate.ejb.ca;

import java.io.StringReader;
import java.security.PublicKey;
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
 * What a pending request's CSR asks for, as an approver reads it before deciding: the subject, the names
 * (SANs as "DNS:host", "IP:addr"), the key (type and size) and how the CSR is signed. Unreadable CSRs say so
 * instead of failing the page.
 */
public record CsrFacts(String subject, List<String> subjectAlternativeNames, String key, String signatureAlgorithm) {

    public CsrFacts {
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
    }

    public static CsrFacts of(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
            Object o = parser.readObject();
            if (!(o instanceof PKCS10CertificationRequest csr)) {
                return unreadable();
            }
            PublicKey key = new JcaPKCS10CertificationRequest(csr).getPublicKey();
            return new CsrFacts(csr.getSubject().toString(), names(csr), keyOf(key),
                    new DefaultAlgorithmNameFinder().getAlgorithmName(csr.getSignatureAlgorithm()));
        } catch (Exception e) {
            return unreadable();
        }
    }

    private static CsrFacts unreadable() {
        return new CsrFacts("(unreadable CSR)", List.of(), "", "");
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
                out.add(prefix(n.getTagNo()) + ":" + value(n));
            }
        }
        return out;
    }

    private static String prefix(int tag) {
        return switch (tag) {
            case GeneralName.dNSName -> "DNS";
            case GeneralName.iPAddress -> "IP";
            case GeneralName.rfc822Name -> "email";
            case GeneralName.uniformResourceIdentifier -> "URI";
            default -> "name" + tag;
        };
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

    private static String keyOf(PublicKey key) {
        if (key instanceof java.security.interfaces.RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (key instanceof java.security.interfaces.ECPublicKey ec) {
            return "EC " + ec.getParams().getCurve().getField().getFieldSize();
        }
        return key.getAlgorithm();
    }
}
