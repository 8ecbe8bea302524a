package org.reintegra.access;

import jakarta.ejb.ApplicationException;

/**
 * Input a service refuses: the field it concerns and the translation key of the message to show.
 * Nothing was stored; the form keeps what was typed and marks the field.
 */
@ApplicationException(rollback = true)
public class InputRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InputRejected(String field, String messageKey) {
        super(messageKey);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return getMessage();
    }
}
