package io.certgate.web.admin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;

/**
 * A view record as the JSON object it documents: one member per component, in order, named as the component
 * (null is JSON null, times ISO-8601 UTC, lists arrays, records objects). The admin API's OpenAPI schemas come from
 * the same records, so the document and the answers cannot drift apart.
 */
final class RecordJson {

    private RecordJson() {
    }

    static JsonObject of(Record view) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (RecordComponent c : view.getClass().getRecordComponents()) {
            b.add(c.getName(), value(read(c, view)));
        }
        return b.build();
    }

    private static Object read(RecordComponent c, Record view) {
        try {
            c.getAccessor().setAccessible(true); // views nested in package-private classes
            return c.getAccessor().invoke(view);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + view.getClass().getName(), e);
        }
    }

    private static JsonValue value(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof Record r) {
            return of(r);
        }
        if (v instanceof String s) {
            return Json.createValue(s);
        }
        if (v instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return Json.createValue(((Number) v).longValue());
        }
        if (v instanceof BigInteger i) {
            return Json.createValue(i);
        }
        if (v instanceof BigDecimal d) {
            return Json.createValue(d);
        }
        if (v instanceof Instant t) {
            return Json.createValue(t.toString());
        }
        if (v instanceof Collection<?> list) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            list.forEach(e -> a.add(value(e)));
            return a.build();
        }
        throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
    }
}
