package io.certgate.ejb.access;

/** An operator was created, given a role or a password, or disabled (a CDI event, observed after the commit). */
public record OperatorsChanged(String username) {
}
