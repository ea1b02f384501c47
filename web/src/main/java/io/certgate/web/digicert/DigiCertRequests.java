package io.certgate.web.digicert;

import io.certgate.ejb.enrollment.CertificateSpec;
import io.certgate.ejb.enrollment.OrderSpec;
import io.certgate.ejb.enrollment.ReissueSpec;
import io.certgate.web.support.BoundedBody;
import io.certgate.web.support.JsonFields;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CertCentral request bodies -> value objects: the nesting of spec 003 ({@code certificate{...}} beside the
 * request's options), JSON types checked, dates in "dd MMM yyyy", unknown fields ignored (clients send
 * {@code "id":0} and zero dates).
 */
final class DigiCertRequests {

    /** "09 JUN 2021", any letter case. */
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("dd MMM yyyy").toFormatter(Locale.ENGLISH);

    private DigiCertRequests() {
    }

    static JsonObject read(InputStream body) {
        String text;
        try {
            text = BoundedBody.read(body, BoundedBody.DEFAULT_LIMIT);
        } catch (BoundedBody.BodyTooLargeException e) {
            throw new DigiCertRequestException("request_too_large", e.getMessage());
        } catch (IOException e) {
            throw new DigiCertRequestException("bad_request_format", "the request body cannot be read");
        }
        if (text == null || text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonValue v;
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            v = r.readValue();
        } catch (RuntimeException e) { // JsonException, and Parsson's bare one for input nested too deeply
            throw new DigiCertRequestException("bad_request_format", "the request body is not valid JSON");
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new DigiCertRequestException("bad_request_format", "the request body must be a JSON object");
        }
        return v.asJsonObject();
    }

    static OrderSpec order(JsonObject body) {
        JsonObject validity = object(body, "order_validity");
        CertificateSpec.CertValidity orderValidity = validity(validity, "order_validity");
        if (orderValidity.isEmpty() && integer(body, "validity_years") != null) {
            orderValidity = new CertificateSpec.CertValidity(integer(body, "validity_years"), null, null);
        }
        if (orderValidity.isEmpty() && integer(body, "validity_days") != null) {
            orderValidity = new CertificateSpec.CertValidity(null, integer(body, "validity_days"), null);
        }
        if (orderValidity.isEmpty() && string(body, "custom_expiration_date") != null) {
            orderValidity = new CertificateSpec.CertValidity(null, null,
                    date("custom_expiration_date", string(body, "custom_expiration_date")));
        }
        Integer renewalOf = integer(body, "renewal_of_order_id");
        return new OrderSpec(certificate(body, null), orderValidity, string(body, "comments"),
                bool(body, "skip_approval"), string(body, "dcv_method"), bool(body, "disable_renewal_notifications"),
                string(body, "payment_method"), renewalOf == null || renewalOf == 0 ? null : renewalOf.longValue(),
                string(body, "cs_provisioning_method"));
    }

    static ReissueSpec reissue(JsonObject body, boolean duplicateEndpoint) {
        return new ReissueSpec(certificate(body, "cert_validity"), string(body, "comments"),
                bool(body, "skip_approval"), string(body, "dcv_method"),
                duplicateEndpoint, bool(body, "store_reissue_as_duplicate"), string(body, "cs_provisioning_method"));
    }

    /** {@code certificate{...}}; its {@code cert_validity} where the reissue has one. */
    private static CertificateSpec certificate(JsonObject body, String validityField) {
        JsonObject c = object(body, "certificate");
        if (c == null) {
            throw new DigiCertRequestException("missing_field", "certificate is required");
        }
        JsonObject platform = object(c, "server_platform");
        JsonObject validity = validityField == null ? null : object(c, validityField);
        return new CertificateSpec(string(c, "common_name"), strings(c, "dns_names"), strings(c, "emails"),
                string(c, "csr"), string(c, "signature_hash"), platform == null ? null : integer(platform, "id"),
                string(c, "ca_cert_id"), bool(c, "is_rsassa_pss"), string(c, "profile_option"),
                strings(c, "organization_units"), validity(validity, "certificate." + validityField));
    }

    private static CertificateSpec.CertValidity validity(JsonObject v, String name) {
        if (v == null) {
            return new CertificateSpec.CertValidity(null, null, null);
        }
        String custom = string(v, "custom_expiration_date");
        return new CertificateSpec.CertValidity(integer(v, "years"), integer(v, "days"),
                custom == null ? null : date(name + ".custom_expiration_date", custom));
    }

    static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.trim(), DATE);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.trim()); // YYYY-MM-DD, as some clients send it
            } catch (DateTimeParseException again) {
                throw new DigiCertRequestException("invalid_date", name + " must be a date like 09 JUN 2021");
            }
        }
    }

    static String string(JsonObject o, String name) {
        return JsonFields.string(o, name, message -> new DigiCertRequestException("invalid_value", message));
    }

    static Integer integer(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        try {
            if (v instanceof JsonNumber n) {
                return n.intValueExact();
            }
            if (v instanceof JsonString s && !s.getString().isBlank()) {
                return Integer.parseInt(s.getString().trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // below
        }
        throw new DigiCertRequestException("invalid_value", name + " must be an integer");
    }

    /** A query parameter that counts (offset, limit): a non-negative integer, else 400 invalid_value. */
    static int count(String name, String text) {
        try {
            int v = Integer.parseInt(text == null ? "" : text.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new DigiCertRequestException("invalid_value", name + " must be a non-negative integer");
    }

    static boolean bool(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) {
            return false;
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        if (v instanceof JsonString s && ("true".equalsIgnoreCase(s.getString()) || "false".equalsIgnoreCase(s.getString()))) {
            return Boolean.parseBoolean(s.getString());
        }
        throw new DigiCertRequestException("invalid_value", name + " must be true or false");
    }

    static JsonObject object(JsonObject o, String name) {
        return JsonFields.object(o, name, message -> new DigiCertRequestException("invalid_value", message));
    }

    static List<String> strings(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) {
            return List.of();
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new DigiCertRequestException("invalid_value", name + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue e : (JsonArray) v) {
            if (!(e instanceof JsonString s)) {
                throw new DigiCertRequestException("invalid_value", name + " must be an array of strings");
            }
            out.add(s.getString());
        }
        return out;
    }
}
