package org.reintegra.client;

import jakarta.ejb.ApplicationException;
import org.reintegra.access.InputRejected;

/** Client data the service refuses (fields: reference, givenName, familyName, dateOfBirth, sex, email). */
@ApplicationException(rollback = true)
public class ClientInputRejected extends InputRejected {

    private static final long serialVersionUID = 1L;

    public ClientInputRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
