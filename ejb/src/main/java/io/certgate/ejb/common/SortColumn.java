package io.certgate.ejb.common;

/** A column a list may be ordered by: its name in a link or the admin API, and its JPQL path. */
public interface SortColumn {

    /** The name a link or the admin API writes ({@code issued}, {@code at}, ...). */
    String key();

    /** The JPQL path the ORDER BY names ({@code c.signedAt}). */
    String path();
}
