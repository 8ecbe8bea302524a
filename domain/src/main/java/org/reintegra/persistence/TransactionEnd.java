package org.reintegra.persistence;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.IntConsumer;

/** Work for when the current transaction has ended, told its outcome ({@link jakarta.transaction.Status}). */
public final class TransactionEnd {

    private TransactionEnd() {
    }

    /** Runs {@code action} with the transaction's final status once it has committed or rolled back. */
    public static void afterCompletion(TransactionSynchronizationRegistry transactions, IntConsumer action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // only the outcome matters
            }

            @Override
            public void afterCompletion(int status) {
                action.accept(status);
            }
        });
    }
}
