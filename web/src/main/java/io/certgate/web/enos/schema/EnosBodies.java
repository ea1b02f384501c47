package io.certgate.web.enos.schema;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * EnOS request bodies (EnosRequest reads them). orgId and the device may come in the query (the documented form) or
 * here (the EnOS Java SDK's form); the query wins when both name them.
 */
public final class EnosBodies {

    private EnosBodies() {
    }

    @Schema(name = "EnosProductRequest", description = "products: create (the product's fields) or get (productKey)")
    public static class Product {
        @Schema(description = "the caller's organization, when not in the query")
        public String orgId;

        @Schema(description = "get: the product (or in the query)")
        public String productKey;

        @Schema(description = "create: required; a string or {defaultValue}")
        public Text productName;
        public String productDesc;

        @Schema(enumeration = {"Device", "Gateway"}, defaultValue = "Device")
        public String productType;

        @Schema(enumeration = {"Json", "Custom"}, defaultValue = "Json")
        public String dataFormat;

        @Schema(description = "devices authenticate with certificates; needed to issue "
                + "certificates", defaultValue = "false")
        public Boolean biDirectionalAuth;

        @Schema(minimum = "1", maximum = "3650", defaultValue = "730")
        public Integer defaultValidDay;

        @Schema(minimum = "1", maximum = "3650", defaultValue = "1095")
        public Integer maxValidDay;
    }

    @Schema(name = "EnosDeviceRequest", description = "devices: create (the device's fields) or get (the device)")
    public static class Device {
        @Schema(description = "the caller's organization, when not in the query")
        public String orgId;

        @Schema(description = "create: required; get: with deviceKey, or assetId")
        public String productKey;

        @Schema(description = "create: generated when absent")
        public String deviceKey;

        @Schema(description = "get: the device")
        public String assetId;

        @Schema(description = "get: the device, as the SDK names it")
        public EnosData.DeviceIdentifier device;

        @Schema(description = "create: a string or {defaultValue}")
        public Text deviceName;
        public String deviceDesc;

        @Schema(example = "+08:00", defaultValue = "+00:00")
        public String timezone;
    }

    @Schema(name = "EnosCertificateRequest", description = "certificates: apply {csr, validDay, issueAuthority}, renew "
            + "{certSn, csr?, validDay, issueAuthority}, revoke {certSn, reason}, list {}")
    public static class Certificate {
        @Schema(description = "the caller's organization, when not in the query (SDK form)")
        public String orgId;

        @Schema(description = "the device, when not in the query (SDK form)")
        public EnosData.DeviceIdentifier device;

        @Schema(description = "apply: required; renew: optional (without it the old subject and key are reused); "
                + "PEM PKCS#10, RSA-2048 with SHA256withRSA or P-256 with SHA256withECDSA")
        public String csr;

        @Schema(description = "days of validity: default the product's defaultValidDay, at most its "
                + "maxValidDay", minimum = "1")
        public Integer validDay;

        @Schema(description = "apply: RSA (default) or ECC, any letter case; renew: default the old one's")
        public String issueAuthority;

        @Schema(description = "renew, revoke: the certificate's number (a number or numeric string)")
        public Long certSn;

        @Schema(description = "the same as certSn, as the SDK sends it (a string)")
        public String certSN;

        @Schema(description = "revoke: 0 unspecified (default), 1 keyCompromise, 3 affiliationChanged, 4 "
                + "superseded, 5 cessationOfOperation, 6 certificateHold, 9 "
                        + "privilegeWithdrawn", enumeration = {"0", "1", "3", "4", "5", "6", "9"})
        public Integer reason;
    }

    /** A name as a plain string or {defaultValue}: documented as the object form. */
    @Schema(name = "EnosTextInput", description = "a plain string, or {defaultValue}")
    public static class Text {
        public String defaultValue;
    }
}
