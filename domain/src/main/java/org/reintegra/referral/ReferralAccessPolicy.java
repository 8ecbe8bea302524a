package org.reintegra.referral;

import java.util.Optional;
import java.util.function.Predicate;
import org.reintegra.access.Roles;
import org.reintegra.organisation.OrganisationCategory;
import org.reintegra.organisation.OrganisationKind;

/**
 * Which callers may work with referrals at all, and how. Roles are realm-wide in Keycloak, so the
 * role must also fit the kind of organisation the caller signed in for: an agency role in an
 * agency, a partner role in a partner organisation. Anything else sees no referral (default deny).
 * A partner sees the data its category of service needs; a college registrar, wherever they work,
 * sees no offence, risk, health or legal details.
 */
public final class ReferralAccessPolicy {

    private ReferralAccessPolicy() {
    }

    /** How the caller stands to referrals, from their organisation (looked up by its id) and their roles. */
    public static Optional<ReferralViewer> viewerOf(jakarta.persistence.EntityManager entityManager,
                                                    org.reintegra.access.Actor actor, Predicate<String> callerHasRole) {
        org.reintegra.organisation.Organisation own =
                entityManager.find(org.reintegra.organisation.Organisation.class, actor.tenant().value());
        return own == null ? Optional.empty() : viewerFor(own.kind(), own.category(), callerHasRole);
    }

    public static Optional<ReferralViewer> viewerFor(OrganisationKind organisationKind, OrganisationCategory category,
                                                     Predicate<String> callerHasRole) {
        if (organisationKind == OrganisationKind.AGENCY) {
            if (callerHasRole.test(Roles.AGENCY_OFFICER) || callerHasRole.test(Roles.AGENCY_LIAISON)) {
                return Optional.of(new ReferralViewer(ReferralSide.AGENCY, true, true, true));
            }
            return Optional.empty();
        }
        if (organisationKind == OrganisationKind.PARTNER) {
            if (callerHasRole.test(Roles.PARTNER_STAFF)) {
                boolean college = category == OrganisationCategory.VOCATIONAL_COLLEGE;
                return Optional.of(new ReferralViewer(ReferralSide.PARTNER, !college,
                        category == OrganisationCategory.CLINIC, category == OrganisationCategory.LEGAL_AID_CENTRE));
            }
            if (callerHasRole.test(Roles.COLLEGE_REGISTRAR)) {
                return Optional.of(new ReferralViewer(ReferralSide.PARTNER, false, false, false));
            }
        }
        return Optional.empty();
    }
}
