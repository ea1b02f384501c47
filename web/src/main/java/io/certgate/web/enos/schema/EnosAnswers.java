package io.certgate.web.enos.schema;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The EnOS envelope with each kind of data: one schema per answer. */
public final class EnosAnswers {

    private EnosAnswers() {
    }

    @Schema(name = "EnosProductKeyAnswer", description = "products action=create: the new product's productKey")
    public static class ProductKey extends EnosEnvelope {
        @Schema(required = true, description = "the productKey", example = "Xh3kP9qLm2")
        public String data;
    }

    @Schema(name = "EnosProductAnswer", description = "products action=get")
    public static class Product extends EnosEnvelope {
        @Schema(required = true)
        public EnosData.Product data;
    }

    @Schema(name = "EnosNewDeviceAnswer", description = "devices action=create: the device with its secret")
    public static class NewDevice extends EnosEnvelope {
        @Schema(required = true)
        public EnosData.NewDevice data;
    }

    @Schema(name = "EnosDeviceAnswer", description = "devices action=get")
    public static class Device extends EnosEnvelope {
        @Schema(required = true)
        public EnosData.Device data;
    }

    @Schema(name = "EnosIssuedCertificateAnswer", description = "certificates action=apply or renew")
    public static class IssuedCertificate extends EnosEnvelope {
        @Schema(required = true)
        public EnosData.IssuedCertificate data;
    }

    @Schema(name = "EnosRevokedAnswer", description = "certificates action=revoke: the revoked certSn")
    public static class Revoked extends EnosEnvelope {
        @Schema(required = true, description = "the certSn that is now revoked, as a string", example = "42")
        public String data;
    }

    @Schema(name = "EnosCertificateListAnswer", description = "certificates action=list (or get): the device's "
            + "certificates")
    public static class CertificateList extends EnosEnvelope {
        @Schema(required = true)
        public List<EnosData.Certificate> data;
    }

    @Schema(name = "EnosErrorAnswer", description = "an EnOS error: a non-zero code, its message and no data "
            + "(HTTP 200, "
            + "or 401 for authentication refusals, 413 for bodies over 64 KiB)")
    public static class Refusal extends EnosEnvelope {
        @Schema(required = true, nullable = true, type = SchemaType.OBJECT, description = "always null")
        public Object data;
    }
}
