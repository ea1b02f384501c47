package io.certgate.ejb.enrollment;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.ejb.access.Bootstrap;
import io.certgate.ejb.access.RaAccounts;
import io.certgate.ejb.ca.CertificateAuthorities;
import io.certgate.ejb.ca.CertificateLedger;
import io.certgate.ejb.ca.CertificateProfile;
import io.certgate.ejb.ca.Issuance;
import io.certgate.ejb.ca.ValidityRequest;
import io.certgate.ejb.common.Checks;
import io.certgate.ejb.common.OwnerOnlyFiles;
import io.certgate.ejb.common.RandomIds;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * First-start RA accounts of the CertManager facade from {@code CERTGATE_BOOTSTRAP_SYMANTEC_ACCOUNTS}
 * ({@code name[:approval][:enddate][:approver],...}) in the organization {@code CERTGATE_BOOTSTRAP_ORG}. Each gets a
 * TLS client certificate issued through the ledger (an ordinary certificate: listed, revocable, on the CRL) and
 * handed over once as {@code <name>.p12} (password in {@code <name>.p12.password}) in the bootstrap directory.
 */
@Singleton
@Startup
@DependsOn({"Bootstrap", "CertificateAuthorities"})
public class RaAccountBootstrap {

    private static final Logger LOG = Logger.getLogger(RaAccountBootstrap.class.getName());
    static final int CLIENT_CERTIFICATE_DAYS = 730;

    @EJB
    private RaAccounts raAccounts;

    @EJB
    private CertificateLedger ledger;

    @EJB
    private CertificateAuthorities authorities;

    @PostConstruct
    void bootstrap() {
        var config = ConfigProvider.getConfig();
        String org = config.getOptionalValue("certgate.bootstrap.org", String.class).map(String::trim)
                .filter(s -> !s.isEmpty()).orElse(null);
        String accounts = config.getOptionalValue("certgate.bootstrap.symantec.accounts", String.class)
                .map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (org == null || accounts == null) {
            return;
        }
        Caller caller = Bootstrap.caller(Checks.identifier("certgate.bootstrap.org", org));
        for (String spec : accounts.split(",")) {
            String[] parts = spec.trim().split(":");
            String name = Checks.identifier("RA account name", parts[0].trim());
            boolean approval = false;
            boolean endDate = false;
            boolean approver = false;
            for (int i = 1; i < parts.length; i++) {
                switch (parts[i].trim().toLowerCase(Locale.ROOT)) {
                    case "approval" -> approval = true;
                    case "enddate" -> endDate = true;
                    case "approver" -> approver = true;
                    default -> throw new IllegalStateException("CERTGATE_BOOTSTRAP_SYMANTEC_ACCOUNTS: unknown option '"
                            + parts[i] + "' for " + name + " (expected approval, enddate or approver)");
                }
            }
            if (raAccounts.byName(name).isPresent()) {
                continue;
            }
            X509Certificate cert = issueClientCertificate(caller, name, Bootstrap.directory());
            raAccounts.create(caller, name, approval, endDate, approver, cert);
            String options = "approval " + approval + ", specific end date " + endDate + ", approver " + approver;
            LOG.info(() -> "Bootstrap: RA account " + name + " of organization " + org + " (" + options
                    + "); its client certificate and key are in " + Bootstrap.directory().resolve(name + ".p12"));
        }
    }

    /** A TLS client certificate from the RSA root, its key generated here and written once, owner-only. */
    private X509Certificate issueClientCertificate(Caller caller, String name, Path directory) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair kp = g.generateKeyPair();
            IssuedCertificate issued = ledger.issue(caller, new Issuance(IssueAuthority.RSA,
                    new X500Name("CN=" + name + ",OU=RA,O=" + caller.orgId()),
                    SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded()),
                    ValidityRequest.days(CLIENT_CERTIFICATE_DAYS, CLIENT_CERTIFICATE_DAYS),
                    CertificateProfile.Usage.DEVICE, List.of(), null, null, "certificate.issue", "ra-account=" + name));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(issued.getCertPem().getBytes(StandardCharsets.US_ASCII)));
            String password = RandomIds.base64Url(18);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(name, kp.getPrivate(), password.toCharArray(),
                    new Certificate[] {cert, authorities.certificate(IssueAuthority.RSA)});
            ByteArrayOutputStream p12 = new ByteArrayOutputStream();
            ks.store(p12, password.toCharArray());
            OwnerOnlyFiles.write(directory.resolve(name + ".p12"), p12.toByteArray());
            OwnerOnlyFiles.write(directory.resolve(name + ".p12.password"), password.getBytes(StandardCharsets.UTF_8));
            return cert;
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue the client certificate of RA account " + name, e);
        }
    }
}
