package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonObject;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, interop with certmonger's SCEP helper, built with BouncyCastle as it sends its messages: a renewal with
 * the same key is a PKCSReq under the transactionID of the first request, now signed by the certificate it got. It
 * used to get its old certificate back (a repeat of the first request); it gets a new one.
 */
class ScepInteropIT {

    @Test
    void aPkcsReqUnderTheSameTransactionSignedByItsCertificateIsANewRequest() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String deviceKey = device.getString("deviceKey");
        ScepClient client = new ScepClient(Http.BASE + "/scep/" + device.getString("productKey"), Pki.rsa(2048));
        X500Name subject = new X500Name("CN=" + deviceKey + ",O=Example Devices");
        String transactionId = "certmonger-" + deviceKey;

        ScepClient.Reply first = client.pkcsReq(transactionId, subject, device.getString("deviceSecret"));
        assertEquals("0", first.status(), "SUCCESS");
        X509Certificate cert = first.certificate();
        ScepClient.Reply repeat = client.pkcsReq(transactionId, subject, device.getString("deviceSecret"));
        assertEquals(cert.getSerialNumber(), repeat.certificate().getSerialNumber(), "a repeat gets the same one");

        ScepClient.Reply renewed = client.pkcsReqSignedBy(transactionId, subject, device.getString("deviceSecret"), cert);
        assertEquals("0", renewed.status(), "SUCCESS");
        assertNotEquals(cert.getSerialNumber(), renewed.certificate().getSerialNumber(), "a new certificate");
        assertArrayEquals(cert.getPublicKey().getEncoded(), renewed.certificate().getPublicKey().getEncoded(),
                "the same key, as certmonger renews");
        Pki.verifyChain(renewed.certificate(), Pki.root("RSA"));

        ScepClient.Reply again = client.pkcsReqSignedBy(transactionId, subject, device.getString("deviceSecret"), cert);
        assertEquals(renewed.certificate().getSerialNumber(), again.certificate().getSerialNumber(),
                "its own repeat gets the renewal again");
    }
}
