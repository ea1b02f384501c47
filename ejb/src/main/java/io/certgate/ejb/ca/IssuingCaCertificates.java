package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Issuing CA certificates under a root (RFC 5280): CA with pathLenConstraint 0 (it signs only leaves), keyCertSign,
 * cRLSign and digitalSignature (it signs its own OCSP answers), subject and authority key identifiers, the root's
 * CRL as distribution point and the root's certificate and this server's OCSP in AIA. Used by the server with an
 * online root and by the root ceremony with an offline one, so both make the same certificate.
 */
public final class IssuingCaCertificates {

    /** How long an issuing CA lives at most (never beyond its root). */
    public static final Duration LIFETIME = Duration.ofDays(5 * 365);

    private IssuingCaCertificates() {
    }

    /** {@code CN=certgate RSA Issuing CA G1,OU=<scope>,O=certgate} (Infrastructure CA for the server's own). */
    public static X500Name subject(String scope, IssueAuthority authority, int generation) {
        String kind = io.certgate.domain.ca.IssuingCa.SERVER.equals(scope) ? "Infrastructure CA" : "Issuing CA";
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "certgate " + authority + " " + kind + " G" + generation)
                .addRDN(BCStyle.OU, scope)
                .addRDN(BCStyle.O, "certgate").build();
    }

    /** The public URLs an issuing CA certificate points at: its root's CRL, its root's certificate, OCSP. */
    public record RootUrls(String crlUrl, String caIssuersUrl, String ocspUrl) {

        /** A root's URLs under a server's public base URL ({@code certgate.public.base.url}). */
        public static RootUrls under(String publicBaseUrl, IssueAuthority authority) {
            return under(publicBaseUrl, io.certgate.domain.ca.RootId.first(authority));
        }

        /** A root generation's URLs ({@code /enos/CA/crl/RSA}, {@code /enos/CA/crl/RSA-G2}). */
        public static RootUrls under(String publicBaseUrl, io.certgate.domain.ca.RootId root) {
            String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                    : publicBaseUrl;
            return new RootUrls(base + "/enos/CA/crl/" + root, base + "/enos/CA/cacert/" + root,
                    base + "/enos/CA/ocsp");
        }
    }

    /** Signs an issuing CA certificate with the root's signer, from now for its lifetime (within the root's). */
    public static X509Certificate sign(X509Certificate root, ContentSigner rootSigner, X500Name subject,
                                       SubjectPublicKeyInfo publicKey, Instant now, RootUrls urls) {
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
        Instant rootEnd = root.getNotAfter().toInstant();
        Instant notAfter = notBefore.plus(LIFETIME).isBefore(rootEnd) ? notBefore.plus(LIFETIME) : rootEnd;
        try {
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            X509CertificateHolder issuer = new X509CertificateHolder(root.getEncoded());
            BigInteger serial = SerialNumbers.next();
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer.getSubject(), serial,
                    Date.from(notBefore), Date.from(notAfter), subject, publicKey);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(issuer.getSubjectPublicKeyInfo()));
            GeneralName crl = new GeneralName(GeneralName.uniformResourceIdentifier, urls.crlUrl());
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(crl)), null, null)}));
            b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                    new AccessDescription(AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, urls.ocspUrl())),
                    new AccessDescription(AccessDescription.id_ad_caIssuers,
                            new GeneralName(GeneralName.uniformResourceIdentifier, urls.caIssuersUrl()))}));
            return new JcaX509CertificateConverter().getCertificate(b.build(rootSigner));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the issuing CA certificate " + subject, e);
        }
    }

    /** A PKCS#10 request for an issuing CA whose root is offline (the ceremony signs it). */
    public static String csr(X500Name subject, PublicKey publicKey, ContentSigner signer) {
        PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(subject, publicKey).build(signer);
        try {
            return Pem.encode("CERTIFICATE REQUEST", csr.getEncoded());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
