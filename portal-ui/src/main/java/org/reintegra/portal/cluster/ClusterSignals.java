package org.reintegra.portal.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.reintegra.tenancy.TenantId;
import org.reintegra.portal.security.PortalSessions;
import org.reintegra.referral.InboxCountCache;
import org.reintegra.referral.ReferralCountsChanged;
import org.reintegra.staffaccess.StaffAccessEnded;

/**
 * What one instance of the portal tells the others of its cluster, over Payara's data grid (a
 * Hazelcast topic; ADR 0012): a deactivated account's sessions end on every instance at once, not
 * at their next token refresh, and changed referrals make every instance forget its tab counts of
 * those organisations. An instance alone, or one whose data grid is off, keeps its signals to itself;
 * the fallbacks (token refresh within five minutes, counts at most ten seconds old) still hold.
 *
 * <p>Delivery is best effort, as a topic's is: a signal lost while an instance joins or leaves the
 * cluster leaves those fallbacks.
 */
@ApplicationScoped
public class ClusterSignals {

    static final String TOPIC = "reintegra.portal.signals";
    private static final String GRID = "payara/Hazelcast";
    private static final Logger LOG = Logger.getLogger(ClusterSignals.class.getName());

    @Inject
    PortalSessions sessions;

    @Inject
    InboxCountCache inboxCounts;

    @Resource
    ManagedExecutorService executor;

    private volatile ITopic<String> topic;
    private volatile UUID listener;

    /** Joins the topic when the application starts, so that signals are heard before anyone signs in. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            HazelcastInstance grid = (HazelcastInstance) new InitialContext().lookup(GRID);
            if (grid == null || !grid.getLifecycleService().isRunning()) {
                LOG.info("No data grid running: signals stay on this instance");
                return;
            }
            ITopic<String> joined = grid.getTopic(TOPIC);
            listener = joined.addMessageListener(this::heard);
            topic = joined;
            LOG.info(() -> "Listening to the other instances of the cluster (" + grid.getCluster().getMembers().size()
                    + " member(s) now)");
        } catch (NamingException | ClassCastException | IllegalStateException | LinkageError noGrid) {
            LOG.log(Level.INFO, "No data grid: signals stay on this instance ({0})", noGrid.toString());
        }
    }

    @PreDestroy
    void stop() {
        ITopic<String> joined = topic;
        topic = null;
        if (joined != null && listener != null) {
            try {
                joined.removeMessageListener(listener);
            } catch (RuntimeException gridGone) {
                // the data grid stopped first
            }
        }
    }

    void accessEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) StaffAccessEnded ended) {
        publish(new ClusterSignal(ClusterSignal.Kind.SESSIONS_ENDED, List.of(ended.tenant().value(), ended.username())));
    }

    void countsChanged(@Observes ReferralCountsChanged changed) {
        if (!changed.tenants().isEmpty()) {
            publish(new ClusterSignal(ClusterSignal.Kind.REFERRAL_COUNTS_CHANGED, List.copyOf(new TreeSet<>(changed.tenants()))));
        }
    }

    private void publish(ClusterSignal signal) {
        ITopic<String> joined = topic;
        if (joined == null) {
            return;
        }
        try {
            joined.publish(signal.encode());
        } catch (RuntimeException notSent) {
            // the change itself is done and committed; the others fall back (token refresh, count expiry)
            LOG.log(Level.WARNING, "Could not tell the other instances: " + signal.kind(), notSent);
        }
    }

    /**
     * A signal of another instance. Hazelcast calls this on its own event thread, outside any of the
     * server's contexts, so the work (ending HTTP sessions runs Vaadin's and CDI's session listeners)
     * is handed to the server's managed executor.
     */
    private void heard(Message<String> message) {
        if (message.getPublishingMember() != null && message.getPublishingMember().localMember()) {
            return; // this instance acted on it already
        }
        ClusterSignal.decode(message.getMessageObject()).ifPresent(signal -> {
            try {
                executor.execute(() -> act(signal));
            } catch (RuntimeException rejected) {
                LOG.log(Level.WARNING, "Could not act on a signal of another instance: " + signal.kind(), rejected);
            }
        });
    }

    void act(ClusterSignal signal) {
        try {
            switch (signal.kind()) {
                case SESSIONS_ENDED -> {
                    if (signal.values().size() == 2) {
                        int ended = sessions.end(new TenantId(signal.values().get(0)), signal.values().get(1));
                        LOG.info(() -> "Ended " + ended + " session(s) of an account deactivated on another instance");
                    }
                }
                case REFERRAL_COUNTS_CHANGED -> inboxCounts.changedElsewhere(Set.copyOf(signal.values()));
            }
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "Could not act on a signal of another instance: " + signal.kind(), failed);
        }
    }
}
