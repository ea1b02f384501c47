package io.certgate.web.symantec;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** application/x-www-form-urlencoded, strictly: UTF-8, each field at most once, at most 200 fields. */
final class FormFields {

    static final int MAX_FIELDS = 200;

    private FormFields() {
    }

    static Map<String, String> parse(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return fields;
        }
        for (String pair : body.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (fields.containsKey(name)) {
                throw new SymantecRequestException(SymantecStatus.INVALID_PARAMETER,
                        "parameter " + printable(name) + " is given more than once");
            }
            if (fields.size() == MAX_FIELDS) {
                throw new SymantecRequestException(SymantecStatus.INVALID_PARAMETER, "too many parameters");
            }
            fields.put(name, value.isEmpty() ? null : value);
        }
        return fields;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SymantecRequestException(SymantecStatus.INVALID_PARAMETER, "the form encoding is broken");
        }
    }

    private static String printable(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9_#-]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }
}
