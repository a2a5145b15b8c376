package id.padu.app.shared;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * E-mail from Padu (bandwidth requests, review rounds) through SMTP ({@code spring.mail.host}
 * etc.). Sent after the change has committed, so a rolled-back decision never announces itself;
 * a mail server that is down is logged and does not undo the decision. Without
 * {@code spring.mail.host}, or without a recipient with an address, nothing is sent, and
 * {@link #send} says so: a page must never claim an e-mail that was not sent.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> mail, @Value("${padu.mail.from:padu@localhost}") String from) {
        this.mail = mail;
        this.from = from;
    }

    /**
     * Queues the mail for after the commit.
     *
     * @return whether a mail will be sent: SMTP is configured and at least one recipient has an address
     */
    public boolean send(List<String> to, String subject, String text) {
        List<String> recipients = to.stream().filter(a -> a != null && !a.isBlank()).distinct().toList();
        JavaMailSender sender = mail.getIfAvailable();
        if (recipients.isEmpty() || sender == null) {
            return false;
        }
        Runnable job = () -> {
            SimpleMailMessage m = new SimpleMailMessage();
            m.setFrom(from);
            m.setTo(recipients.toArray(String[]::new));
            m.setSubject(subject);
            m.setText(text);
            try {
                sender.send(m);
            } catch (MailException e) {
                log.warn("E-mail '{}' to {} not sent: {}", subject, recipients, e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    job.run();
                }
            });
        } else {
            job.run();
        }
        return true;
    }
}
