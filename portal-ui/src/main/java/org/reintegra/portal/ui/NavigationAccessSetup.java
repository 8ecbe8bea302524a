package org.reintegra.portal.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Turns on Vaadin's navigation access control once for the whole portal: every view is denied
 * unless it says who may open it ({@code @PermitAll}, {@code @RolesAllowed}). A denied view looks
 * like a missing one.
 */
@ApplicationScoped
public class NavigationAccessSetup {

    void onServiceInit(@Observes ServiceInitEvent event) {
        NavigationAccessControl accessControl = new NavigationAccessControl();
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(accessControl));
    }
}
