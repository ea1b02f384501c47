package io.certgate.web.enos.schema;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The data of EnOS answers (EnosProductResource, EnosDeviceResource, EnosCertificateAssembler build them). */
public final class EnosData {

    private EnosData() {
    }

    @Schema(name = "EnosText", description = "a text as EnOS writes names: the default value (i18n values are not "
            + "kept)")
    public static class Text {
        @Schema(required = true, example = "Smart meter")
        public String defaultValue;
    }

    @Schema(name = "EnosProduct")
    public static class Product {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true)
        public String productKey;

        @Schema(required = true)
        public Text productName;

        @Schema(required = true, description = "empty when none was given")
        public String productDesc;

        @Schema(required = true, enumeration = {"Device", "Gateway"})
        public String productType;

        @Schema(required = true, example = "Json")
        public String dataFormat;

        @Schema(required = true, description = "whether devices authenticate with certificates (mutual TLS); "
                + "certificates are issued only for such products")
        public boolean biDirectionalAuth;

        @Schema(required = true, description = "validDay when a request names none")
        public int defaultValidDay;

        @Schema(required = true, description = "the longest validDay a request may ask")
        public int maxValidDay;

        @Schema(required = true, description = "epoch milliseconds")
        public long createTime;
    }

    @Schema(name = "EnosNewDevice", description = "a new device; its secret is shown only here")
    public static class NewDevice {
        @Schema(required = true)
        public String assetId;

        @Schema(required = true)
        public String productKey;

        @Schema(required = true)
        public String deviceKey;

        @Schema(required = true, description = "the device's secret (EST/SCEP enrollment), shown once")
        public String deviceSecret;
    }

    @Schema(name = "EnosDevice", description = "a device, without its secret")
    public static class Device {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true)
        public String assetId;

        @Schema(required = true)
        public String productKey;

        @Schema(required = true)
        public String deviceKey;

        @Schema(required = true)
        public Text deviceName;

        @Schema(required = true, description = "empty when none was given")
        public String deviceDesc;

        @Schema(required = true, example = "+08:00")
        public String timezone;

        @Schema(required = true, description = "epoch milliseconds")
        public long createTime;
    }

    @Schema(name = "EnosIssuedCertificate", description = "a certificate just issued (apply or renew)")
    public static class IssuedCertificate {
        @Schema(required = true, description = "where the issuing root can be downloaded (PEM)")
        public String certChainURL;

        @Schema(required = true, description = "the certificate, PEM")
        public String cert;

        @Schema(required = true, description = "the certificate number, as the specs' samples name it")
        public String certSN;

        @Schema(required = true, description = "the same number, as the specs' tables name it")
        public String certSn;

        @Schema(required = true, description = "the issuing root, PEM")
        public String caCert;

        @Schema(required = true, enumeration = {"RSA", "ECC"})
        public String issueAuthority;
    }

    @Schema(name = "EnosCertificate", description = "a certificate bound to the device")
    public static class Certificate {
        @Schema(required = true)
        public String certSN;

        @Schema(required = true)
        public String certSn;

        @Schema(required = true, description = "PEM")
        public String cert;

        @Schema(required = true, description = "0 valid, 1 revoked, 2 expired", enumeration = {"0", "1", "2"})
        public int certStatus;

        @Schema(required = true, enumeration = {"RSA", "ECC"})
        public String issueAuthority;

        @Schema(required = true, description = "issuer DN")
        public String issuer;

        @Schema(required = true, description = "subject DN")
        public String subject;

        @Schema(required = true, description = "X.509 serial number, hexadecimal")
        public String serialNumber;

        @Schema(required = true, description = "epoch milliseconds")
        public long signDate;

        @Schema(required = true, description = "notBefore, epoch milliseconds")
        public long effectiveDate;

        @Schema(required = true, description = "notAfter, epoch milliseconds")
        public long expireDate;

        @Schema(required = true, nullable = true, description = "the revocation reason code (0, 1, 3, 4, 5, 6, "
                + "9); null when not revoked")
        public Integer revokeReason;

        @Schema(nullable = true, description = "epoch milliseconds; present only when revoked")
        public Long revokeDate;
    }

    @Schema(name = "EnosDeviceIdentifier", description = "a device: its assetId, or productKey + deviceKey")
    public static class DeviceIdentifier {
        public String assetId;
        public String productKey;
        public String deviceKey;
    }
}
