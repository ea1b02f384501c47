package io.certgate.ejb.common;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * Who is calling in this request, set by the facade that authenticated the caller: the actor (e.g.
 * {@code enos:<appKey>}, {@code ra:<account>}, {@code admin:<user>}), the organization, and the request id
 * that answers and logs carry. The audit trail reads it.
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
}
