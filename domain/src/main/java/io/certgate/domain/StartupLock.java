package io.certgate.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row instances lock (SELECT ... FOR UPDATE) for their first-start work: whoever holds it creates
 * what is missing and commits; the others wait, then find it and load it.
 */
@Entity
@Table(name = "CG_STARTUP_LOCK")
public class StartupLock {

    public static final int ID = 1;

    @Id
    @Column(name = "ID")
    private Integer id;

    protected StartupLock() {
    }
}
