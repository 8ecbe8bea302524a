package org.reintegra.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.security.Principal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.reintegra.access.Roles;
import org.reintegra.organisation.OrganisationDirectory;
import org.reintegra.organisation.OrganisationSummary;
import org.reintegra.tenancy.CurrentTenant;
import org.reintegra.tenancy.TenantId;

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

    /** The session attribute holding the user's organisation (see {@link #organisation()}). */
    private static final String ORGANISATION = SignedInUser.class.getName() + ".organisation";

    /**
     * The organisation the user signed in for, if their token names exactly one known organisation.
     * Kept in the HTTP session with the tenant it belongs to once found, as the screens ask on every
     * navigation and each look-up was a transaction of its own (docs/benchmarks.md, stop 26). A
     * name or kind changed meanwhile (no screen changes them today) would show from the next
     * sign-in; the services check the caller's organisation themselves on every call.
     */
    public Optional<OrganisationSummary> organisation() {
        return organisationOf(currentTenant.get(), request.getSession(false), organisations::find);
    }

    /** The organisation of the tenant, kept in the session once found (see {@link #organisation()}). */
    static Optional<OrganisationSummary> organisationOf(Optional<TenantId> tenant, HttpSession session,
                                                        Function<TenantId, Optional<OrganisationSummary>> finder) {
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        if (session != null && session.getAttribute(ORGANISATION) instanceof OrganisationSummary known
                && known.id().equals(tenant.get())) {
            return Optional.of(known);
        }
        Optional<OrganisationSummary> found = finder.apply(tenant.get());
        if (session != null && found.isPresent()) {
            session.setAttribute(ORGANISATION, found.get());
        }
        return found;
    }
}
