package io.certgate.ejb.device;

/** What a caller asks for when creating a device; deviceKey is generated when null. */
public record DeviceDraft(String productKey, String deviceKey, String name, String description, String timezone) {
}
