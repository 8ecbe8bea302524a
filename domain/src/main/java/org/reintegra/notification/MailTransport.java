package org.reintegra.notification;

/** Hands a mail to the SMTP server; throws when the server did not take it. */
public interface MailTransport {

    void send(String messageId, String to, String subject, String body) throws MailNotSent;

    /** The server refused the mail or could not be reached. */
    class MailNotSent extends Exception {

        private static final long serialVersionUID = 1L;

        public MailNotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
