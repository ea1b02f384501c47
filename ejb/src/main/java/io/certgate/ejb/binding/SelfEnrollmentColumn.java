package io.certgate.ejb.binding;

import io.certgate.ejb.common.SortColumn;

/** The columns the pending self-enrollments may be ordered by: id, protocol, requestedAt (the request's fields). */
public enum SelfEnrollmentColumn implements SortColumn {
    ID, PROTOCOL, REQUESTED_AT;

    @Override
    public String path() {
        return "e." + key();
    }
}
