package org.accord.notify;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.List;
import java.util.Properties;
import org.accord.store.Outbox;

/** Sends one outbox mail over SMTP (Jakarta Mail): plain text in UTF-8, its files attached. */
final class Mailer {

    private final Session session;
    private final MailServer server;

    Mailer(MailServer server) {
        this.server = server;
        Properties p = new Properties();
        p.put("mail.smtp.host", server.host());
        p.put("mail.smtp.port", String.valueOf(server.port()));
        p.put("mail.smtp.auth", String.valueOf(!server.user().isEmpty()));
        p.put("mail.smtp.starttls.enable", String.valueOf(server.starttls()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.writetimeout", "20000");
        this.session = Session.getInstance(p);
    }

    /** Sends {@code m} with {@code files}; the message id is the outbox id, so a receiver can tell a resend. */
    void send(Outbox.Message m, List<Outbox.Attachment> files) throws MessagingException {
        MimeMessage mail = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + m.id() + "@accord>");
            }
        };
        mail.setFrom(new InternetAddress(server.from()));
        mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(m.recipient(), true));
        mail.setSubject(m.subject().replaceAll("[\\r\\n\\t]+", " "), "UTF-8");
        mail.setHeader("Auto-Submitted", "auto-generated");
        if (files.isEmpty()) {
            mail.setText(m.body(), "UTF-8");
        } else {
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(m.body(), "UTF-8");
            parts.addBodyPart(text);
            for (Outbox.Attachment a : files) {
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(a.bytes(), a.contentType())));
                file.setFileName(a.fileName());
                file.setDisposition(MimeBodyPart.ATTACHMENT);
                parts.addBodyPart(file);
            }
            mail.setContent(parts);
        }
        mail.saveChanges();
        if (server.user().isEmpty()) {
            Transport.send(mail);
        } else {
            Transport.send(mail, server.user(), server.password());
        }
    }
}
