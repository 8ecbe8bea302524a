package org.reintegra.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.reintegra.tenancy.TenantId;

/**
 * What the portal may do in the identity provider. Every call may throw {@link IdentityUnavailable}
 * when the provider does not answer; creating throws {@link IdentityConflict} when a name is taken.
 * Resources the portal creates carry a marker (an attribute), so that a retry can tell its own
 * half-made organisation or account from somebody else's.
 */
public interface IdentityAdministration {

    /** The organisation whose alias is the tenant id, if there is one. */
    Optional<IdentityOrganisation> organisation(TenantId tenant);

    /** Creates the organisation (alias = tenant id) with the marker; returns its id. */
    String createOrganisation(TenantId tenant, String name, String marker);

    void deleteOrganisation(String organisationId);

    /** The account with exactly this user name, if there is one (with its roles). */
    Optional<IdentityAccount> accountByUsername(String username);

    /** Creates an enabled account without a password, with the marker; returns its id. */
    String createAccount(NewIdentityAccount account, String marker);

    void deleteAccount(String accountId);

    /** Makes the account a member of the organisation (already being one is fine). */
    void addMember(String organisationId, String accountId);

    /** A page of the organisation's members (with their roles), by user name; search matches names and e-mail. */
    List<IdentityAccount> members(String organisationId, String search, int first, int max);

    /** How many members match the search. */
    int memberCount(String organisationId, String search);

    /** The member with this id, only if it is a member of this organisation. */
    Optional<IdentityAccount> member(String organisationId, String accountId);

    void grantRoles(String accountId, Set<String> roles);

    void revokeRoles(String accountId, Set<String> roles);

    void setEnabled(String accountId, boolean enabled);

    /** Ends every session of the account at the identity provider (its refresh tokens stop working). */
    void endSessions(String accountId);

    /** Sends the account's owner a mail with a link to set a password (valid for the given hours). */
    void sendSetPasswordMail(String accountId, int validHours);
}
