package io.certgate.domain.device;

/**
 * How a caller names a device: by assetId, or by productKey + deviceKey. Exactly one form must be complete.
 */
public record DeviceIdentifier(String assetId, String productKey, String deviceKey) {

    public static DeviceIdentifier of(String assetId, String productKey, String deviceKey) {
        return new DeviceIdentifier(blankToNull(assetId), blankToNull(productKey), blankToNull(deviceKey));
    }

    /** True when assetId is given, or both productKey and deviceKey are. */
    public boolean isComplete() {
        return assetId != null || (productKey != null && deviceKey != null);
    }

    public boolean byAssetId() {
        return assetId != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return assetId != null ? "assetId=" + assetId : "productKey=" + productKey + ",deviceKey=" + deviceKey;
    }
}
