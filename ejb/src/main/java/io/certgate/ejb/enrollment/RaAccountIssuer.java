package io.certgate.ejb.enrollment;

import io.certgate.domain.access.Caller;
import io.certgate.domain.access.RaAccount;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.ejb.access.RaAccounts;
import io.certgate.ejb.ca.CertificateAuthorities;
import io.certgate.ejb.ca.CertificateLedger;
import io.certgate.ejb.ca.CertificateProfile;
import io.certgate.ejb.ca.Issuance;
import io.certgate.ejb.ca.ValidityRequest;
import io.certgate.ejb.common.Checks;
import io.certgate.ejb.common.RandomIds;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * New RA accounts of the CertManager facade with their TLS client certificate: the key is generated here, the
 * certificate issued by the RSA root through the ledger (an ordinary certificate: listed, revocable, on the
 * CRL and OCSP), and both handed over once as a password-protected PKCS#12.
 */
@Stateless
public class RaAccountIssuer {

    static final int CLIENT_CERTIFICATE_DAYS = 730;

    /** The account, and its client certificate and key as PKCS#12 with its password (shown once). */
    public record NewRaAccount(RaAccount account, byte[] p12, String password) {
        @Override
        public String toString() { // never print the key or its password
            return "NewRaAccount[" + account.getName() + "]";
        }
    }

    @EJB
    private RaAccounts raAccounts;

    @EJB
    private CertificateLedger ledger;

    @EJB
    private CertificateAuthorities authorities;

    public NewRaAccount create(Caller caller, String name, boolean requireApproval, boolean allowSpecificEndDate,
                               boolean approver) {
        String orgId = Caller.requireCredentialOrganization(Caller.require(caller).requireOrganization());
        Checks.identifier("RA account name", name);
        if (raAccounts.byName(name).isPresent()) {
            throw new DuplicateRaAccountException(name);
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair kp = g.generateKeyPair();
            IssuedCertificate issued = ledger.issue(caller, new Issuance(IssueAuthority.RSA,
                    new X500Name("CN=" + name + ",OU=RA,O=" + orgId),
                    SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded()),
                    ValidityRequest.days(CLIENT_CERTIFICATE_DAYS, CLIENT_CERTIFICATE_DAYS),
                    CertificateProfile.Usage.DEVICE, List.of(), null, null, "certificate.issue", "ra-account=" + name));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(issued.getCertPem().getBytes(StandardCharsets.US_ASCII)));
            RaAccount account = raAccounts.create(caller, name, requireApproval, allowSpecificEndDate, approver, cert,
                    issued.getCertSn());
            String password = RandomIds.base64Url(18);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(name, kp.getPrivate(), password.toCharArray(),
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(cert),
                            ledger.chainAbove(issued).stream()).toArray(Certificate[]::new));
            ByteArrayOutputStream p12 = new ByteArrayOutputStream();
            ks.store(p12, password.toCharArray());
            return new NewRaAccount(account, p12.toByteArray(), password);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue the client certificate of RA account " + name, e);
        }
    }
}
