package org.reintegra.quality;

/** What a liaison officer checks on each sampled referral. */
public enum QualityCheck {
    ANSWERED_PROMPTLY,
    ACTION_PLAN_AGREED,
    SESSIONS_RECORDED,
    ABSENCES_EXPLAINED,
    CONCERNS_RAISED,
    EVERY_OUTCOME_RATED,
    REPORT_EXPLAINS_RESULT
}
