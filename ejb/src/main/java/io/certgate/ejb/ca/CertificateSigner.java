package io.certgate.ejb.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;

/**
 * Builds and signs X.509 v3 end-entity certificates. Thread-safe: every call makes its own extension utils
 * (BouncyCastle's hold a digest and are not thread-safe) and its own signer.
 */
public class CertificateSigner {

    /** Signs with {@code signer}, which holds the key of {@code issuerCertificate} wherever custody keeps it. */
    public X509CertificateHolder sign(X509Certificate issuerCertificate, ContentSigner signer, X500Name subject,
                                      SubjectPublicKeyInfo publicKey, BigInteger serial, Instant notBefore,
                                      Instant notAfter, CertificateProfile profile) {
        try {
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            X509CertificateHolder issuer = new X509CertificateHolder(issuerCertificate.getEncoded());
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer.getSubject(), serial,
                    Date.from(notBefore), Date.from(notAfter), subject, publicKey);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            int usage = KeyUsage.digitalSignature;
            boolean rsaKey = PKCSObjectIdentifiers.rsaEncryption.equals(publicKey.getAlgorithm().getAlgorithm());
            if (rsaKey && profile.usage() != CertificateProfile.Usage.CODE_SIGNING) {
                usage |= KeyUsage.keyEncipherment;
            }
            b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            KeyPurposeId[] purposes = switch (profile.usage()) {
                case DEVICE -> new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth};
                case TLS_SERVER -> new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth};
                case CODE_SIGNING -> new KeyPurposeId[] {KeyPurposeId.id_kp_codeSigning};
                case CLIENT_EMAIL -> new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection};
                case SCEP_RA -> new KeyPurposeId[0];
            };
            if (purposes.length > 0) {
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
            }
            if (!profile.dnsNames().isEmpty() || !profile.emails().isEmpty() || !profile.ipAddresses().isEmpty()) {
                GeneralName[] names = java.util.stream.Stream.of(
                        profile.dnsNames().stream().map(n -> new GeneralName(GeneralName.dNSName, n)),
                        profile.ipAddresses().stream().map(ip -> new GeneralName(GeneralName.iPAddress, ip)),
                        profile.emails().stream().map(m -> new GeneralName(GeneralName.rfc822Name, m)))
                        .flatMap(s -> s).toArray(GeneralName[]::new);
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(issuer.getSubjectPublicKeyInfo()));
            GeneralName crl = new GeneralName(GeneralName.uniformResourceIdentifier, profile.crlUrl());
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(crl)), null, null)}));
            b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                    new AccessDescription(AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, profile.ocspUrl())),
                    new AccessDescription(AccessDescription.id_ad_caIssuers,
                            new GeneralName(GeneralName.uniformResourceIdentifier, profile.caIssuersUrl()))}));
            return b.build(signer);
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot build certificate", e);
        }
    }
}
