package org.reintegra.notification.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Mail configuration from MicroProfile Config (environment: REINTEGRA_MAIL_*). */
@ApplicationScoped
public class MailSettings {

    @Inject
    @ConfigProperty(name = "reintegra.mail.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "reintegra.mail.smtp.host", defaultValue = "127.0.0.1")
    String smtpHost;

    @Inject
    @ConfigProperty(name = "reintegra.mail.smtp.port", defaultValue = "2525")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "reintegra.mail.smtp.user")
    Optional<String> smtpUser;

    @Inject
    @ConfigProperty(name = "reintegra.mail.smtp.password")
    Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "reintegra.mail.smtp.starttls", defaultValue = "false")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "reintegra.mail.from", defaultValue = "Reintegra <no-reply@reintegra.example>")
    String from;

    @Inject
    @ConfigProperty(name = "reintegra.mail.poll-seconds", defaultValue = "20")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "reintegra.mail.sweep-seconds", defaultValue = "600")
    int sweepSeconds;

    @Inject
    @ConfigProperty(name = "reintegra.mail.digest-time", defaultValue = "07:00")
    String digestTime;

    @Inject
    @ConfigProperty(name = "reintegra.mail.zone", defaultValue = "UTC")
    String zone;

    @Inject
    @ConfigProperty(name = "reintegra.portal.base-url", defaultValue = "http://127.0.0.1:8080/")
    String portalBaseUrl;

    public boolean enabled() {
        return enabled;
    }

    public String smtpHost() {
        return smtpHost;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public Optional<String> smtpUser() {
        return smtpUser.filter(u -> !u.isBlank());
    }

    public Optional<String> smtpPassword() {
        return smtpPassword;
    }

    public boolean startTls() {
        return startTls;
    }

    public String from() {
        return from;
    }

    public int pollSeconds() {
        return Math.max(1, pollSeconds);
    }

    /** How often every tenant's outbox is looked at, not only those known to have work. */
    public Duration sweepInterval() {
        return Duration.ofSeconds(Math.max(pollSeconds(), sweepSeconds));
    }

    public LocalTime digestTime() {
        return LocalTime.parse(digestTime);
    }

    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    /** The portal's address for links in mail, ending with a slash. */
    public String portalBaseUrl() {
        return portalBaseUrl.endsWith("/") ? portalBaseUrl : portalBaseUrl + "/";
    }

    /** The domain part of Message-IDs. */
    public String messageIdDomain() {
        String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from;
        return address.contains("@") ? address.substring(address.indexOf('@') + 1) : "reintegra.local";
    }
}
