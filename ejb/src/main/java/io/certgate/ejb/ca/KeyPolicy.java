package io.certgate.ejb.ca;

import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;

/**
 * Which subject keys and CSR signatures a certificate may have (policy as data, chosen by the business module):
 * {@link #DEVICE} is the EnOS and CertManager rule (RSA-2048 or P-256, CSRs signed with SHA-256);
 * {@link #ENTERPRISE} is what DigiCert CertCentral clients send (RSA 2048 to 4096, P-256 or P-384, CSRs signed
 * with SHA-256, SHA-384 or SHA-512).
 */
public record KeyPolicy(Set<Integer> rsaBits, Set<ASN1ObjectIdentifier> curves, Set<String> csrHashes) {

    public static final KeyPolicy DEVICE = new KeyPolicy(Set.of(2048), Set.of(SECObjectIdentifiers.secp256r1),
            Set.of("SHA256"));
    public static final KeyPolicy ENTERPRISE = new KeyPolicy(Set.of(2048, 3072, 4096),
            Set.of(SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1), Set.of("SHA256", "SHA384", "SHA512"));

    public KeyPolicy {
        rsaBits = Set.copyOf(rsaBits);
        curves = Set.copyOf(curves);
        csrHashes = Set.copyOf(csrHashes);
    }
}
