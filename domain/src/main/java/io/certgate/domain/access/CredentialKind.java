package io.certgate.domain.access;

/** The kinds of API credential, one per facade that authenticates by key. */
public enum CredentialKind {
    /** EnOS service account: appKey + appSecret (the secret is kept encrypted: the signature scheme needs it). */
    ENOS_APP,
    /** DigiCert CertCentral X-DC-DEVKEY (kept as a hash only). */
    DIGICERT_KEY
}
