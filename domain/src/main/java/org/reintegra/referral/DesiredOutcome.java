package org.reintegra.referral;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the agency wants a service to achieve for the client. Each outcome belongs to the services
 * that can achieve it; the officer chooses among those of the referral's service, and the partner's
 * end-of-service report rates each one chosen.
 */
public enum DesiredOutcome {
    ENGAGES_WITH_SERVICE(EnumSet.allOf(ServiceType.class)),
    LEGAL_ISSUE_RESOLVED(EnumSet.of(ServiceType.LEGAL_ASSISTANCE)),
    LEGAL_REPRESENTATION_SECURED(EnumSet.of(ServiceType.LEGAL_ASSISTANCE)),
    HEALTH_COVERAGE_ARRANGED(EnumSet.of(ServiceType.HEALTHCARE_SUPPORT)),
    TREATMENT_STARTED(EnumSet.of(ServiceType.HEALTHCARE_SUPPORT, ServiceType.ADDICTION_PROGRAMME)),
    WELLBEING_IMPROVED(EnumSet.of(ServiceType.PSYCHOLOGICAL_CONSULTATION, ServiceType.ART_THERAPY)),
    SUBSTANCE_USE_REDUCED(EnumSet.of(ServiceType.ADDICTION_PROGRAMME)),
    RELAPSE_PREVENTION_PLAN(EnumSet.of(ServiceType.ADDICTION_PROGRAMME)),
    PROSOCIAL_SKILLS_IMPROVED(EnumSet.of(ServiceType.PROSOCIAL_PROGRAMME, ServiceType.ART_THERAPY,
            ServiceType.SPORTS_CULTURAL_EVENTS)),
    COURSE_COMPLETED(EnumSet.of(ServiceType.PROFESSIONAL_RETRAINING, ServiceType.INFORMAL_EDUCATION,
            ServiceType.LANGUAGE_AND_SUBJECT_COURSES)),
    QUALIFICATION_OBTAINED(EnumSet.of(ServiceType.PROFESSIONAL_RETRAINING, ServiceType.LANGUAGE_AND_SUBJECT_COURSES)),
    ID_CARD_ISSUED(EnumSet.of(ServiceType.ID_CARD)),
    TRANSPORT_CARD_ISSUED(EnumSet.of(ServiceType.TRANSPORT_CARD)),
    HOUSING_SECURED(EnumSet.of(ServiceType.HOUSING)),
    EMPLOYMENT_SECURED(EnumSet.of(ServiceType.EMPLOYMENT_PLACEMENT, ServiceType.PROFESSIONAL_RETRAINING)),
    BENEFITS_CLAIMED(EnumSet.of(ServiceType.BENEFITS_ADVICE)),
    FAMILY_CONTACT_RESTORED(EnumSet.of(ServiceType.FAMILY_TIES));

    private final Set<ServiceType> services;

    DesiredOutcome(Set<ServiceType> services) {
        this.services = services;
    }

    public boolean fits(ServiceType service) {
        return services.contains(service);
    }

    /** The outcomes an officer may choose for a service, in catalogue order. */
    public static List<DesiredOutcome> forService(ServiceType service) {
        return Arrays.stream(values()).filter(outcome -> outcome.fits(service)).toList();
    }
}
