package io.certgate.ejb.ca;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * X.509 serial numbers: 127 random bits, positive and non-zero (RFC 5280 allows 20 octets; CA/B forum asks
 * for at least 64 bits of entropy). Uniqueness is enforced by the database's unique constraint.
 */
public final class SerialNumbers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SerialNumbers() {
    }

    public static BigInteger next() {
        BigInteger serial;
        do {
            serial = new BigInteger(127, RANDOM);
        } while (serial.bitLength() < 64); // never a short (guessable-looking or zero) serial
        return serial;
    }
}
