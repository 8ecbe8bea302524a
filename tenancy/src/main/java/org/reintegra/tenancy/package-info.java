/**
 * Tenancy: who the current tenant is and the two walls that keep tenants apart.
 *
 * <p>Wall 1 is EclipseLink: entities extending {@link TenantOwnedEntity} are filtered by
 * {@code tenant_id}; entities extending {@link AgencyPartnerSharedEntity} (a referral and what hangs
 * from it) by {@code agency_tenant_id OR partner_tenant_id}. Wall 2 is PostgreSQL row-level security
 * on the same columns, fed by the transaction-local setting {@code app.tenant_id} that
 * {@link TenantConnectionListener} writes whenever EclipseLink takes a connection.
 *
 * <p>Both walls are fed from one place: {@link TenantBoundInterceptor}, bound to every feature
 * service with {@link TenantBound}, reads {@link CurrentTenant} and stamps the transaction's
 * entity manager. See docs/adr/0002-shared-referral-tenancy.md.
 */
package org.reintegra.tenancy;
