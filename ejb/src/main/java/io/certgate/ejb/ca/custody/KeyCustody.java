package io.certgate.ejb.ca.custody;

import io.certgate.domain.ca.IssueAuthority;
import java.security.cert.X509Certificate;
import org.bouncycastle.operator.ContentSigner;

/**
 * Where the CA keys live. It hands out signers and public certificates, never a private key: a PKCS#12
 * keystore kept in the database ({@link Pkcs12Custody}) or a PKCS#11 token such as an HSM
 * ({@link Pkcs11Custody}), chosen by {@code certgate.ca.custody}.
 */
public interface KeyCustody {

    /** What holds the keys, for operators and logs (never secret). */
    String description();

    /** The CA certificate of an authority. */
    X509Certificate certificate(IssueAuthority authority);

    /**
     * A fresh signer with the authority's key and signature algorithm (SHA256withRSA, SHA256withECDSA); one
     * per certificate, CRL or OCSP response, since a ContentSigner holds state.
     */
    default ContentSigner signer(IssueAuthority authority) {
        return signer(authority, authority.signatureAlgorithm());
    }

    /** The same with another JCA algorithm for the authority's key (SHA-384/512, RSASSA-PSS). */
    ContentSigner signer(IssueAuthority authority, String algorithm);

    /** Whether the root's private key is in this custody (false: an offline root, only its certificate here). */
    boolean hasRootKey(IssueAuthority authority);

    /**
     * A new issuing CA key pair made in this custody (in the token for PKCS#11: sensitive, never extractable),
     * named {@code label}: its public key and the handle to keep in the database (never the key in clear).
     */
    NewCaKey newCaKey(IssueAuthority authority, String label);

    /** A fresh signer with an issuing CA's key, found by the handle {@link #newCaKey} gave. */
    ContentSigner caSigner(String keyRef, IssueAuthority authority, String algorithm);

    /** A new CA key: its public key and custody's handle of the private key. */
    record NewCaKey(java.security.PublicKey publicKey, String keyRef) {
    }

    /**
     * The self-signed certificate kept with the SCEP RA key, which is kept beside the roots' (servers set up before
     * issue 16 keep the RA certificate the RSA root signed then); the one served is the infrastructure CA's.
     */
    X509Certificate scepRaCertificate();

    /** A fresh SHA256withRSA signer with the SCEP RA key, for CertRep messages. */
    ContentSigner scepRaSigner();

    /**
     * Opens what a SCEP client encrypted to the RA certificate (CMS key transport, RSA PKCS#1 v1.5) without
     * handing out the key; a fresh one per message.
     */
    org.bouncycastle.cms.Recipient scepRaDecryptor();
}
