package org.accord.notify;

import java.util.Objects;

/** The SMTP server mails go through, and the sender they come from. */
public record MailServer(String host, int port, String user, String password, boolean starttls, String from) {

    public MailServer {
        Objects.requireNonNull(host, "host cannot be null");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "MailServer[" + host + ":" + port + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}
