package io.certgate.web.admin;

import io.certgate.domain.ca.CertificateStatus;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.ejb.ca.CertificateQuery;
import io.certgate.ejb.ca.UnknownCertificateException;
import io.certgate.ejb.common.InvalidArgumentException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The admin API's certificate requests read into the business layer's values: query parameters (absent or blank
 * is the default; malformed is 400 with a message naming the parameter), certSn path segments (not a number is
 * an unknown certificate) and the revocation body {@code {"reason": <RFC 5280 name>}}. The console reads its status and
 * serial fields the same way.
 */
public final class CertificateAdminRequests {

    /** Hex digits, optionally 0x-prefixed and separated by colons or spaces as openssl and browsers print them. */
    private static final Pattern SERIAL = Pattern.compile("(0[xX])?[0-9A-Fa-f]{1,64}");

    private CertificateAdminRequests() {
    }

    /** The search of {@code GET .../certificates} (the device is resolved separately: {@code deviceId}). */
    static CertificateQuery query(Long deviceId, String status, String serial, String subject,
                                  String expiringWithinDays, String offset, String limit) {
        return new CertificateQuery(deviceId, status(status), serial(serial), subject,
                number("expiringWithinDays", expiringWithinDays, null), number("offset", offset, 0),
                number("limit", limit, CertificateQuery.DEFAULT_LIMIT));
    }

    /** What {@code GET .../expiring?days=} lists (30 days unless it says). */
    static CertificateQuery expiring(String days, String offset, String limit) {
        return CertificateQuery.expiring(number("days", days, 30), number("offset", offset, 0),
                number("limit", limit, CertificateQuery.DEFAULT_LIMIT));
    }

    /** A status by its name (valid, expired, revoked; any case); blank is none. */
    public static CertificateStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (CertificateStatus s : CertificateStatus.values()) {
            if (s.name().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        throw new InvalidArgumentException("status must be valid, expired or revoked");
    }

    /** A serial number in hexadecimal (0x prefix, colons and spaces allowed); blank is none. */
    public static BigInteger serial(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String hex = value.trim().replace(":", "").replace(" ", "");
        if (!SERIAL.matcher(hex).matches()) {
            throw new InvalidArgumentException("serial must be the certificate's serial number in hexadecimal");
        }
        return new BigInteger(hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex, 16);
    }

    public static Integer number(String name, String value, Integer absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException(name + " must be a whole number");
        }
    }

    /** A certSn from the path: anything but a positive number names no certificate. */
    public static long certSn(String value) {
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UnknownCertificateException();
    }

    /** The reason of a revocation body; no body, no reason or null is unspecified. */
    static RevocationReason reason(String body) {
        if (body == null || body.isBlank()) {
            return RevocationReason.UNSPECIFIED;
        }
        JsonObject o;
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            JsonValue v = r.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidArgumentException("the body must be a JSON object such as {\"reason\":\"keyCompromise\"}");
            }
            o = v.asJsonObject();
        } catch (RuntimeException e) { // JsonException, and Parsson's bare one for input nested too deeply
            throw new InvalidArgumentException("the body must be a JSON object such as {\"reason\":\"keyCompromise\"}");
        }
        JsonValue reason = o.get("reason");
        if (reason == null || reason == JsonValue.NULL) {
            return RevocationReason.UNSPECIFIED;
        }
        if (reason instanceof JsonString s) {
            for (Map.Entry<RevocationReason, String> e : CertificateAdminViews.reasonNames().entrySet()) {
                if (e.getValue().toLowerCase(Locale.ROOT).equals(s.getString().trim().toLowerCase(Locale.ROOT))) {
                    return e.getKey();
                }
            }
        }
        throw new InvalidArgumentException("reason must be one of unspecified, keyCompromise, affiliationChanged, "
                + "superseded, cessationOfOperation, certificateHold, privilegeWithdrawn");
    }
}
