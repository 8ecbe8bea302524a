package org.reintegra.client;

import java.time.LocalDate;

/** What an officer enters to register a client. */
public record NewClient(String reference, String givenName, String familyName, LocalDate dateOfBirth, Sex sex,
                        String preferredLanguage, String phone, String email) {
}
