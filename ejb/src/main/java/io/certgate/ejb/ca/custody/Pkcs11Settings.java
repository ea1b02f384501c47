package io.certgate.ejb.ca.custody;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The PKCS#11 token that holds the CA keys: the module ({@code library}), the token's slot, given by its id
 * ({@code slot}) or by its index in the module's slot list ({@code slotListIndex}), the user PIN, the prefix of
 * the key labels ({@code <prefix>-rsa-root}, {@code <prefix>-ecc-root}) and the name of the SunPKCS11 provider
 * instance. With neither slot nor slotListIndex the first slot of the list is used.
 */
public record Pkcs11Settings(String name, Path library, Long slot, Integer slotListIndex, char[] pin,
                             String labelPrefix) {

    public static final String DEFAULT_NAME = "certgate";
    public static final String DEFAULT_LABEL_PREFIX = "certgate";

    // both end up in the SunPKCS11 configuration text and in token labels: keep them to one plain word
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    public Pkcs11Settings {
        name = name == null || name.isBlank() ? DEFAULT_NAME : name.trim();
        labelPrefix = labelPrefix == null || labelPrefix.isBlank() ? DEFAULT_LABEL_PREFIX : labelPrefix.trim();
        if (!WORD.matcher(name).matches() || !WORD.matcher(labelPrefix).matches()) {
            throw new IllegalArgumentException("the PKCS#11 name and label prefix are letters, digits, '.', '_', '-'");
        }
        if (library == null || !library.isAbsolute() || library.toString().contains("\n")) {
            throw new IllegalArgumentException("the PKCS#11 library must be an absolute path: " + library);
        }
        if (slot != null && slotListIndex != null) {
            throw new IllegalArgumentException("configure the PKCS#11 slot or the slotListIndex, not both");
        }
        if (pin == null || pin.length == 0) {
            throw new IllegalArgumentException("the PKCS#11 PIN is required");
        }
    }

    /** The slot as operators configured it, for messages. */
    String slotDescription() {
        return slot != null ? "slot " + slot : "slot list index " + (slotListIndex != null ? slotListIndex : 0);
    }

    @Override
    public String toString() { // never print the PIN
        return "Pkcs11Settings[" + name + ", " + library + ", " + slotDescription() + ", " + labelPrefix + "]";
    }
}
