package org.reintegra.identity;

import jakarta.ejb.ApplicationException;

/** The identity provider did not answer, or answered with a server error; nothing can be said about the call's effect. */
@ApplicationException(rollback = true)
public class IdentityUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdentityUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public IdentityUnavailable(String message) {
        super(message);
    }
}
