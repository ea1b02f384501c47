package io.certgate.ejb.enrollment;

import io.certgate.ejb.common.SortColumn;

/** The columns the pending DigiCert requests may be ordered by: id, type, requestedBy, createdAt (the request's fields). */
public enum OrderRequestColumn implements SortColumn {
    ID, TYPE, REQUESTED_BY, CREATED_AT;

    @Override
    public String path() {
        return "r." + key();
    }
}
