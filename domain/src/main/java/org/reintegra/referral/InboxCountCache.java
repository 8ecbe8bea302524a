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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
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
 * at most {@code reintegra.inbox.counts-seconds} (30) old, and shown while they are counted again.
 * Searches and filters are always counted afresh.
 */
@ApplicationScoped
public class InboxCountCache {

    /** Whose list: the organisation, its side, and (for a partner's "mine") the person. */
    record ListKey(String tenant, ReferralSide side, String username) {
    }

    private record Counted(Map<InboxView, Long> counts, long until) {
    }

    /** A count of a list under way, begun at the organisation's generation {@code generation}. */
    private record Counting(long generation, CompletableFuture<Map<InboxView, Long>> result) {
    }

    /** A list with a search or filters (its view left out: one count gives every view). */
    private record FilteredList(ListKey list, InboxQuery filters) {
        FilteredList(ListKey list, InboxQuery filters) {
            this.list = list;
            this.filters = filters.withView(InboxView.ALL);
        }
    }

    private static final Logger LOG = Logger.getLogger(InboxCountCache.class.getName());
    private static final int MAX_LISTS = 10_000;
    /** The longest a caller waits for another's count of the same list before counting itself. */
    static final long WAIT_SECONDS = 10;
    /** The transaction's resource naming the organisations it wrote referrals for. */
    private static final Object WRITTEN_IN_TRANSACTION = InboxCountCache.class.getName() + ".written";

    private final Map<ListKey, Counted> lists = new ConcurrentHashMap<>();
    private final Map<ListKey, Counting> counting = new ConcurrentHashMap<>();
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

    /**
     * The counts of a list, from the cache while fresh, else counted now (and kept if nothing changed
     * meanwhile). One count of a list runs at a time while nothing changes the list. While it runs,
     * other callers get the list's last counts if these were only too old (nothing changed them), and
     * otherwise wait for that count (at most {@value #WAIT_SECONDS} s) rather than send the same
     * statement again; after a change during it, or if it fails, they count themselves. Before, at
     * 500 users, everyone who opened an agency's inbox while its expired counts were being taken
     * counted its half a million referrals again, and waited for that (docs/benchmarks.md, stop 27).
     */
    Map<InboxView, Long> counts(ListKey list, Supplier<Map<InboxView, Long>> count) {
        // The generation first: a change after it forgets the counts read next, or moves it on.
        AtomicLong generation = generations.computeIfAbsent(list.tenant(), t -> new AtomicLong());
        long before = generation.get();
        Counted known = lists.get(list);
        if (known != null && System.nanoTime() - known.until() < 0) {
            return known.counts();
        }
        // Still here with counts known: they are too old, but nothing has changed them (a change
        // forgets them).
        if (seconds <= 0 || wroteInThisTransaction()) {
            return countAndKeep(list, count, generation, before);
        }
        Counting mine = new Counting(before, new CompletableFuture<>());
        Counting running = counting.putIfAbsent(list, mine);
        if (running != null) {
            if (running.generation() == before) {
                if (known != null) {
                    return known.counts(); // only aged: the last counts while one caller counts afresh
                }
                Optional<Map<InboxView, Long>> shared = await(running.result());
                if (shared.isPresent() && generation.get() == before) {
                    return shared.get();
                }
            }
            return countAndKeep(list, count, generation, before);
        }
        try {
            Map<InboxView, Long> counts = countAndKeep(list, count, generation, before);
            mine.result().complete(counts);
            return counts;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            counting.remove(list, mine);
        }
    }

    private Map<InboxView, Long> countAndKeep(ListKey list, Supplier<Map<InboxView, Long>> count, AtomicLong generation,
                                              long before) {
        long now = System.nanoTime();
        Map<InboxView, Long> counts = Map.copyOf(count.get());
        if (lastCounted.size() >= MAX_LISTS) {
            lastCounted.clear();
        }
        lastCounted.put(list, counts);
        if (seconds > 0 && generation.get() == before) {
            if (lists.size() >= MAX_LISTS) {
                lists.clear();
            }
            Counted kept = new Counted(counts, now + keptNanos());
            lists.put(list, kept);
            if (generation.get() != before) {
                lists.remove(list, kept);
            }
        }
        return counts;
    }

    /**
     * How long counts are kept: {@code reintegra.inbox.counts-seconds}, less up to a fifth at random,
     * so that the lists counted when the portal got busy do not all expire, and all count again, in
     * the same second.
     */
    private long keptNanos() {
        long kept = Duration.ofSeconds(seconds).toNanos();
        return kept - ThreadLocalRandom.current().nextLong(kept / 5 + 1);
    }

    /** Another caller's count of the same list, or empty if it failed or took too long. */
    private static Optional<Map<InboxView, Long>> await(CompletableFuture<Map<InboxView, Long>> result) {
        try {
            return Optional.of(result.get(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.FINE, "Counting the list myself: another caller's count failed or took too long", e);
            return Optional.empty();
        }
    }

    /**
     * Whether the caller's transaction wrote referrals: its count may see its own uncommitted rows,
     * which are not for others to wait for.
     */
    private boolean wroteInThisTransaction() {
        if (transactions == null || transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return false;
        }
        return transactions.getResource(WRITTEN_IN_TRANSACTION) != null;
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
