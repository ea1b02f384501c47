package io.certgate.web.admin;

import io.certgate.domain.access.AuditRecord;
import io.certgate.ejb.common.Page;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The admin API's JSON for audit records: {@code {at, orgId, actor, action, target, outcome, requestId}} each, as a
 * page ({@code {total, offset, limit, records}}) of a filtered search, or as the plain array of the newest
 * ({@code ?max=} alone, the older form).
 */
public final class AuditViews {

    private AuditViews() {
    }

    @Schema(name = "AuditEntry", description = "One state change: who did what to what, with which outcome")
    public record AuditEntry(@Schema Instant at, @Schema String orgId,
                             @Schema(description = "enos:<appKey>, ra:<account>, admin:<user>, est:<assetId>, "
                                     + "scep:<assetId>, system or bootstrap")
                             String actor,
                             @Schema(description = "e.g. certificate.revoke") String action, @Schema String target,
                             @Schema String outcome,
                             @Schema(description = "the request id the answer to the change carried")
                             String requestId) {

        static AuditEntry of(AuditRecord r) {
            return new AuditEntry(r.getAt(), r.getOrgId(), r.getActor(), r.getAction(), r.getTarget(), r.getOutcome(),
                    r.getRequestId());
        }
    }

    @Schema(name = "AuditList", description = "A page of the organization's audit records, newest first")
    public record AuditList(@Schema long total, @Schema int offset, @Schema int limit,
                            @Schema List<AuditEntry> records) {

        static AuditList of(Page<AuditRecord> page) {
            return new AuditList(page.total(), page.request().offset(), page.request().limit(),
                    page.items().stream().map(AuditEntry::of).toList());
        }
    }

    /** The older form's answer, for the document only: a plain array of records. */
    @Schema(name = "AuditEntries", type = SchemaType.ARRAY, implementation = AuditEntry.class,
            description = "the newest records (the older form, ?max= alone)")
    public static final class AuditRecords {
        private AuditRecords() {
        }
    }

    /** One record as the API's page lists it (the console's CSV export writes the same). */
    public static jakarta.json.JsonObject entry(AuditRecord r) {
        return RecordJson.of(AuditEntry.of(r));
    }

    static JsonArray records(List<AuditRecord> records) {
        JsonArrayBuilder a = jakarta.json.Json.createArrayBuilder();
        for (AuditRecord r : records) {
            a.add(RecordJson.of(AuditEntry.of(r)));
        }
        return a.build();
    }
}
