package org.reintegra.referral;

import jakarta.ejb.ApplicationException;
import org.reintegra.access.InputRejected;

/** Referral input the service refuses (fields: client, partner, programmeArea, serviceType, ...). */
@ApplicationException(rollback = true)
public class ReferralInputRejected extends InputRejected {

    private static final long serialVersionUID = 1L;

    public ReferralInputRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
