package org.reintegra.intake;

import jakarta.ejb.ApplicationException;

/** The Idempotency-Key was used before for a different request (another body or operation). */
@ApplicationException(rollback = true)
public class IdempotencyKeyReused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReused() {
        super("This Idempotency-Key was already used for a different request");
    }
}
