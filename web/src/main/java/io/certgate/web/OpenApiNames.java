package io.certgate.web;

/** Names the OpenAPI annotations share: tags, security schemes, shared responses (declared on CertgateApplication). */
public final class OpenApiNames {

    public static final String TAG_ENOS = "EnOS connect-service";
    public static final String TAG_ENOS_TOKEN = "EnOS token service";
    public static final String TAG_DIGICERT = "DigiCert CertCentral";
    public static final String TAG_ADMIN = "Admin API";
    public static final String TAG_PKI = "Public PKI";
    public static final String TAG_ACME = "ACME";

    public static final String ENOS_BEARER = "enosBearer";
    public static final String ENOS_ACCESS_TOKEN = "enosApimAccessToken";
    public static final String ENOS_TIMESTAMP = "enosApimTimestamp";
    public static final String ENOS_SIGNATURE = "enosApimSignature";
    public static final String DIGICERT_KEY = "digicertDevKey";
    public static final String ADMIN_BASIC = "adminBasic";

    public static final String ENOS_REFUSED = "EnosRefused";
    public static final String DIGICERT_ERROR = "DigiCertError";
    public static final String ADMIN_ERROR = "AdminError";
    public static final String ADMIN_UNAUTHORIZED = "AdminUnauthorized";
    public static final String ADMIN_FORBIDDEN = "AdminForbidden";

    private OpenApiNames() {
    }
}
