package org.reintegra.performance;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.function.Predicate;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.organisation.Organisation;
import org.reintegra.organisation.OrganisationKind;

/**
 * Whose performance the caller looks at: an agency's referrals across partners, or a partner's own.
 * The same two people meet in quality reviews: the liaison officer reviews, the partner's admin answers.
 */
public enum PerformanceSide {
    /** An agency liaison officer: every referral the agency sent, across its partners. */
    AGENCY,
    /** A partner admin: the referrals the partner received. */
    PARTNER;

    /**
     * The caller's side, from their organisation (looked up by id) and roles: a liaison officer in
     * an agency, an admin in a partner; anyone else has none (default deny).
     */
    public static Optional<PerformanceSide> of(EntityManager entityManager, Actor actor, Predicate<String> callerHasRole) {
        Organisation own = entityManager.find(Organisation.class, actor.tenant().value());
        if (own == null) {
            return Optional.empty();
        }
        if (own.kind() == OrganisationKind.AGENCY && callerHasRole.test(Roles.AGENCY_LIAISON)) {
            return Optional.of(AGENCY);
        }
        if (own.kind() == OrganisationKind.PARTNER && callerHasRole.test(Roles.PARTNER_ADMIN)) {
            return Optional.of(PARTNER);
        }
        return Optional.empty();
    }
}
