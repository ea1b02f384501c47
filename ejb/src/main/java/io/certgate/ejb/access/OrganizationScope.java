package io.certgate.ejb.access;

import io.certgate.ejb.common.CallerContext;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Every query is scoped by the caller's organization: a caller authenticated for one organization that names
 * another gets {@link UnknownOrganizationException}, exactly as for an organization that does not exist.
 * Operators (admin) and start-up work have no organization and are not restricted.
 */
@Dependent
public class OrganizationScope {

    @Inject
    private CallerContext caller;

    public String require(String orgId) {
        String own;
        try {
            own = caller.orgId();
        } catch (ContextNotActiveException e) {
            return orgId;
        }
        if (own != null && !own.equals(orgId)) {
            throw new UnknownOrganizationException();
        }
        return orgId;
    }
}
