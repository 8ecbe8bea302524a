package org.reintegra.access;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBContext;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.Principal;
import org.reintegra.tenancy.CurrentTenant;

/**
 * Builds the {@link Actor} for the caller of a feature service from the container's security
 * context (the signed-in user) and the current tenant.
 */
@Stateless
public class SignedInActor {

    @Resource
    private SessionContext sessionContext;

    @Inject
    private CurrentTenant currentTenant;

    public Actor actor() {
        return actorOf(sessionContext, currentTenant);
    }

    static Actor actorOf(EJBContext context, CurrentTenant tenant) {
        Principal principal = context.getCallerPrincipal();
        String name = principal == null ? "system" : principal.getName();
        if (name == null || name.isBlank() || "ANONYMOUS".equalsIgnoreCase(name)) {
            name = "system";
        }
        return new Actor(name, tenant.require());
    }
}
