package org.reintegra.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.security.Principal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.stream.Stream;
import org.reintegra.access.Roles;
import org.reintegra.organisation.OrganisationDirectory;
import org.reintegra.organisation.OrganisationSummary;
import org.reintegra.tenancy.CurrentTenant;

/** Who is signed in, for the screens: name, display name and organisation. */
@ApplicationScoped
public class SignedInUser {

    @Inject
    OpenIdContext openIdContext;

    @Inject
    SecurityContext securityContext;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    HttpServletRequest request;

    @Inject
    OrganisationDirectory organisations;

    public String username() {
        Principal caller = securityContext.getCallerPrincipal();
        return caller == null ? "" : caller.getName();
    }

    public String displayName() {
        String name = claimOfSession("name");
        return name.isEmpty() ? username() : name;
    }

    public String email() {
        String email = claimOfSession("email");
        return email.isEmpty() ? null : email;
    }

    /**
     * A claim of the user's identity token, kept in the HTTP session once read ("" when the token
     * has none). Payara's {@code OpenIdContext.getClaims()} parses the claims again on every call
     * and looks a JSON provider up on the class path each time; under load the request threads
     * queued on the jar (docs/benchmarks.md, stop 24). A name or address changed in Keycloak shows
     * from the next sign-in.
     */
    private String claimOfSession(String claim) {
        HttpSession session = request.getSession(false);
        String attribute = SignedInUser.class.getName() + ".claim." + claim;
        if (session != null && session.getAttribute(attribute) instanceof String known) {
            return known;
        }
        String value = openIdContext.getClaims().getStringClaim(claim).orElse("");
        if (session != null) {
            session.setAttribute(attribute, value);
        }
        return value;
    }

    /** The roles of organisation staff (everyone but the platform's own administrator). */
    private static final java.util.List<String> STAFF_ROLES = java.util.List.of(Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON,
            Roles.AGENCY_ADMIN, Roles.PARTNER_STAFF, Roles.PARTNER_ADMIN, Roles.COLLEGE_REGISTRAR);

    /** The user's roles among those the portal knows. */
    public java.util.Set<String> roles() {
        return Stream.concat(STAFF_ROLES.stream(), Stream.of(Roles.PLATFORM_ADMIN)).filter(request::isUserInRole)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public boolean hasRole(String role) {
        return request.isUserInRole(role);
    }

    /**
     * Whether the user works for an organisation (the staff directory knows them); the platform's
     * own administrator does not.
     */
    public boolean isOrganisationStaff() {
        return STAFF_ROLES.stream().anyMatch(request::isUserInRole);
    }

    /** Whether the user is told of referral events (the bell): officers, caseworkers, registrars. */
    public boolean receivesNotifications() {
        return Stream.of(Roles.AGENCY_OFFICER, Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR).anyMatch(request::isUserInRole);
    }

    /** Whether the user holds a role that works with referrals (the service still decides what they see). */
    public boolean worksWithReferrals() {
        return Stream.of(Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR)
                .anyMatch(request::isUserInRole);
    }

    /** The organisation the user signed in for, if their token names exactly one known organisation. */
    public Optional<OrganisationSummary> organisation() {
        return currentTenant.get().flatMap(organisations::find);
    }
}
