package io.certgate.ejb.ca;

import java.util.Base64;

/** PEM encoding of DER structures, 64 characters a line as RFC 7468 writes it. */
public final class Pem {

    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    public static String certificate(byte[] der) {
        return encode("CERTIFICATE", der);
    }
}
