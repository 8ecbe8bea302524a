package org.reintegra.identity;

import jakarta.ejb.ApplicationException;
import org.reintegra.access.InputRejected;

/** A name the identity provider already has: the user name, the e-mail address or the organisation's alias. */
@ApplicationException(rollback = true)
public class IdentityConflict extends InputRejected {

    private static final long serialVersionUID = 1L;

    public IdentityConflict(String field, String messageKey) {
        super(field, messageKey);
    }
}
