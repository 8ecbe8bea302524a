package org.reintegra.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's SMTP server: a real one (GreenMail) on 127.0.0.1 that keeps what the portal
 * sends and writes each mail to a file, so notification mail can be read without an outside mail
 * system. Nothing leaves the machine.
 */
public final class MailCatcher implements AutoCloseable {

    private final GreenMail server;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mail-catcher");
        thread.setDaemon(true);
        return thread;
    });
    private int written;

    private MailCatcher(GreenMail server, Path mailLog) {
        this.server = server;
        writer.scheduleWithFixedDelay(() -> writeNew(mailLog), 2, 2, TimeUnit.SECONDS);
    }

    /** Starts the server on the port, appending every received mail to {@code mailLog}. */
    public static MailCatcher start(int port, Path mailLog) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new MailCatcher(server, mailLog);
    }

    private synchronized void writeNew(Path mailLog) {
        MimeMessage[] received = server.getReceivedMessages();
        StringBuilder text = new StringBuilder();
        for (MimeMessage message : Arrays.copyOfRange(received, written, received.length)) {
            try {
                text.append("=== To: ").append(Arrays.toString(message.getAllRecipients()))
                        .append("\n=== Subject: ").append(message.getSubject()).append("\n")
                        .append(GreenMailUtil.getBody(message)).append("\n\n");
            } catch (MessagingException unreadable) {
                text.append("=== (unreadable mail: ").append(unreadable.getMessage()).append(")\n\n");
            }
        }
        if (text.length() > 0) {
            try {
                Files.writeString(mailLog, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        written = received.length;
    }

    @Override
    public void close() {
        writer.shutdownNow();
        server.stop();
    }
}
