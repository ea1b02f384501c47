package io.certgate.domain.enrollment;

/** Enrollment of a new certificate or renewal of an existing one. */
public enum TransactionKind { ENROLL, RENEW }
