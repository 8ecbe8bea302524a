package org.reintegra.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tab counts of unfiltered referral lists, kept for a few seconds per list (ADR 0011). Counting
 * an agency's half a million referrals takes about 110 ms of the database each time; with hundreds of
 * people opening their inbox that alone used the machine (docs/benchmarks.md, the load driver).
 *
 * <p>A change to a referral made on this instance forgets the counts of both its organisations at
 * once ({@link ReferralCountListener}), so people see their own changes counted. Changes made on
 * another instance show after at most {@code reintegra.inbox.counts-seconds} (10). Searches and
 * filters are always counted afresh.
 */
@ApplicationScoped
public class InboxCountCache {

    /** Whose list: the organisation, its side, and (for a partner's "mine") the person. */
    record ListKey(String tenant, ReferralSide side, String username) {
    }

    private record Counted(Map<InboxView, Long> counts, long until) {
    }

    private static final int MAX_LISTS = 10_000;

    private final Map<ListKey, Counted> lists = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "reintegra.inbox.counts-seconds", defaultValue = "10")
    long seconds;

    /** The counts of a list, from the cache while fresh, else counted now. */
    Map<InboxView, Long> counts(ListKey list, Supplier<Map<InboxView, Long>> count) {
        long now = System.nanoTime();
        Counted known = lists.get(list);
        if (known != null && now - known.until() < 0) {
            return known.counts();
        }
        Map<InboxView, Long> counts = Map.copyOf(count.get());
        if (seconds > 0) {
            if (lists.size() >= MAX_LISTS) {
                lists.values().removeIf(c -> now - c.until() >= 0);
            }
            lists.put(list, new Counted(counts, now + Duration.ofSeconds(seconds).toNanos()));
        }
        return counts;
    }

    /** Forgets every list of these organisations (a referral of theirs changed). */
    void forget(Set<String> tenants) {
        lists.keySet().removeIf(list -> tenants.contains(list.tenant()));
    }
}
