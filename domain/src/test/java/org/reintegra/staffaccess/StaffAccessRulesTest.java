package org.reintegra.staffaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.identity.IdentityAccount;
import org.reintegra.organisation.OrganisationCategory;
import org.reintegra.organisation.OrganisationKind;

class StaffAccessRulesTest {

    private static final List<String> PARTNER = StaffAccessRules.grantable(OrganisationKind.PARTNER, OrganisationCategory.NGO);

    @Test
    void eachKindOfOrganisationGivesItsOwnRolesAndNeverThePlatformOperators() {
        assertEquals(List.of(Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.AGENCY_ADMIN),
                StaffAccessRules.grantable(OrganisationKind.AGENCY, OrganisationCategory.AGENCY));
        assertEquals(List.of(Roles.PARTNER_STAFF, Roles.PARTNER_ADMIN), PARTNER);
        assertEquals(List.of(Roles.COLLEGE_REGISTRAR, Roles.PARTNER_STAFF, Roles.PARTNER_ADMIN),
                StaffAccessRules.grantable(OrganisationKind.PARTNER, OrganisationCategory.VOCATIONAL_COLLEGE));
        assertEquals("staff.error.role-not-grantable", assertThrows(InputRejected.class,
                () -> StaffAccessRules.checkRoles(Set.of(Roles.PLATFORM_ADMIN), PARTNER)).messageKey());
        assertEquals("staff.error.role-not-grantable", assertThrows(InputRejected.class,
                () -> StaffAccessRules.checkRoles(Set.of(Roles.PARTNER_STAFF, Roles.AGENCY_OFFICER), PARTNER)).messageKey());
        assertEquals("staff.error.roles-required", assertThrows(InputRejected.class,
                () -> StaffAccessRules.checkRoles(Set.of(), PARTNER)).messageKey());
    }

    @Test
    void anInvitationIsTrimmedAndEveryFieldIsChecked() {
        StaffInvitation checked = StaffAccessRules.checkInvitation(new StaffInvitation(" Nino.Kapanadze ", " Nino ", "Kapanadze",
                " Nino@Example.ORG ", "ka", Set.of(Roles.PARTNER_STAFF)), PARTNER);
        assertEquals("nino.kapanadze", checked.username());
        assertEquals("Nino", checked.givenName());
        assertEquals("nino@example.org", checked.email());
        assertEquals("ka", checked.language());
        assertEquals("username", rejected(new StaffInvitation("a", "N", "K", "n@example.org", "en", Set.of(Roles.PARTNER_STAFF))));
        assertEquals("username", rejected(new StaffInvitation("nino kapanadze", "N", "K", "n@example.org", "en",
                Set.of(Roles.PARTNER_STAFF))));
        assertEquals("givenName", rejected(new StaffInvitation("nino.k", " ", "K", "n@example.org", "en", Set.of(Roles.PARTNER_STAFF))));
        assertEquals("familyName", rejected(new StaffInvitation("nino.k", "N", "", "n@example.org", "en", Set.of(Roles.PARTNER_STAFF))));
        assertEquals("email", rejected(new StaffInvitation("nino.k", "N", "K", "not-an-address", "en", Set.of(Roles.PARTNER_STAFF))));
        assertEquals("language", rejected(new StaffInvitation("nino.k", "N", "K", "n@example.org", "de", Set.of(Roles.PARTNER_STAFF))));
        assertEquals("roles", rejected(new StaffInvitation("nino.k", "N", "K", "n@example.org", "en", Set.of())));
    }

    @Test
    void anAdministratorKeepsTheirOwnAccessAndAdministration() {
        assertEquals("staff.error.not-yourself", assertThrows(InputRejected.class,
                () -> StaffAccessRules.checkNotSelf("admin.justice", "admin.justice")).messageKey());
        StaffAccessRules.checkNotSelf("admin.justice", "lawyer.tamar");
        assertEquals("staff.error.keep-own-admin", assertThrows(InputRejected.class,
                () -> StaffAccessRules.checkKeepsOwnAdministration("admin.justice", "admin.justice", Set.of(Roles.PARTNER_STAFF),
                        Roles.PARTNER_ADMIN)).messageKey());
        StaffAccessRules.checkKeepsOwnAdministration("admin.justice", "admin.justice",
                Set.of(Roles.PARTNER_STAFF, Roles.PARTNER_ADMIN), Roles.PARTNER_ADMIN);
        StaffAccessRules.checkKeepsOwnAdministration("admin.justice", "lawyer.tamar", Set.of(Roles.PARTNER_STAFF), Roles.PARTNER_ADMIN);
    }

    @Test
    void theStateOfAnAccountFollowsEnabledAndThePendingPassword() {
        assertEquals(StaffStatus.ACTIVE, StaffAccessService.statusOf(account(true, false)));
        assertEquals(StaffStatus.INVITED, StaffAccessService.statusOf(account(true, true)));
        assertEquals(StaffStatus.DEACTIVATED, StaffAccessService.statusOf(account(false, true)));
        assertEquals(StaffStatus.DEACTIVATED, StaffAccessService.statusOf(account(false, false)));
    }

    private static IdentityAccount account(boolean enabled, boolean passwordPending) {
        return new IdentityAccount("id", "someone", "Some", "One", "s@example.org", enabled, passwordPending, Set.of(), null);
    }

    private static String rejected(StaffInvitation invitation) {
        return assertThrows(InputRejected.class, () -> StaffAccessRules.checkInvitation(invitation, PARTNER)).field();
    }
}
