package org.reintegra.tenancy;

import java.util.Optional;

/**
 * Tells which tenant the signed-in caller works for. The portal implements it from the
 * organisation claim of the caller's token; never from a URL or a form.
 */
public interface CallerTenantSource {

    /** The caller's tenant, or empty when nobody is signed in or the caller has no organisation. */
    Optional<TenantId> callerTenant();
}
