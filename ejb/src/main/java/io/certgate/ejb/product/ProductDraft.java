package io.certgate.ejb.product;

/** What a caller asks for when creating a product; null means "use the default". */
public record ProductDraft(String name, String description, String productType, String dataFormat,
                           Boolean biDirectionalAuth, Integer defaultValidDay, Integer maxValidDay) {
}
