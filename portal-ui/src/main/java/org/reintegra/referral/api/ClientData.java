package org.reintegra.referral.api;

import java.time.LocalDate;

/** The client as the agency's system sends it with a referral; found by case number or registered. */
public record ClientData(String caseNumber, String givenName, String familyName, LocalDate dateOfBirth, String sex,
                         String preferredLanguage, String phone, String email) {
}
