package io.certgate.domain.product;

import java.util.Optional;

/** EnOS product types. */
public enum ProductType {
    Device, Gateway;

    public static Optional<ProductType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ProductType t : values()) {
            if (t.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
