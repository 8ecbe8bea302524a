package org.reintegra.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.reintegra.organisation.OrganisationCategory.AGENCY;
import static org.reintegra.organisation.OrganisationCategory.CLINIC;
import static org.reintegra.organisation.OrganisationCategory.LEGAL_AID_CENTRE;
import static org.reintegra.organisation.OrganisationCategory.NGO;
import static org.reintegra.organisation.OrganisationCategory.TRAINING_CENTRE;
import static org.reintegra.organisation.OrganisationCategory.VOCATIONAL_COLLEGE;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reintegra.access.Roles;
import org.reintegra.organisation.OrganisationCategory;
import org.reintegra.organisation.OrganisationKind;

/**
 * Who works with referrals, and which data they see: the role must fit the kind of organisation
 * signed in for, and a partner sees what its category of service needs.
 */
class ReferralAccessPolicyTest {

    static Stream<Arguments> rows() {
        ReferralViewer agency = new ReferralViewer(ReferralSide.AGENCY, true, true, true);
        ReferralViewer ngo = new ReferralViewer(ReferralSide.PARTNER, true, false, false);
        ReferralViewer clinic = new ReferralViewer(ReferralSide.PARTNER, true, true, false);
        ReferralViewer legalAid = new ReferralViewer(ReferralSide.PARTNER, true, false, true);
        ReferralViewer identityOnly = new ReferralViewer(ReferralSide.PARTNER, false, false, false);
        OrganisationKind a = OrganisationKind.AGENCY;
        OrganisationKind p = OrganisationKind.PARTNER;
        return Stream.of(
                row("agency officer in an agency", a, AGENCY, Set.of(Roles.AGENCY_OFFICER), agency),
                row("liaison officer in an agency", a, AGENCY, Set.of(Roles.AGENCY_LIAISON), agency),
                row("partner staff in an agency", a, AGENCY, Set.of(Roles.PARTNER_STAFF), null),
                row("registrar in an agency", a, AGENCY, Set.of(Roles.COLLEGE_REGISTRAR), null),
                row("staff of an NGO", p, NGO, Set.of(Roles.PARTNER_STAFF), ngo),
                row("staff of a training centre", p, TRAINING_CENTRE, Set.of(Roles.PARTNER_STAFF), ngo),
                row("staff of a clinic: health notes", p, CLINIC, Set.of(Roles.PARTNER_STAFF), clinic),
                row("staff of a legal-aid centre: case details", p, LEGAL_AID_CENTRE, Set.of(Roles.PARTNER_STAFF), legalAid),
                row("staff of a college: identity only", p, VOCATIONAL_COLLEGE, Set.of(Roles.PARTNER_STAFF), identityOnly),
                row("registrar of a college", p, VOCATIONAL_COLLEGE, Set.of(Roles.COLLEGE_REGISTRAR), identityOnly),
                row("registrar elsewhere: still identity only", p, CLINIC, Set.of(Roles.COLLEGE_REGISTRAR), identityOnly),
                row("registrar who is also staff of a clinic", p, CLINIC,
                        Set.of(Roles.COLLEGE_REGISTRAR, Roles.PARTNER_STAFF), clinic),
                row("agency officer in a partner", p, NGO, Set.of(Roles.AGENCY_OFFICER), null),
                row("partner admin only", p, NGO, Set.of(Roles.PARTNER_ADMIN), null),
                row("platform admin", a, AGENCY, Set.of(Roles.PLATFORM_ADMIN), null),
                row("no role", p, CLINIC, Set.of(), null));
    }

    private static Arguments row(String name, OrganisationKind kind, OrganisationCategory category, Set<String> roles,
                                 ReferralViewer expected) {
        return Arguments.of(name, kind, category, roles, Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decidesFromOrganisationKindCategoryAndRole(String row, OrganisationKind kind, OrganisationCategory category,
                                                    Set<String> roles, Optional<ReferralViewer> expected) {
        assertEquals(expected, ReferralAccessPolicy.viewerFor(kind, category, roles::contains));
    }
}
