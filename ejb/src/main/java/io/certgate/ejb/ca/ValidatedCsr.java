package io.certgate.ejb.ca;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** A CSR that passed every check: its subject and public key are safe to certify. */
public record ValidatedCsr(X500Name subject, SubjectPublicKeyInfo publicKey) {
}
