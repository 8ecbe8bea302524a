package org.reintegra.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reintegra.access.Roles;
import org.reintegra.organisation.OrganisationKind;

/** Who works with referrals: the role must fit the kind of organisation signed in for. */
class ReferralAccessPolicyTest {

    static Stream<Arguments> rows() {
        ReferralViewer agency = new ReferralViewer(ReferralSide.AGENCY, true);
        ReferralViewer partner = new ReferralViewer(ReferralSide.PARTNER, true);
        ReferralViewer college = new ReferralViewer(ReferralSide.PARTNER, false);
        return Stream.of(
                Arguments.of("agency officer in an agency", OrganisationKind.AGENCY, Set.of(Roles.AGENCY_OFFICER), Optional.of(agency)),
                Arguments.of("liaison officer in an agency", OrganisationKind.AGENCY, Set.of(Roles.AGENCY_LIAISON), Optional.of(agency)),
                Arguments.of("partner staff in an agency", OrganisationKind.AGENCY, Set.of(Roles.PARTNER_STAFF), Optional.empty()),
                Arguments.of("registrar in an agency", OrganisationKind.AGENCY, Set.of(Roles.COLLEGE_REGISTRAR), Optional.empty()),
                Arguments.of("partner staff in a partner", OrganisationKind.PARTNER, Set.of(Roles.PARTNER_STAFF), Optional.of(partner)),
                Arguments.of("registrar in a partner", OrganisationKind.PARTNER, Set.of(Roles.COLLEGE_REGISTRAR), Optional.of(college)),
                Arguments.of("registrar who is also staff", OrganisationKind.PARTNER,
                        Set.of(Roles.COLLEGE_REGISTRAR, Roles.PARTNER_STAFF), Optional.of(partner)),
                Arguments.of("agency officer in a partner", OrganisationKind.PARTNER, Set.of(Roles.AGENCY_OFFICER), Optional.empty()),
                Arguments.of("partner admin only", OrganisationKind.PARTNER, Set.of(Roles.PARTNER_ADMIN), Optional.empty()),
                Arguments.of("platform admin", OrganisationKind.AGENCY, Set.of(Roles.PLATFORM_ADMIN), Optional.empty()),
                Arguments.of("no role", OrganisationKind.PARTNER, Set.of(), Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decidesFromOrganisationKindAndRole(String row, OrganisationKind kind, Set<String> roles, Optional<ReferralViewer> expected) {
        assertEquals(expected, ReferralAccessPolicy.viewerFor(kind, roles::contains));
    }
}
