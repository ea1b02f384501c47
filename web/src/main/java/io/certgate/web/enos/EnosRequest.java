package io.certgate.web.enos;

import io.certgate.web.support.Jsons;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.domain.device.DeviceIdentifier;
import io.certgate.web.support.JsonFields;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.StringReader;

/**
 * One EnOS call's parameters, wherever the client put them: the documented form has orgId and the device in
 * the query, the SDK puts them in the JSON body (device as an object). Query wins when both are present.
 */
final class EnosRequest {

    private final MultivaluedMap<String, String> query;
    private final JsonObject body;

    private EnosRequest(MultivaluedMap<String, String> query, JsonObject body) {
        this.query = query;
        this.body = body;
    }

    static EnosRequest of(MultivaluedMap<String, String> query, String bodyText) {
        if (bodyText == null || bodyText.isBlank()) {
            return new EnosRequest(query, JsonValue.EMPTY_JSON_OBJECT);
        }
        JsonValue v;
        try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(bodyText))) {
            v = reader.readValue();
        } catch (JsonParsingException e) {
            throw new EnosRequestException("invalid argument: the request body is not valid JSON");
        } catch (JsonException e) {
            throw new EnosRequestException("invalid argument: the request body cannot be read");
        } catch (RuntimeException e) { // Parsson's nesting limit ("Input is too deeply nested") is a bare one
            throw new EnosRequestException("invalid argument: the request body is not valid JSON");
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new EnosRequestException("invalid argument: the request body must be a JSON object");
        }
        return new EnosRequest(query, v.asJsonObject());
    }

    JsonObject body() {
        return body;
    }

    /** The orgId the request names (query, then body): mandatory in every EnOS call (spec 001). */
    String orgId() {
        String q = query.getFirst("orgId");
        String named = q != null ? q : string("orgId");
        if (named == null || named.isBlank()) {
            throw new EnosRequestException("Invalid Argument orgId:orgId is missing");
        }
        return named;
    }

    /** issueAuthority: absent means the operation's default (null); present it must be RSA or ECC. */
    IssueAuthority issueAuthority() {
        if (!body.containsKey("issueAuthority") || body.get("issueAuthority") == JsonValue.NULL) {
            return null;
        }
        return IssueAuthority.parse(String.valueOf(string("issueAuthority"))).orElseThrow(() ->
                new EnosRequestException("invalid argument: issueAuthority must be RSA or ECC"));
    }

    /** The revocation reason code (0, 1, 3, 4, 5, 6, 9); absent means 0, unspecified. */
    RevocationReason reason() {
        Integer code = smallInteger("reason");
        if (code == null) {
            return RevocationReason.UNSPECIFIED;
        }
        return RevocationReason.ofCode(code).orElseThrow(() ->
                new EnosRequestException("invalid argument: reason must be one of 0, 1, 3, 4, 5, 6, 9"));
    }

    /** The certSn a renew or revoke names (certSn, or certSN as the SDK sends it). */
    long certSn() {
        Long sn = integer("certSn", "certSN");
        if (sn == null) {
            throw new EnosRequestException("Invalid Argument certSn:certSn is missing");
        }
        if (sn < 0) {
            throw new EnosRequestException("The serial number of the new certificate is invalid (less than 0).");
        }
        return sn;
    }

    DeviceIdentifier device() {
        String asset = query.getFirst("assetId");
        String pk = query.getFirst("productKey");
        String dk = query.getFirst("deviceKey");
        if (asset == null && pk == null && dk == null) {
            JsonObject d = object(body, "device");
            JsonObject from = d != null ? d : body;
            asset = string(from, "assetId");
            pk = string(from, "productKey");
            dk = string(from, "deviceKey");
        }
        return DeviceIdentifier.of(asset, pk, dk);
    }

    /** A string field of the body (absent or null: null). */
    String string(String name) {
        return string(body, name);
    }

    /** An integer field of the body, sent as a JSON number or a numeric string; absent or null: null. */
    Long integer(String... names) {
        for (String name : names) {
            JsonValue v = body.get(name);
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            try {
                if (v instanceof JsonNumber n) {
                    return n.longValueExact();
                }
                if (v instanceof JsonString s && !s.getString().isBlank()) {
                    return Long.parseLong(s.getString().trim());
                }
            } catch (ArithmeticException | NumberFormatException e) {
                // fall through to the error below
            }
            throw new EnosRequestException("invalid argument: " + name + " must be an integer");
        }
        return null;
    }

    /** An integer that must fit an int (validDay, reason). */
    Integer smallInteger(String name) {
        Long v = integer(name);
        if (v == null) {
            return null;
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new EnosRequestException("invalid argument: " + name + " is out of range");
        }
        return v.intValue();
    }

    Boolean bool(String name) {
        JsonValue v = body.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        throw new EnosRequestException("invalid argument: " + name + " must be true or false");
    }

    /** A text that EnOS sends either as a plain string or as {defaultValue, i18nValue}. */
    String i18n(String name) {
        JsonValue v = body.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v.getValueType() == JsonValue.ValueType.OBJECT) {
            return string(v.asJsonObject(), "defaultValue");
        }
        throw new EnosRequestException("invalid argument: " + name + " must be a string or {\"defaultValue\": ...}");
    }

    private static String string(JsonObject o, String name) {
        return JsonFields.string(o, name, message -> new EnosRequestException("invalid argument: " + message));
    }

    private static JsonObject object(JsonObject o, String name) {
        return JsonFields.object(o, name, message -> new EnosRequestException("invalid argument: " + message));
    }
}
