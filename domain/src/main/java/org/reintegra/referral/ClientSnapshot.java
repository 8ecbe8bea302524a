package org.reintegra.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Objects;
import org.reintegra.client.Client;
import org.reintegra.client.Sex;

/**
 * The client's identity as the referral carries it to the partner. The partner never reads the
 * agency's client record; it sees this copy, taken when the referral is drafted.
 */
@Embeddable
public class ClientSnapshot {

    @Column(name = "client_given_name", nullable = false, length = 100)
    private String givenName;

    @Column(name = "client_family_name", nullable = false, length = 100)
    private String familyName;

    @Column(name = "client_date_of_birth", nullable = false)
    private LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    @Column(name = "client_sex", nullable = false, length = 16)
    private Sex sex;

    @Column(name = "client_preferred_language", length = 8)
    private String preferredLanguage;

    protected ClientSnapshot() {
    }

    public static ClientSnapshot of(Client client) {
        ClientSnapshot snapshot = new ClientSnapshot();
        snapshot.givenName = client.givenName();
        snapshot.familyName = client.familyName();
        snapshot.dateOfBirth = client.dateOfBirth();
        snapshot.sex = client.sex();
        snapshot.preferredLanguage = client.preferredLanguage();
        return snapshot;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    public String fullName() {
        return givenName + " " + familyName;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public Sex sex() {
        return sex;
    }

    public String preferredLanguage() {
        return preferredLanguage;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientSnapshot that
                && Objects.equals(givenName, that.givenName) && Objects.equals(familyName, that.familyName)
                && Objects.equals(dateOfBirth, that.dateOfBirth) && sex == that.sex
                && Objects.equals(preferredLanguage, that.preferredLanguage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(givenName, familyName, dateOfBirth, sex, preferredLanguage);
    }
}
