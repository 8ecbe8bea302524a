package org.reintegra.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.reintegra.tenancy.TenantOwnedEntity;

/**
 * A mail waiting in (or gone from) the recipient tenant's outbox. Its Message-ID is fixed when it
 * is written, so a mail sent again after a crash between the server's acceptance and our commit
 * carries the same id and mail clients show it once.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends TenantOwnedEntity {

    public static final int MAX_ATTEMPTS = 8;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_id")
    @SequenceGenerator(name = "mail_outbox_id", sequenceName = "mail_outbox_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "recipient", nullable = false, length = 100, updatable = false)
    private String recipient;

    @Column(name = "email", nullable = false, length = 200, updatable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16, updatable = false)
    private MailKind kind;

    @Column(name = "notification_id", updatable = false)
    private Long notificationId;

    @Column(name = "digest_up_to", updatable = false)
    private Instant digestUpTo;

    @Column(name = "message_id", nullable = false, length = 200, updatable = false)
    private String messageId;

    @Column(name = "subject", nullable = false, length = 300, updatable = false)
    private String subject;

    @Column(name = "body", nullable = false, length = 20000, updatable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private MailState state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OutboxMail() {
    }

    private OutboxMail(String recipient, String email, MailKind kind, Long notificationId, Instant digestUpTo,
                       ComposedMail text, String domain, Instant now) {
        this.recipient = recipient;
        this.email = email;
        this.kind = kind;
        this.notificationId = notificationId;
        this.digestUpTo = digestUpTo;
        this.subject = text.subject().length() > 300 ? text.subject().substring(0, 300) : text.subject();
        this.body = text.body().length() > 20000 ? text.body().substring(0, 20000) : text.body();
        this.messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        this.state = MailState.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    static OutboxMail immediate(String recipient, String email, long notificationId, ComposedMail text, String domain,
                                Instant now) {
        return new OutboxMail(recipient, email, MailKind.IMMEDIATE, notificationId, null, text, domain, now);
    }

    static OutboxMail digest(String recipient, String email, Instant upTo, ComposedMail text, String domain, Instant now) {
        return new OutboxMail(recipient, email, MailKind.DIGEST, null, upTo, text, domain, now);
    }

    void sent(Instant now) {
        this.state = MailState.SENT;
        this.sentAt = now;
        this.attempts++;
        this.lastError = null;
    }

    /** The server refused: try again later, backing off, and give up after {@link #MAX_ATTEMPTS}. */
    void refused(String error, Instant now) {
        this.attempts++;
        this.lastError = error == null ? "unknown" : error.length() > 500 ? error.substring(0, 500) : error;
        if (attempts >= MAX_ATTEMPTS) {
            this.state = MailState.FAILED;
        } else {
            this.nextAttemptAt = now.plus(Duration.ofSeconds(30L << Math.min(attempts, 10)));
        }
    }

    public Long id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public String email() {
        return email;
    }

    public MailKind kind() {
        return kind;
    }

    public String messageId() {
        return messageId;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public MailState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }
}
