package io.certgate.web.digicert.schema;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and who placed and decided them (DigiCertRequestResource, DigiCertViews.request). */
public final class DigiCertApprovals {

    private DigiCertApprovals() {
    }

    @Schema(name = "DigiCertPerson", description = "certgate knows actors (digicert:<key id>, admin:<user>), not "
            + "people: the actor is the first name")
    public static class Person {
        @Schema(required = true)
        public long id;

        @Schema(name = "first_name", required = true)
        public String firstName;

        @Schema(name = "last_name", required = true)
        public String lastName;

        @Schema(required = true)
        public String email;
    }

    @Schema(name = "DigiCertRequestInfo")
    public static class Request {
        @Schema(required = true)
        public long id;

        @Schema(required = true, description = "RFC 3339")
        public String date;

        @Schema(required = true, enumeration = {"new_request", "reissue", "duplicate", "revoke"})
        public String type;

        @Schema(required = true, enumeration = {"pending", "approved", "rejected", "canceled"})
        public String status;

        @Schema(required = true)
        public Person requester;

        @Schema(required = true)
        public RequestOrder order;

        public String comments;

        @Schema(description = "who decided, once decided")
        public Person processor;

        @Schema(name = "date_processed")
        public String dateProcessed;

        @Schema(name = "processor_comment")
        public String processorComment;

        @Schema(name = "certificate_id", description = "once issued; for a revoke request, the certificate it revokes "
                + "(none: every certificate of the order)")
        public Long certificateId;

        @Schema(name = "revocation_reason", description = "revoke requests")
        public String revocationReason;
    }

    @Schema(name = "DigiCertRequestOrder")
    public static class RequestOrder {
        @Schema(required = true)
        public long id;

        @Schema(required = true)
        public String status;

        @Schema(required = true)
        public RequestedCertificate certificate;

        @Schema(required = true)
        public DigiCertAccount.Product product;

        @Schema(required = true)
        public DigiCertAccount.Organization organization;
    }

    @Schema(name = "DigiCertRequestedCertificate")
    public static class RequestedCertificate {
        @Schema(name = "common_name")
        public String commonName;

        @Schema(name = "dns_names", required = true)
        public List<String> dnsNames;

        @Schema(name = "signature_hash", required = true)
        public String signatureHash;

        @Schema(name = "ca_cert", required = true)
        public DigiCertAccount.CaCert caCert;
    }

    @Schema(name = "DigiCertRequestList")
    public static class RequestList {
        @Schema(required = true)
        public List<Request> requests;

        @Schema(required = true)
        public DigiCertAccount.Page page;
    }
}
