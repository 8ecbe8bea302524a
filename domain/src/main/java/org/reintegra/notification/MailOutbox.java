package org.reintegra.notification;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.reintegra.access.Roles;
import org.reintegra.referral.ReferralSide;
import org.reintegra.staff.NotificationDelivery;
import org.reintegra.staff.StaffMember;
import org.reintegra.tenancy.CurrentTenant;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;
import jakarta.inject.Inject;

/**
 * The mail outbox of the bound tenant (a background job binds each tenant in turn). Three steps,
 * each in a transaction of its own:
 * <ol>
 *   <li>{@link #fanOut}: each new notification addressed to this tenant becomes one mail per person
 *       who wants mail at once, and is marked as fanned out (in the same transaction);</li>
 *   <li>{@link #composeDigests}: people who chose the daily digest get one mail listing what came
 *       since their last digest;</li>
 *   <li>{@link #sendNext}: one due mail is locked (other workers skip it), handed to the SMTP server
 *       and marked sent in the same transaction.</li>
 * </ol>
 * Nothing is lost: a notification commits with its change, and stays in the outbox until the
 * server took it. Nothing is sent twice: a person gets at most one mail per notification (a unique
 * key), and a mail is marked sent in the transaction that sent it; only a crash between the
 * server's acceptance and our commit repeats a mail, with the same Message-ID.
 */
@Stateless
@TenantBound
@PermitAll // run by the portal's background job for the bound tenant, with no user: see MailSchedule
public class MailOutbox {

    /** Notifications older than this are not mailed any more (the bell still shows them). */
    static final Duration FAN_OUT_HORIZON = Duration.ofDays(2);
    /** At most this many notifications are fanned out per call; a full batch means more may wait. */
    public static final int BATCH = 200;

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @Inject
    private CurrentTenant currentTenant;

    private final Clock clock = Clock.systemUTC();

    /**
     * Turns this tenant's new notifications (at most {@link #BATCH}) into mail; returns how many
     * notifications were fanned out.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int fanOut(MailComposer composer, String messageIdDomain) {
        Instant now = clock.instant();
        List<Notification> fresh = entityManager.createQuery("SELECT n FROM Notification n WHERE n.createdAt > :horizon"
                        + " AND NOT EXISTS (SELECT f FROM NotificationFanout f WHERE f.notificationId = n.id)"
                        + " ORDER BY n.createdAt, n.id", Notification.class)
                .setParameter("horizon", now.minus(FAN_OUT_HORIZON))
                .setMaxResults(BATCH)
                .getResultList();
        for (Notification notification : fresh) {
            for (StaffMember person : recipientsOf(notification)) {
                if (person.notificationDelivery() == NotificationDelivery.IMMEDIATE && person.email() != null
                        && !person.username().equals(notification.causedBy())) {
                    entityManager.persist(OutboxMail.immediate(person.username(), person.email(), notification.id(),
                            composer.immediate(notification, localeOf(person)), messageIdDomain, now));
                }
            }
            entityManager.persist(new NotificationFanout(notification.id(), now));
        }
        return fresh.size();
    }

    /**
     * Writes the daily digest of everyone in this tenant who chose it and has not had one up to
     * {@code cutoff}; returns how many digests were written.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int composeDigests(Instant cutoff, MailComposer composer, String messageIdDomain) {
        Instant now = clock.instant();
        List<StaffMember> readers = entityManager.createQuery("SELECT s FROM StaffMember s WHERE"
                        + " s.notificationDelivery = :digest AND s.email IS NOT NULL"
                        + " AND (s.digestSentUpTo IS NULL OR s.digestSentUpTo < :cutoff)", StaffMember.class)
                .setParameter("digest", NotificationDelivery.DAILY_DIGEST)
                .setParameter("cutoff", cutoff)
                .getResultList();
        int written = 0;
        for (StaffMember reader : readers) {
            if (!worksReferrals(reader)) {
                reader.digestSent(cutoff);
                continue;
            }
            Instant from = reader.digestSentUpTo() == null ? cutoff.minus(Duration.ofDays(1)) : reader.digestSentUpTo();
            List<Notification> news = notificationsFor(reader, from, cutoff);
            if (!news.isEmpty()) {
                entityManager.persist(OutboxMail.digest(reader.username(), reader.email(), cutoff,
                        composer.digest(news, localeOf(reader)), messageIdDomain, now));
                written++;
            }
            reader.digestSent(cutoff);
        }
        return written;
    }

    /**
     * Sends the next due mail of this tenant, if any: locked so that a second worker skips it,
     * marked sent (or refused, to retry later) in the same transaction. False when none was due.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean sendNext(MailTransport transport) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> due = entityManager.createNativeQuery("SELECT id FROM mail_outbox WHERE tenant_id = ?1"
                        + " AND state = 'PENDING' AND next_attempt_at <= ?2 ORDER BY next_attempt_at, id LIMIT 1"
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, currentTenant.require().value())
                .setParameter(2, java.sql.Timestamp.from(now))
                .getResultList();
        if (due.isEmpty()) {
            return false;
        }
        OutboxMail mail = entityManager.find(OutboxMail.class, due.get(0).longValue());
        try {
            transport.send(mail.messageId(), mail.email(), mail.subject(), mail.body());
            mail.sent(clock.instant());
        } catch (MailTransport.MailNotSent refused) {
            mail.refused(refused.getMessage(), clock.instant());
        }
        return true;
    }

    /** When this tenant's next waiting mail is due (now or in the past when one is due already), if any waits. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Instant> nextDue() {
        // ordered and limited rather than MIN(): EclipseLink hands an aggregate's value to the attribute's converter unconverted
        return entityManager.createQuery("SELECT m.nextAttemptAt FROM OutboxMail m WHERE m.state = :pending"
                        + " ORDER BY m.nextAttemptAt", Instant.class)
                .setParameter("pending", MailState.PENDING)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** Mails of this tenant still waiting to go, for health checks and tests. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long pendingCount() {
        return entityManager.createQuery("SELECT COUNT(m) FROM OutboxMail m WHERE m.state = :pending", Long.class)
                .setParameter("pending", MailState.PENDING)
                .getSingleResult();
    }

    private List<StaffMember> recipientsOf(Notification notification) {
        if (notification.recipient() != null) {
            StaffMember one = entityManager.find(StaffMember.class, notification.recipient());
            return one == null ? List.of() : List.of(one);
        }
        // addressed to everyone of the side who works referrals: on the partner side, staff and registrars
        return entityManager.createQuery("SELECT s FROM StaffMember s WHERE s.roles LIKE :staff OR s.roles LIKE :registrar"
                        + " OR s.roles LIKE :officer", StaffMember.class)
                .setParameter("staff", "%" + Roles.PARTNER_STAFF + "%")
                .setParameter("registrar", "%" + Roles.COLLEGE_REGISTRAR + "%")
                .setParameter("officer", "%" + (notification.recipientSide() == ReferralSide.AGENCY
                        ? Roles.AGENCY_OFFICER : Roles.PARTNER_STAFF) + "%") // an agency's notices name their officer
                .getResultList();
    }

    private List<Notification> notificationsFor(StaffMember reader, Instant after, Instant upTo) {
        List<Notification> found = entityManager.createQuery("SELECT n FROM Notification n WHERE n.createdAt > :after"
                        + " AND n.createdAt <= :upTo AND (n.recipient = :me OR n.recipient IS NULL)"
                        + " ORDER BY n.createdAt, n.id", Notification.class)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setParameter("me", reader.username())
                .setMaxResults(BATCH)
                .getResultList();
        List<Notification> forReader = new ArrayList<>();
        for (Notification n : found) {
            if (!reader.username().equals(n.causedBy())) {
                forReader.add(n);
            }
        }
        return forReader;
    }

    private static boolean worksReferrals(StaffMember person) {
        return person.hasRole(Roles.AGENCY_OFFICER) || person.hasRole(Roles.PARTNER_STAFF)
                || person.hasRole(Roles.COLLEGE_REGISTRAR);
    }

    private static Locale localeOf(StaffMember person) {
        return person.preferredLocale() == null ? Locale.ENGLISH : Locale.forLanguageTag(person.preferredLocale());
    }
}
