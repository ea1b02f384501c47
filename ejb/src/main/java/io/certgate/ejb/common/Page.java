package io.certgate.ejb.common;

import java.util.List;

/** One page of a list: {@code total} entries in all, {@code items} those from the request's offset. */
public record Page<T>(long total, PageRequest request, List<T> items) {

    public Page {
        items = List.copyOf(items);
    }

    /** Whether entries follow this page. */
    public boolean hasMore() {
        return request.offset() + items.size() < total;
    }
}
