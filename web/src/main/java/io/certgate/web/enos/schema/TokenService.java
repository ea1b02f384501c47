package io.certgate.web.enos.schema;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The EnOS token service's request and answers (EnosTokenResource). */
public final class TokenService {

    private TokenService() {
    }

    @Schema(name = "EnosTokenRequest")
    public static class Request {
        @Schema(required = true, description = "the service account's appKey")
        public String appKey;

        @Schema(required = true, description = "sha256_hex(appKey + timestamp + appSecret); each is accepted once")
        public String encryption;

        @Schema(required = true, description = "epoch milliseconds, within 5 minutes of the server's clock")
        public long timestamp;
    }

    @Schema(name = "EnosTokenGranted")
    public static class Granted {
        @Schema(required = true, description = "0", enumeration = "0")
        public int status;

        @Schema(required = true, example = "Success")
        public String msg;

        @Schema(required = true)
        public Token data;
    }

    @Schema(name = "EnosAccessToken")
    public static class Token {
        @Schema(required = true, description = "for Authorization: Bearer, or apim-accesstoken with a signature")
        public String accessToken;

        @Schema(required = true, description = "seconds the token stays valid", example = "7200")
        public long expire;
    }

    @Schema(name = "EnosTokenRefused", description = "no token (still HTTP 200)")
    public static class Refused {
        @Schema(required = true, description = "1001 encryption used before, 1002 unknown appKey, 1003 bad "
                + "encryption, 1004 bad parameter or timestamp, 1005 internal error, 1202 parameter "
                        + "required", enumeration = {"1001", "1002", "1003", "1004", "1005", "1202"})
        public int status;

        @Schema(required = true)
        public String msg;
    }
}
