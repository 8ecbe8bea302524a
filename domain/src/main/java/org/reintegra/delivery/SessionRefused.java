package org.reintegra.delivery;

import jakarta.ejb.ApplicationException;
import org.reintegra.access.InputRejected;

/** A session, enrolment or card entry the rules refuse; nothing was stored. */
@ApplicationException(rollback = true)
public class SessionRefused extends InputRejected {

    private static final long serialVersionUID = 1L;

    public SessionRefused(String messageKey) {
        super("session", messageKey);
    }

    public SessionRefused(String field, String messageKey) {
        super(field, messageKey);
    }
}
