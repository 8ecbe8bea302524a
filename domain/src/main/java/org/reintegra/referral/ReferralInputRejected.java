package org.reintegra.referral;

import jakarta.ejb.ApplicationException;

/** Referral input the service refuses, with the field it concerns and a message key; nothing was stored. */
@ApplicationException(rollback = true)
public class ReferralInputRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ReferralInputRejected(String field, String messageKey) {
        super(messageKey);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The translation key of the message to show. */
    public String messageKey() {
        return getMessage();
    }
}
