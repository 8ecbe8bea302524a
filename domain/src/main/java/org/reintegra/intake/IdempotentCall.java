package org.reintegra.intake;

/** The outcome of an idempotent call: the response, and whether it was replayed from an earlier call. */
public record IdempotentCall(StoredResponse response, boolean replayed) {
}
