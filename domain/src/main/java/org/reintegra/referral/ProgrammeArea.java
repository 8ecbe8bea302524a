package org.reintegra.referral;

/** The five rehabilitation / resocialisation programme areas of the agency. */
public enum ProgrammeArea {
    PSYCHOSOCIAL_REHABILITATION,
    OVERCOMING_ADDICTIONS,
    PROSOCIAL_BEHAVIOUR,
    EDUCATION_PROMOTION,
    EMPLOYMENT_PROMOTION
}
