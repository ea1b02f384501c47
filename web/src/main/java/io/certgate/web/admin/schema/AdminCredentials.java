package io.certgate.web.admin.schema;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Organizations' credentials: made, listed, disabled, rotated (AdminResource, CredentialAdminResource). */
public final class AdminCredentials {

    private AdminCredentials() {
    }

    @Schema(name = "AdminEnosServiceAccount", description = "an EnOS service account with its secret, shown once")
    public static class EnosServiceAccount {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true)
        public String appKey;

        @Schema(required = true, description = "shown only here")
        public String appSecret;
    }

    @Schema(name = "AdminEnosServiceAccountDisabled")
    public static class EnosServiceAccountDisabled {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true)
        public String appKey;

        @Schema(required = true, enumeration = "false")
        public boolean enabled;
    }

    @Schema(name = "AdminDigiCertKey", description = "a new X-DC-DEVKEY, shown once")
    public static class DigiCertKey {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true, description = "shown only here")
        public String key;

        @Schema(enumeration = {"admin", "manager", "user"}, description = "the key's role")
        public String role;

        @Schema(description = "the user behind the key, when named")
        public String user;
    }

    @Schema(name = "AdminDigiCertKeyRequest", description = "optional")
    public static class DigiCertKeyRequest {
        @Schema(enumeration = {"admin", "manager", "user"}, defaultValue = "admin", description = "admin: decides "
                + "requests (its own too, unless a second person is required) and may skip approval; manager: decides "
                + "other people's requests; user: places requests only")
        public String role;

        @Schema(description = "the user behind the key (a rotated key keeps it); default: the key is its own user")
        public String user;
    }

    @Schema(name = "AdminDigiCertPolicy")
    public static class DigiCertPolicy {
        @Schema(description = "in answers")
        public String orgId;

        @Schema(required = true, description = "a second person must approve DigiCert requests")
        public boolean secondApprover;
    }

    @Schema(name = "AdminDigiCertKeyRotated")
    public static class DigiCertKeyRotated extends DigiCertKey {
        @Schema(required = true, description = "the new key's id (its first 12 characters)")
        public String keyId;

        @Schema(required = true, description = "the id of the key it replaced, now disabled")
        public String replaced;
    }

    @Schema(name = "AdminDigiCertKeyDisabled")
    public static class DigiCertKeyDisabled {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true)
        public String keyId;

        @Schema(required = true, enumeration = "false")
        public boolean enabled;
    }

    @Schema(name = "AdminRaAccountRequest")
    public static class RaAccountRequest {
        @Schema(required = true, description = "unique across organizations, [A-Za-z0-9_.:-]{1,64}")
        public String name;

        @Schema(description = "its requests wait for an approver", defaultValue = "false")
        public Boolean requireApproval;

        @Schema(description = "specificEndDate is honoured", defaultValue = "false")
        public Boolean allowSpecificEndDate;

        @Schema(description = "may approve and reject other accounts' requests", defaultValue = "false")
        public Boolean approver;
    }

    @Schema(name = "AdminRaAccountOptions")
    public static class RaAccountOptions {
        @Schema(required = true)
        public String name;

        @Schema(required = true)
        public boolean requireApproval;

        @Schema(required = true)
        public boolean allowSpecificEndDate;

        @Schema(required = true)
        public boolean approver;
    }

    @Schema(name = "AdminNewRaAccount", description = "the account with its TLS client certificate and key, shown once")
    public static class NewRaAccount extends RaAccountOptions {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true, description = "base64 PKCS#12 with the client certificate and its key")
        public String p12;

        @Schema(required = true, description = "the PKCS#12's password")
        public String password;
    }

    @Schema(name = "AdminRaAccount")
    public static class RaAccount extends RaAccountOptions {
        @Schema(required = true)
        public boolean enabled;

        @Schema(required = true, description = "ISO-8601")
        public String createdAt;

        @Schema(required = true, nullable = true, description = "its client certificate; null when it has none")
        public RaCertificate certificate;
    }

    @Schema(name = "AdminRaAccountDisabled", description = "the account, disabled; its certificate revoked")
    public static class RaAccountDisabled extends RaAccount {
        @Schema(required = true)
        public String orgId;
    }

    @Schema(name = "AdminRaCertificate")
    public static class RaCertificate {
        @Schema(required = true)
        public long certSn;

        @Schema(required = true, description = "hexadecimal")
        public String serial;

        @Schema(required = true, description = "ISO-8601")
        public String notAfter;

        @Schema(required = true, enumeration = {"valid", "expired", "revoked"})
        public String status;
    }

    @Schema(name = "AdminApiCredential", description = "an EnOS service account (appKey) or DigiCert key (keyId)")
    public static class ApiCredential {
        @Schema(description = "EnOS service accounts")
        public String appKey;

        @Schema(description = "DigiCert keys: the key's first 12 characters")
        public String keyId;

        @Schema(description = "DigiCert keys: admin, manager or user")
        public String role;

        @Schema(description = "DigiCert keys: the user behind the key")
        public String user;

        @Schema(required = true)
        public boolean enabled;

        @Schema(required = true, description = "ISO-8601")
        public String createdAt;

        @Schema(required = true, description = "the actor that made it")
        public String createdBy;
    }

    @Schema(name = "AdminCredentialList", description = "never a secret")
    public static class CredentialList {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true)
        public List<ApiCredential> enosServiceAccounts;

        @Schema(required = true)
        public List<ApiCredential> digicertKeys;

        @Schema(required = true)
        public List<RaAccount> raAccounts;
    }
}
