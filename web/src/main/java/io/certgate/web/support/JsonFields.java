package io.certgate.web.support;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.function.Function;

/**
 * Typed fields of a JSON request body, shared by the JSON facades: absent or null is null, a value of the wrong
 * type is the facade's own error ({@code wrongType} turns "name must be a string" into it).
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** A string (a number is taken as its text). */
    public static String string(JsonObject o, String name, Function<String, RuntimeException> wrongType) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        throw wrongType.apply(name + " must be a string");
    }

    public static JsonObject object(JsonObject o, String name, Function<String, RuntimeException> wrongType) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw wrongType.apply(name + " must be an object");
        }
        return v.asJsonObject();
    }

    /** true or false; anything else (a string "yes", a number) is the wrong type. */
    public static Boolean flag(JsonObject o, String name, Function<String, RuntimeException> wrongType) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE || v.getValueType() == JsonValue.ValueType.TRUE
                || v.getValueType() == JsonValue.ValueType.FALSE) {
            return v.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw wrongType.apply(name + " must be true or false");
    }

    /** A whole number that fits a long; a fraction, a string or a larger number is the wrong type. */
    public static Long wholeNumber(JsonObject o, String name, Function<String, RuntimeException> wrongType) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                // below
            }
        }
        throw wrongType.apply(name + " must be a whole number");
    }

    /** An array of at most {@code max} strings; absent or null is empty, anything else a refusal. */
    public static java.util.List<String> strings(JsonObject o, String name, int max,
                                                 Function<String, RuntimeException> wrongType) {
        jakarta.json.JsonValue v = o.get(name);
        if (v == null || v.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
            return java.util.List.of();
        }
        if (v.getValueType() != jakarta.json.JsonValue.ValueType.ARRAY || v.asJsonArray().size() > max) {
            throw wrongType.apply(name + " must be an array of at most " + max + " strings");
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (jakarta.json.JsonValue e : v.asJsonArray()) {
            if (e.getValueType() != jakarta.json.JsonValue.ValueType.STRING) {
                throw wrongType.apply(name + " must be an array of strings");
            }
            out.add(((jakarta.json.JsonString) e).getString());
        }
        return out;
    }
}
