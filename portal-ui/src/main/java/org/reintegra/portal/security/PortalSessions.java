package org.reintegra.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.reintegra.staffaccess.StaffAccessEnded;
import org.reintegra.tenancy.TenantId;

/**
 * The signed-in sessions of this instance by person, so that deactivating an account ends its
 * sessions at once (the identity provider's sessions are ended by the administration service). The
 * other instances of a cluster are told over the data grid and end theirs too
 * ({@link org.reintegra.portal.cluster.ClusterSignals}); should that message be lost, a session there
 * ends at its next token refresh, within one token lifetime.
 */
@ApplicationScoped
public class PortalSessions {

    private static final Logger LOG = Logger.getLogger(PortalSessions.class.getName());

    private final Map<String, Set<HttpSession>> byPerson = new ConcurrentHashMap<>();

    /** Remembers the session as one of the signed-in person's (nothing for a person without an organisation). */
    public void remember(SignedInUser user, HttpSession session) {
        user.organisation().ifPresent(organisation -> byPerson.computeIfAbsent(key(organisation.id(), user.username()),
                k -> ConcurrentHashMap.newKeySet()).add(session));
    }

    void ended(HttpSession session) {
        byPerson.values().forEach(sessions -> sessions.remove(session));
        byPerson.values().removeIf(Set::isEmpty);
    }

    /** Ends every session of the person on this instance. */
    public int end(TenantId tenant, String username) {
        Set<HttpSession> sessions = byPerson.remove(key(tenant, username));
        if (sessions == null) {
            return 0;
        }
        int ended = 0;
        for (HttpSession session : sessions) {
            try {
                session.invalidate();
                ended++;
            } catch (IllegalStateException alreadyInvalid) {
                // ended meanwhile
            }
        }
        LOG.info(() -> "Ended the portal sessions of a deactivated account");
        return ended;
    }

    void accessEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) StaffAccessEnded ended) {
        end(ended.tenant(), ended.username());
    }

    private static String key(TenantId tenant, String username) {
        return tenant.value() + "/" + username;
    }
}
