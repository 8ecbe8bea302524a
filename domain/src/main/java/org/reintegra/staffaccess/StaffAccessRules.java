package org.reintegra.staffaccess;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.organisation.OrganisationCategory;
import org.reintegra.organisation.OrganisationKind;
import org.reintegra.staff.StaffDirectory;

/**
 * The rules of staff administration: which roles an organisation's administrator may give, what an
 * invitation must hold, and that an administrator neither deactivates themselves nor takes away
 * their own administration (so an organisation always keeps one).
 */
public final class StaffAccessRules {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,58}[a-z0-9]");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 200;

    private StaffAccessRules() {
    }

    /** The roles an administrator of such an organisation may give, in the order the screen lists them. */
    public static List<String> grantable(OrganisationKind kind, OrganisationCategory category) {
        if (kind == OrganisationKind.AGENCY) {
            return List.of(Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.AGENCY_ADMIN);
        }
        if (category == OrganisationCategory.VOCATIONAL_COLLEGE) {
            return List.of(Roles.COLLEGE_REGISTRAR, Roles.PARTNER_STAFF, Roles.PARTNER_ADMIN);
        }
        return List.of(Roles.PARTNER_STAFF, Roles.PARTNER_ADMIN);
    }

    /** The administrator's role in such an organisation (a realm role only counts in its kind). */
    public static String administratorRole(OrganisationKind kind) {
        return kind == OrganisationKind.AGENCY ? Roles.AGENCY_ADMIN : Roles.PARTNER_ADMIN;
    }

    /** At least one role, all of them grantable here. */
    public static Set<String> checkRoles(Set<String> roles, List<String> grantable) {
        if (roles == null || roles.isEmpty()) {
            throw new InputRejected("roles", "staff.error.roles-required");
        }
        if (!grantable.containsAll(roles)) {
            throw new InputRejected("roles", "staff.error.role-not-grantable");
        }
        return new LinkedHashSet<>(roles);
    }

    /** A complete invitation, returned with its values trimmed (the user name and e-mail in lower case). */
    public static StaffInvitation checkInvitation(StaffInvitation invitation, List<String> grantable) {
        if (invitation == null) {
            throw new InputRejected("username", "staff.error.username");
        }
        String username = invitation.username() == null ? "" : invitation.username().strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new InputRejected("username", "staff.error.username");
        }
        String givenName = required(invitation.givenName(), "givenName");
        String familyName = required(invitation.familyName(), "familyName");
        String email = invitation.email() == null ? "" : invitation.email().strip().toLowerCase(java.util.Locale.ROOT);
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw new InputRejected("email", "staff.error.email");
        }
        String language = invitation.language() == null ? "en" : invitation.language();
        if (!StaffDirectory.LANGUAGES.contains(language)) {
            throw new InputRejected("language", "staff.error.language");
        }
        return new StaffInvitation(username, givenName, familyName, email, language, checkRoles(invitation.roles(), grantable));
    }

    /** An administrator does not deactivate themselves. */
    public static void checkNotSelf(String actorUsername, String targetUsername) {
        if (actorUsername.equals(targetUsername)) {
            throw new InputRejected("account", "staff.error.not-yourself");
        }
    }

    /** An administrator keeps their own administration. */
    public static void checkKeepsOwnAdministration(String actorUsername, String targetUsername, Set<String> newRoles,
                                                   String administratorRole) {
        if (actorUsername.equals(targetUsername) && !newRoles.contains(administratorRole)) {
            throw new InputRejected("roles", "staff.error.keep-own-admin");
        }
    }

    private static String required(String value, String field) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            throw new InputRejected(field, "staff.error.name");
        }
        return stripped;
    }
}
