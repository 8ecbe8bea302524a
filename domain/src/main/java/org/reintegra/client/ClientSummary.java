package org.reintegra.client;

import java.time.LocalDate;

/** A client as lists and pickers show them. */
public record ClientSummary(long id, String reference, String givenName, String familyName, LocalDate dateOfBirth,
                            Sex sex) {

    public String displayName() {
        return givenName + " " + familyName + " (" + reference + ")";
    }
}
