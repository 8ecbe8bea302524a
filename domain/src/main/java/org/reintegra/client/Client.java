package org.reintegra.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.reintegra.tenancy.TenantOwnedEntity;

/**
 * A person in conflict with the law whom an agency refers to partners (a prisoner, probationer,
 * former prisoner or juvenile). Owned by the agency; partners see a client only through the
 * snapshot carried by a referral they hold.
 */
@Entity
@Table(name = "client")
public class Client extends TenantOwnedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "client_id")
    @SequenceGenerator(name = "client_id", sequenceName = "client_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "reference", nullable = false, length = 40)
    private String reference;

    @Column(name = "given_name", nullable = false, length = 100)
    private String givenName;

    @Column(name = "family_name", nullable = false, length = 100)
    private String familyName;

    @Column(name = "date_of_birth", nullable = false)
    private LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    @Column(name = "sex", nullable = false, length = 16)
    private Sex sex;

    @Column(name = "preferred_language", length = 8)
    private String preferredLanguage;

    @Column(name = "phone", length = 40)
    private String phone;

    @Column(name = "email", length = 200)
    private String email;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** Name and case number in lower case (Java's Unicode case mapping), for "contains" search. */
    @Column(name = "search_key", nullable = false, length = 300)
    private String searchKey;

    protected Client() {
    }

    public Client(String reference, String givenName, String familyName, LocalDate dateOfBirth, Sex sex,
                  String preferredLanguage, String phone, String email, Instant createdAt) {
        this.reference = requireText(reference, "reference");
        this.givenName = requireText(givenName, "given name");
        this.familyName = requireText(familyName, "family name");
        this.dateOfBirth = Objects.requireNonNull(dateOfBirth, "date of birth");
        this.sex = Objects.requireNonNull(sex, "sex");
        this.preferredLanguage = preferredLanguage;
        this.phone = phone;
        this.email = email;
        this.createdAt = Objects.requireNonNull(createdAt, "created at");
        updateSearchKey();
    }

    private void updateSearchKey() {
        this.searchKey = (givenName + " " + familyName + " " + reference).toLowerCase(Locale.ROOT);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value.strip();
    }

    public Long id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
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

    public long version() {
        return version;
    }

    /** Renames the client (e.g. a corrected transliteration); used by the isolation tests too. */
    public void rename(String newGivenName, String newFamilyName) {
        this.givenName = requireText(newGivenName, "given name");
        this.familyName = requireText(newFamilyName, "family name");
        updateSearchKey();
    }
}
