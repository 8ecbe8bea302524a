/**
 * Subject access: for one client of an agency, everything the portal holds about them (their
 * record, every referral and all that hangs from it, on both sides, and who read or changed it) in
 * one ZIP file, for the agency to answer the person's request.
 */
package org.reintegra.subjectaccess;
