package io.certgate.web.support;

import io.certgate.domain.access.Caller;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * Who is calling in this request, set by the facade filter or resource that authenticated the caller: the actor
 * (e.g. {@code enos:<appKey>}, {@code ra:<account>}, {@code admin:<user>}), the organization, and the request id
 * that answers and logs carry. Facades hand the business layer an explicit {@link Caller} made from it; an
 * unauthenticated request makes a caller without organization, which every business method refuses.
 */
@RequestScoped
public class CallerContext {

    private String actor = "anonymous";
    private String orgId;
    private String requestId = UUID.randomUUID().toString();

    public void set(String actor, String orgId) {
        this.actor = actor;
        this.orgId = orgId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public String actor() {
        return actor;
    }

    public String orgId() {
        return orgId;
    }

    public String requestId() {
        return requestId;
    }

    /** The caller to hand to the business layer. */
    public Caller caller() {
        return Caller.of(orgId, actor, requestId);
    }
}
