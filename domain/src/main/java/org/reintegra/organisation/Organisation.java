package org.reintegra.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.reintegra.tenancy.TenantId;

/**
 * An agency or partner organisation: one tenant. Its id is the alias of its Keycloak organisation.
 * The directory is readable by every signed-in user (an officer picks a partner from it); it holds
 * no personal data.
 */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    @Column(name = "id", length = 63)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private OrganisationKind kind;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 24)
    private OrganisationCategory category;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Organisation() {
    }

    public Organisation(TenantId id, OrganisationKind kind, OrganisationCategory category, String name, Instant createdAt) {
        this.id = id.value();
        this.kind = Objects.requireNonNull(kind);
        this.category = Objects.requireNonNull(category);
        if ((kind == OrganisationKind.AGENCY) != (category == OrganisationCategory.AGENCY)) {
            throw new IllegalArgumentException("an agency is in the AGENCY category and only an agency is");
        }
        this.name = Objects.requireNonNull(name);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public TenantId id() {
        return TenantId.of(id);
    }

    public OrganisationKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public OrganisationCategory category() {
        return category;
    }
}
