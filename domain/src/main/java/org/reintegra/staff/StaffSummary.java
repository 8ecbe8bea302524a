package org.reintegra.staff;

/** A colleague as lists show them: user name and display name. */
public record StaffSummary(String username, String displayName) {
}
