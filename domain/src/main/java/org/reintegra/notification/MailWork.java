package org.reintegra.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.reintegra.tenancy.TenantId;

/**
 * Which tenants' mail outboxes have work, as far as this portal instance knows, so that the mail
 * job visits those tenants instead of every tenant every few seconds (with 200 tenants that was
 * some 800 transactions per round, most of them finding nothing).
 * <ul>
 *   <li>A notification marks its recipient's tenant when its transaction commits.</li>
 *   <li>A visit that leaves mail waiting (a full batch, a refusing SMTP server) marks the tenant
 *       again for when that mail is next due.</li>
 *   <li>What this instance cannot know (notifications of another instance that stopped before
 *       its job ran, rows written outside the portal, someone who just chose the digest) is found
 *       by a <em>sweep</em> over all tenants: at the first round, every sweep interval, and when
 *       the day's digest time has passed (the digests are written then).</li>
 * </ul>
 * Marks live in memory only: losing them (a restart) costs nothing, the first round sweeps.
 */
@ApplicationScoped
public class MailWork {

    private final Map<TenantId, Instant> dueAt = new ConcurrentHashMap<>();
    private Instant nextSweep;
    private Instant sweptDigestCutoff;

    /** The tenant has mail work from {@code at} on (the earlier of two marks holds). */
    public void due(TenantId tenant, Instant at) {
        dueAt.merge(tenant, at, (known, later) -> known.isBefore(later) ? known : later);
    }

    /**
     * The tenants to visit in the round at {@code now}: all of them when a sweep is due (the
     * interval has passed or the digest cutoff moved), otherwise those marked due by now. Either
     * way the marks due by now are taken; marks for later stay.
     */
    public synchronized List<TenantId> tenantsForRound(Instant now, Instant digestCutoff, Duration sweepInterval,
                                                       Supplier<List<TenantId>> allTenants) {
        Set<TenantId> due = takeDue(now);
        if (nextSweep == null || !now.isBefore(nextSweep) || !digestCutoff.equals(sweptDigestCutoff)) {
            nextSweep = now.plus(sweepInterval);
            sweptDigestCutoff = digestCutoff;
            return allTenants.get();
        }
        return new ArrayList<>(due);
    }

    private Set<TenantId> takeDue(Instant now) {
        Set<TenantId> taken = new LinkedHashSet<>();
        for (Map.Entry<TenantId, Instant> mark : dueAt.entrySet()) {
            if (!mark.getValue().isAfter(now) && dueAt.remove(mark.getKey(), mark.getValue())) {
                taken.add(mark.getKey());
            }
        }
        return taken;
    }
}
