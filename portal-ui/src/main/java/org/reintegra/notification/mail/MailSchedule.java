package org.reintegra.notification.mail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.reintegra.notification.MailOutbox;
import org.reintegra.notification.MailWork;
import org.reintegra.organisation.OrganisationDirectory;
import org.reintegra.organisation.OrganisationSummary;
import org.reintegra.tenancy.TenantBinding;
import org.reintegra.tenancy.TenantId;

/**
 * Drives the tenants' mail outboxes in the background: every few seconds it fans new
 * notifications out to mail and sends what is due, for the tenants known to have work
 * ({@link MailWork}); every sweep interval, and once a day at the digest time, it visits every
 * tenant (the digests are written then). Each tenant runs bound to itself, so the outbox passes
 * both walls like any other work. With several portal instances, each may run it: fan-out
 * markers, unique keys and {@code SKIP LOCKED} keep them from doing the same work twice.
 */
@Singleton
@Startup
public class MailSchedule {

    private static final Logger LOG = Logger.getLogger(MailSchedule.class.getName());
    private static final int SENDS_PER_ROUND = 100;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    MailSettings settings;

    @Inject
    SmtpMailTransport transport;

    @Inject
    PortalMailComposer composer;

    @EJB
    MailOutbox outbox;

    @EJB
    OrganisationDirectory organisations;

    @Inject
    MailWork work;

    private ScheduledFuture<?> rounds;
    private volatile boolean smtpWarned;

    @PostConstruct
    void start() {
        if (!settings.enabled()) {
            LOG.info("Notification mail is switched off (reintegra.mail.enabled=false); the outbox keeps it");
            return;
        }
        rounds = executor.scheduleWithFixedDelay(this::round, settings.pollSeconds(), settings.pollSeconds(),
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (rounds != null) {
            rounds.cancel(false);
        }
    }

    /** One round over the tenants with work (or all of them); a failing tenant does not stop the others. */
    void round() {
        Instant now = Instant.now();
        Instant digestCutoff = lastDigestCutoff();
        List<TenantId> tenants = work.tenantsForRound(now, digestCutoff, settings.sweepInterval(),
                () -> organisations.all().stream().map(OrganisationSummary::id).toList());
        for (TenantId tenant : tenants) {
            try {
                TenantBinding.callAs(tenant, () -> {
                    visit(tenant, digestCutoff);
                    return null;
                });
            } catch (Exception e) {
                work.due(tenant, Instant.now().plusSeconds(settings.pollSeconds()));
                if (!smtpWarned) {
                    LOG.log(Level.WARNING, "Mail round failed for " + tenant + "; mail stays in the outbox", e);
                    smtpWarned = true;
                }
            }
        }
    }

    /** Fans out, writes due digests and sends, for the bound tenant; marks it again if mail still waits. */
    private void visit(TenantId tenant, Instant digestCutoff) {
        if (outbox.fanOut(composer, settings.messageIdDomain()) == MailOutbox.BATCH) {
            work.due(tenant, Instant.now()); // more notifications may wait: next round
        }
        outbox.composeDigests(digestCutoff, composer, settings.messageIdDomain());
        int sent = 0;
        while (sent < SENDS_PER_ROUND && outbox.sendNext(transport)) {
            sent++;
        }
        if (sent == SENDS_PER_ROUND) {
            work.due(tenant, Instant.now());
        } else {
            outbox.nextDue().ifPresent(at -> work.due(tenant, at));
        }
    }

    /** The most recent digest time that has passed: digests cover everything up to it. */
    Instant lastDigestCutoff() {
        ZonedDateTime now = ZonedDateTime.now(settings.zone());
        ZonedDateTime today = LocalDate.now(settings.zone()).atTime(settings.digestTime()).atZone(settings.zone());
        return (now.isBefore(today) ? today.minusDays(1) : today).toInstant();
    }
}
