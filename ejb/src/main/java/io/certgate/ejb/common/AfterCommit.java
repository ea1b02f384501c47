package io.certgate.ejb.common;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs what must only be said once the transaction holds: "Issued certSn N" in the log or a metric counted for
 * a certificate that a crash or a rollback never committed would mislead an operator.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** After the current transaction commits (never after a rollback); at once when there is no transaction. */
    public static void run(TransactionSynchronizationRegistry registry, Runnable action) {
        if (registry == null || registry.getTransactionKey() == null) {
            action.run();
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
