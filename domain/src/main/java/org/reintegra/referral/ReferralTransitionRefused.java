package org.reintegra.referral;

import jakarta.ejb.ApplicationException;

/** A command (null: an amendment, a reassignment or a draft edit) that the referral's state or the actor's side does not allow; nothing was changed. */
@ApplicationException(rollback = true)
public class ReferralTransitionRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ReferralStatus status;
    private final ReferralCommand command;
    private final String messageKey;

    public ReferralTransitionRefused(ReferralStatus status, ReferralCommand command, String why) {
        this(status, command, why, null);
    }

    /** With the translation key of a message that says more than "not allowed in this state". */
    public ReferralTransitionRefused(ReferralStatus status, ReferralCommand command, String why, String messageKey) {
        super("Cannot " + (command == null ? "change" : command.name().toLowerCase().replace('_', ' ')) + " a referral that is "
                + status.name().toLowerCase().replace('_', ' ') + ": " + why);
        this.status = status;
        this.command = command;
        this.messageKey = messageKey;
    }

    /** The specific message's translation key, or null when the state alone explains the refusal. */
    public String messageKey() {
        return messageKey;
    }

    public ReferralStatus status() {
        return status;
    }

    public ReferralCommand command() {
        return command;
    }
}
