package io.certgate.web.admin;

import io.certgate.domain.access.AuditRecord;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/** The admin API's JSON for audit records: {@code [{at, orgId, actor, action, target, outcome, requestId}]}. */
final class AuditViews {

    private AuditViews() {
    }

    static JsonArray records(List<AuditRecord> records) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (AuditRecord r : records) {
            a.add(Json.createObjectBuilder().add("at", r.getAt().toString()).add("orgId", r.getOrgId())
                    .add("actor", r.getActor()).add("action", r.getAction()).add("target", r.getTarget())
                    .add("outcome", r.getOutcome()).add("requestId", r.getRequestId()));
        }
        return a.build();
    }
}
