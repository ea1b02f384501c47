package io.certgate.web.admin.schema;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Operators and their roles (OperatorAdminResource), and audit records (AuditViews). */
public final class AdminOperators {

    private AdminOperators() {
    }

    @Schema(name = "AdminOperator")
    public static class Operator {
        @Schema(required = true)
        public String name;

        @Schema(required = true, enumeration = {"admin", "approver", "auditor"})
        public String role;

        @Schema(required = true)
        public boolean enabled;

        @Schema(required = true, description = "ISO-8601")
        public String createdAt;
    }

    @Schema(name = "AdminOperatorWithPassword", description = "the operator with its generated password, shown once")
    public static class WithPassword extends Operator {
        @Schema(required = true)
        public String password;
    }

    @Schema(name = "AdminOperatorList")
    public static class OperatorList {
        @Schema(required = true, description = "by name")
        public List<Operator> operators;
    }

    @Schema(name = "AdminOperatorRequest")
    public static class OperatorRequest {
        @Schema(required = true)
        public String name;

        @Schema(required = true, enumeration = {"admin", "approver", "auditor"})
        public String role;
    }

    @Schema(name = "AdminRoleRequest")
    public static class RoleRequest {
        @Schema(required = true, enumeration = {"admin", "approver", "auditor"})
        public String role;
    }

    @Schema(name = "AdminAuditRecord")
    public static class AuditRecord {
        @Schema(required = true, description = "ISO-8601")
        public String at;

        @Schema(required = true)
        public String orgId;

        @Schema(required = true, description = "enos:<appKey>, ra:<account>, admin:<user>, est:<assetId>, "
                + "scep:<assetId>, system or bootstrap")
        public String actor;

        @Schema(required = true, example = "certificate.revoke")
        public String action;

        @Schema(required = true)
        public String target;

        @Schema(required = true)
        public String outcome;

        @Schema(required = true, description = "the request id the answer carried")
        public String requestId;
    }
}
