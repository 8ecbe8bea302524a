/**
 * Staff and access: an agency's or partner's administrator invites colleagues (an account at the
 * identity provider with role and organisation, and a set-password mail), changes their roles,
 * deactivates them (their sessions end) and sees who has access. An administrator only ever
 * reaches the members of their own organisation; anybody else's account looks missing.
 */
package org.reintegra.staffaccess;
