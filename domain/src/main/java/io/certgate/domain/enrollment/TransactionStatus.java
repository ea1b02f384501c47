package io.certgate.domain.enrollment;

/** Where an enrollment transaction stands. */
public enum TransactionStatus { PENDING, ISSUED, REJECTED }
