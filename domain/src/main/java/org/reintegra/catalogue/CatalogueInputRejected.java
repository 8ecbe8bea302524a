package org.reintegra.catalogue;

import jakarta.ejb.ApplicationException;
import org.reintegra.access.InputRejected;

/** A catalogue entry the rules refuse; nothing was stored. */
@ApplicationException(rollback = true)
public class CatalogueInputRejected extends InputRejected {

    private static final long serialVersionUID = 1L;

    public CatalogueInputRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
