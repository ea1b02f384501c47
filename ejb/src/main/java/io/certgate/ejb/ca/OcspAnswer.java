package io.certgate.ejb.ca;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * What this server's OCSP responder answers about one certificate, asked the way a relying party asks (a DER
 * request for the serial under its issuer): {@code good}, {@code revoked}, {@code unknown}, or {@code no answer
 * (...)} with the responder's status when it did not answer (an offline root). The console shows it instead of
 * the ledger's own column, so what it shows is what relying parties get.
 */
public record OcspAnswer(String status, Instant thisUpdate) {

    /** The DER OCSP request for a serial its issuer signed. */
    static byte[] request(X509Certificate issuer, BigInteger serial) {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), new X509CertificateHolder(issuer.getEncoded()), serial);
            return new OCSPReqBuilder().addRequest(id).build().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build an OCSP request", e);
        }
    }

    /** The single answer of a DER OCSP response. */
    static OcspAnswer read(byte[] response) {
        try {
            OCSPResp r = new OCSPResp(response);
            if (r.getStatus() != OCSPResp.SUCCESSFUL) {
                return new OcspAnswer("no answer (OCSP status " + r.getStatus() + ")", null);
            }
            SingleResp single = ((BasicOCSPResp) r.getResponseObject()).getResponses()[0];
            Object s = single.getCertStatus();
            String status = s == null ? "good" : s instanceof RevokedStatus ? "revoked" : "unknown";
            return new OcspAnswer(status, single.getThisUpdate().toInstant());
        } catch (Exception e) {
            throw new IllegalStateException("unreadable OCSP response", e);
        }
    }
}
