package org.reintegra.tenancy;

import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Base of every entity that belongs to exactly one tenant. EclipseLink adds
 * {@code tenant_id = :tenant} to every query, fills the column on insert and makes it part of the
 * primary key; the table has a row-level security policy on the same column.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenancyProperties.TENANT_PROPERTY, primaryKey = true)
public abstract class TenantOwnedEntity {
}
