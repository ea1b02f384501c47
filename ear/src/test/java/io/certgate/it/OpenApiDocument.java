package io.certgate.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's OpenAPI document (OpenAPI 3.0, as {@code /openapi?format=JSON} serves it) and a strict check of a real
 * JSON answer against the schema it documents for an operation and status: {@code $ref}s (schemas and responses)
 * resolved, {@code allOf} merged, {@code oneOf}/{@code anyOf} met by at least one branch, every field of an object
 * declared (unless the schema allows additional properties), every required field present, types, {@code nullable}
 * and {@code enum}s checked, arrays item by item. A schema that says nothing ({@code {}}) is itself a finding: it
 * would accept anything.
 */
final class OpenApiDocument {

    private final JsonObject doc;

    OpenApiDocument(JsonObject doc) {
        this.doc = doc;
    }

    JsonObject paths() {
        return doc.getJsonObject("paths");
    }

    /** The operation, or an AssertionError naming what is missing. */
    JsonObject operation(String method, String pathTemplate) {
        JsonObject path = paths().getJsonObject(pathTemplate);
        if (path == null || !path.containsKey(method)) {
            throw new AssertionError("the document has no " + method.toUpperCase() + " " + pathTemplate);
        }
        return path.getJsonObject(method);
    }

    /** The response documented for a status: the exact code, else its range ("4XX"), else "default"; refs resolved. */
    JsonObject response(String method, String pathTemplate, int status) {
        JsonObject responses = operation(method, pathTemplate).getJsonObject("responses");
        for (String key : List.of(String.valueOf(status), (status / 100) + "XX", "default")) {
            if (responses.containsKey(key)) {
                return resolve(responses.getJsonObject(key));
            }
        }
        throw new AssertionError(method.toUpperCase() + " " + pathTemplate + " documents no HTTP " + status
                + " answer; it documents " + responses.keySet());
    }

    /** The JSON schema of that response. */
    JsonObject jsonSchema(String method, String pathTemplate, int status) {
        JsonObject r = response(method, pathTemplate, status);
        JsonObject content = r.getJsonObject("content");
        if (content == null || !content.containsKey("application/json")) {
            throw new AssertionError(method.toUpperCase() + " " + pathTemplate + " HTTP " + status
                    + " documents no application/json content: " + r);
        }
        JsonObject schema = content.getJsonObject("application/json").getJsonObject("schema");
        if (schema == null) {
            throw new AssertionError(method.toUpperCase() + " " + pathTemplate + " HTTP " + status + " has no schema");
        }
        return schema;
    }

    /** What is wrong with {@code answer} as the answer of that operation and status (empty: it is as documented). */
    List<String> violations(String method, String pathTemplate, int status, JsonValue answer) {
        List<String> found = new ArrayList<>();
        check(jsonSchema(method, pathTemplate, status), answer, "$", found);
        return found;
    }

    /** Follows a {@code $ref} within the document (schemas, responses). */
    JsonObject resolve(JsonObject o) {
        JsonObject current = o;
        for (int hops = 0; current.containsKey("$ref"); hops++) {
            if (hops > 20) {
                throw new AssertionError("$ref loop at " + o);
            }
            String ref = current.getString("$ref");
            if (!ref.startsWith("#/")) {
                throw new AssertionError("a $ref outside the document: " + ref);
            }
            JsonValue target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target.asJsonObject().get(part);
                if (target == null) {
                    throw new AssertionError("unresolvable $ref " + ref);
                }
            }
            current = target.asJsonObject();
        }
        return current;
    }

    private void check(JsonObject declared, JsonValue value, String where, List<String> found) {
        boolean nullable = declared.getBoolean("nullable", false);
        JsonObject schema = merged(resolve(declared));
        nullable |= schema.getBoolean("nullable", false);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (!nullable) {
                found.add(where + ": null, but the schema is not nullable");
            }
            return;
        }
        for (String alternatives : List.of("oneOf", "anyOf")) {
            if (schema.containsKey(alternatives)) {
                List<String> why = new ArrayList<>();
                for (JsonValue branch : schema.getJsonArray(alternatives)) {
                    List<String> branchFound = new ArrayList<>();
                    check(branch.asJsonObject(), value, where, branchFound);
                    if (branchFound.isEmpty()) {
                        return;
                    }
                    why.add(branch + " -> " + branchFound);
                }
                found.add(where + ": matches none of the " + alternatives + " branches: " + why);
                return;
            }
        }
        String type = schema.getString("type", null);
        if (type == null && schema.containsKey("properties")) {
            type = "object";
        }
        if (type == null) {
            found.add(where + ": the schema documents nothing (" + schema + ") for " + value);
            return;
        }
        switch (type) {
            case "object" -> checkObject(schema, value, where, found);
            case "array" -> {
                if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                    found.add(where + ": expected an array, got " + value);
                    return;
                }
                JsonObject items = schema.getJsonObject("items");
                if (items == null) {
                    found.add(where + ": an array schema without items");
                    return;
                }
                JsonArray a = value.asJsonArray();
                for (int i = 0; i < a.size(); i++) {
                    check(items, a.get(i), where + "[" + i + "]", found);
                }
            }
            case "string" -> expect(value.getValueType() == JsonValue.ValueType.STRING, "a string", schema, value,
                    where, found);
            case "integer" -> expect(value instanceof JsonNumber n && n.isIntegral(), "an integer", schema, value,
                    where, found);
            case "number" -> expect(value instanceof JsonNumber, "a number", schema, value, where, found);
            case "boolean" -> expect(value == JsonValue.TRUE || value == JsonValue.FALSE, "a boolean", schema, value,
                    where, found);
            default -> found.add(where + ": unknown schema type " + type);
        }
    }

    private void checkObject(JsonObject schema, JsonValue value, String where, List<String> found) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            found.add(where + ": expected an object, got " + value);
            return;
        }
        JsonObject o = value.asJsonObject();
        JsonObject properties = schema.containsKey("properties") ? schema.getJsonObject("properties")
                : JsonValue.EMPTY_JSON_OBJECT;
        JsonValue additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonValue> field : o.entrySet()) {
            String at = where + "." + field.getKey();
            if (properties.containsKey(field.getKey())) {
                check(properties.getJsonObject(field.getKey()), field.getValue(), at, found);
            } else if (additional != null && additional.getValueType() == JsonValue.ValueType.OBJECT) {
                check(additional.asJsonObject(), field.getValue(), at, found);
            } else if (additional != JsonValue.TRUE) {
                found.add(at + ": not documented (the schema declares " + properties.keySet() + ")");
            }
        }
        if (schema.containsKey("required")) {
            for (JsonValue required : schema.getJsonArray("required")) {
                String name = ((jakarta.json.JsonString) required).getString();
                if (!o.containsKey(name)) {
                    found.add(where + "." + name + ": documented as required, but absent");
                }
            }
        }
    }

    private static void expect(boolean typeHolds, String what, JsonObject schema, JsonValue value, String where,
                               List<String> found) {
        if (!typeHolds) {
            found.add(where + ": expected " + what + ", got " + value);
            return;
        }
        JsonArray allowed = schema.getJsonArray("enum");
        if (allowed != null && allowed.stream().noneMatch(e -> e.toString().equals(value.toString()))) {
            found.add(where + ": " + value + " is not one of " + allowed);
        }
    }

    /** A schema with its allOf parts folded in: properties, required and the rest united (refs resolved). */
    private JsonObject merged(JsonObject schema) {
        if (!schema.containsKey("allOf")) {
            return schema;
        }
        Map<String, JsonValue> out = new LinkedHashMap<>(schema);
        out.remove("allOf");
        Map<String, JsonValue> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        List<JsonObject> parts = new ArrayList<>();
        parts.add(schema);
        for (JsonValue part : schema.getJsonArray("allOf")) {
            parts.add(merged(resolve(part.asJsonObject())));
        }
        for (JsonObject part : parts) {
            if (part.containsKey("properties")) {
                properties.putAll(part.getJsonObject("properties"));
            }
            if (part.containsKey("required")) {
                part.getJsonArray("required").forEach(r -> required.add(((jakarta.json.JsonString) r).getString()));
            }
            for (String key : List.of("type", "additionalProperties", "oneOf", "anyOf", "items", "enum")) {
                if (!out.containsKey(key) && part.containsKey(key)) {
                    out.put(key, part.get(key));
                }
            }
        }
        var b = jakarta.json.Json.createObjectBuilder(out);
        if (!properties.isEmpty()) {
            b.add("properties", jakarta.json.Json.createObjectBuilder(properties));
        }
        if (!required.isEmpty()) {
            b.add("required", jakarta.json.Json.createArrayBuilder(new ArrayList<Object>(required)));
        }
        return b.build();
    }
}
