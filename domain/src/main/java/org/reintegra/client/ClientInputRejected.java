package org.reintegra.client;

import jakarta.ejb.ApplicationException;

/** Client data the service refuses, with the field it concerns; nothing was stored. */
@ApplicationException(rollback = true)
public class ClientInputRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ClientInputRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field at fault (reference, givenName, familyName, dateOfBirth, sex, email). */
    public String field() {
        return field;
    }
}
