package io.certgate.web.admin.schema;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ACME of an organization as operators manage it: binding keys and accounts (AcmeAdminResource). */
public final class AdminAcme {

    private AdminAcme() {
    }

    @Schema(name = "AdminAcmeEabKeyCreated", description = "an external account binding key with its HMAC key, "
            + "shown once")
    public static class EabKeyCreated {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true, description = "what the ACME client gives as its EAB key id (--eab-kid, --kid)")
        public String keyId;

        @Schema(required = true, description = "the HMAC key, base64url; shown only here")
        public String hmacKey;
    }

    @Schema(name = "AdminAcmeEabKey", description = "an external account binding key (never its HMAC key)")
    public static class EabKey {
        @Schema(required = true)
        public String keyId;

        @Schema(required = true)
        public boolean enabled;

        @Schema(required = true)
        public String createdAt;

        @Schema(required = true)
        public String createdBy;

        @Schema(description = "the account it bound, once used")
        public Long accountId;

        @Schema(description = "when it bound the account")
        public String usedAt;
    }

    @Schema(name = "AdminAcmeEabKeyList")
    public static class EabKeyList {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true)
        public List<EabKey> eabKeys;
    }

    @Schema(name = "AdminAcmeAccount", description = "an ACME account of the organization's directory")
    public static class Account {
        @Schema(required = true)
        public long id;

        @Schema(required = true, enumeration = {"valid", "deactivated"})
        public String status;

        @Schema(required = true, description = "its contact URLs, separated by spaces (empty: none)")
        public String contact;

        @Schema(required = true, description = "the binding key that made it (empty: open registration)")
        public String eabKeyId;

        @Schema(required = true, description = "the RFC 7638 thumbprint of its key")
        public String keyThumbprint;

        @Schema(required = true)
        public String createdAt;
    }

    @Schema(name = "AdminAcmeAccountList")
    public static class AccountList {
        @Schema(required = true)
        public String orgId;

        @Schema(required = true)
        public List<Account> accounts;
    }
}
