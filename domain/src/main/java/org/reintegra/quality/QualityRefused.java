package org.reintegra.quality;

import jakarta.ejb.ApplicationException;
import org.reintegra.access.InputRejected;

/** A quality-review step the rules refuse (the field and the message key say why); nothing was stored. */
@ApplicationException(rollback = true)
public class QualityRefused extends InputRejected {

    private static final long serialVersionUID = 1L;

    public QualityRefused(String field, String messageKey) {
        super(field, messageKey);
    }
}
