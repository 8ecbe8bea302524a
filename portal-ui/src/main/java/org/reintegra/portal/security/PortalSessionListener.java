package org.reintegra.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Forgets a session in {@link PortalSessions} when it ends. */
@WebListener
public class PortalSessionListener implements HttpSessionListener {

    @Inject
    PortalSessions sessions;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.ended(event.getSession());
    }
}
