package org.reintegra.outcome;

import org.reintegra.referral.DesiredOutcome;

/** One desired outcome of the referral with its rating and the partner's comment. */
public record RatedOutcome(DesiredOutcome outcome, OutcomeRating rating, String comment) {
}
