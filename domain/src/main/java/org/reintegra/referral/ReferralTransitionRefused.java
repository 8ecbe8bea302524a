package org.reintegra.referral;

import jakarta.ejb.ApplicationException;

/** A command (null: an amendment, a reassignment or a draft edit) that the referral's state or the actor's side does not allow; nothing was changed. */
@ApplicationException(rollback = true)
public class ReferralTransitionRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ReferralStatus status;
    private final ReferralCommand command;

    public ReferralTransitionRefused(ReferralStatus status, ReferralCommand command, String why) {
        super("Cannot " + (command == null ? "change" : command.name().toLowerCase().replace('_', ' ')) + " a referral that is "
                + status.name().toLowerCase().replace('_', ' ') + ": " + why);
        this.status = status;
        this.command = command;
    }

    public ReferralStatus status() {
        return status;
    }

    public ReferralCommand command() {
        return command;
    }
}
