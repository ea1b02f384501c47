package io.certgate.ejb.ca;

import java.util.List;

/**
 * The server's certificate authorities now: where their keys are kept ({@code custody} pkcs12 or pkcs11 and a
 * description that names no secret), each root with its current CRL, and the public URLs that serve both roots
 * in one PEM and answer OCSP.
 */
public record AuthorityReport(String custody, String custodyDescription, List<RootStatus> roots, String ocspUrl,
                              String allRootsUrl) {

    public AuthorityReport {
        roots = List.copyOf(roots);
    }
}
