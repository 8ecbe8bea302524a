package org.reintegra.referral;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reintegra.persistence.TransactionEnd;

/**
 * The tab counts of unfiltered referral lists, kept for a few seconds per list (ADR 0011). Counting
 * an agency's half a million referrals takes about 110 ms of the database each time; with hundreds of
 * people opening their inbox that alone used the machine (docs/benchmarks.md, the load driver).
 *
 * <p>A change to a referral made on this instance forgets the counts of both its organisations when
 * it is written and again when its transaction ends ({@link ReferralCountListener}), and a count
 * taken while a change was under way is not kept (each organisation has a generation that every
 * change moves on), so people see their own changes counted. A committed change is announced
 * ({@link ReferralCountsChanged}) for the other instances of a cluster, which forget their counts of
 * those organisations when told ({@link #changedElsewhere}); should a message be lost, their counts are
 * at most {@code reintegra.inbox.counts-seconds} (30) old. Searches and filters are always counted
 * afresh.
 */
@ApplicationScoped
public class InboxCountCache {

    /** Whose list: the organisation, its side, and (for a partner's "mine") the person. */
    record ListKey(String tenant, ReferralSide side, String username) {
    }

    private record Counted(Map<InboxView, Long> counts, long until) {
    }

    /** A list with a search or filters (its view left out: one count gives every view). */
    private record FilteredList(ListKey list, InboxQuery filters) {
        FilteredList(ListKey list, InboxQuery filters) {
            this.list = list;
            this.filters = filters.withView(InboxView.ALL);
        }
    }

    private static final int MAX_LISTS = 10_000;
    /** The transaction's resource naming the organisations it wrote referrals for. */
    private static final Object WRITTEN_IN_TRANSACTION = InboxCountCache.class.getName() + ".written";

    private final Map<ListKey, Counted> lists = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final Map<ListKey, Map<InboxView, Long>> lastCounted = new ConcurrentHashMap<>();
    private final Map<FilteredList, Map<InboxView, Long>> lastFiltered = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "reintegra.inbox.counts-seconds", defaultValue = "30")
    long seconds;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    Event<ReferralCountsChanged> announcements;

    /**
     * The counts of a list as last taken on this instance, however old, or empty if never: good
     * enough to judge how large a share of the list a tab holds ({@code ReferralService}, ADR 0013),
     * never shown. Not forgotten by writes; bounded like the cache.
     */
    Optional<Map<InboxView, Long>> lastCounted(ListKey list) {
        return Optional.ofNullable(lastCounted.get(list));
    }

    /**
     * The counts of a list searched or filtered so, as last taken on this instance, or empty if never:
     * like {@link #lastCounted}, only to judge how a page is read, never shown (a search or filter is
     * always counted afresh for the tabs).
     */
    Optional<Map<InboxView, Long>> lastFiltered(ListKey list, InboxQuery filters) {
        return Optional.ofNullable(lastFiltered.get(new FilteredList(list, filters)));
    }

    /** A search or filter of a list was counted (see {@link #lastFiltered}). */
    void filteredCounted(ListKey list, InboxQuery filters, Map<InboxView, Long> counts) {
        if (lastFiltered.size() >= MAX_LISTS) {
            lastFiltered.clear();
        }
        lastFiltered.put(new FilteredList(list, filters), Map.copyOf(counts));
    }

    /** The counts of a list, from the cache while fresh, else counted now (and kept if nothing changed meanwhile). */
    Map<InboxView, Long> counts(ListKey list, Supplier<Map<InboxView, Long>> count) {
        long now = System.nanoTime();
        Counted known = lists.get(list);
        if (known != null && now - known.until() < 0) {
            return known.counts();
        }
        AtomicLong generation = generations.computeIfAbsent(list.tenant(), t -> new AtomicLong());
        long before = generation.get();
        Map<InboxView, Long> counts = Map.copyOf(count.get());
        if (lastCounted.size() >= MAX_LISTS) {
            lastCounted.clear();
        }
        lastCounted.put(list, counts);
        if (seconds > 0 && generation.get() == before) {
            if (lists.size() >= MAX_LISTS) {
                lists.clear();
            }
            lists.put(list, new Counted(counts, now + Duration.ofSeconds(seconds).toNanos()));
            if (generation.get() != before) {
                lists.remove(list);
            }
        }
        return counts;
    }

    /**
     * A referral of these organisations was written: forgets their lists now and, when the writing
     * transaction ends, once more (a count taken between the write and the commit saw the old rows).
     * One synchronisation per transaction gathers every organisation the transaction wrote for.
     */
    void changed(Set<String> tenants) {
        forget(tenants);
        int status = transactions == null ? Status.STATUS_NO_TRANSACTION : transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            announce(tenants);
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return; // marked for rollback or ending: nothing that others should recount
        }
        @SuppressWarnings("unchecked")
        Set<String> written = (Set<String>) transactions.getResource(WRITTEN_IN_TRANSACTION);
        if (written == null) {
            Set<String> gathered = ConcurrentHashMap.newKeySet();
            transactions.putResource(WRITTEN_IN_TRANSACTION, gathered);
            TransactionEnd.afterCompletion(transactions, outcome -> {
                forget(gathered);
                if (outcome == Status.STATUS_COMMITTED) {
                    announce(gathered);
                }
            });
            written = gathered;
        }
        written.addAll(tenants);
    }

    /** Referrals of these organisations were changed on another instance of the cluster. */
    public void changedElsewhere(Set<String> tenants) {
        forget(tenants);
    }

    private void announce(Set<String> tenants) {
        if (announcements != null) {
            announcements.fire(new ReferralCountsChanged(tenants));
        }
    }

    private void forget(Set<String> tenants) {
        for (String tenant : tenants) {
            generations.computeIfAbsent(tenant, t -> new AtomicLong()).incrementAndGet();
        }
        lists.keySet().removeIf(list -> tenants.contains(list.tenant()));
    }
}
