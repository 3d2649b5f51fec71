package org.uputnica.notifications;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in the test JVM, spoken to over implicit TLS with a login, as a production relay
 * would be. Tests read what it received; they can stop it to see deliveries fail and start it again.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {
    static final String USER = "uputnica";
    static final String PASSWORD = "smtp-secret";
    private static int port;
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        port = freePort();
        startServer();
        return Map.of(
                "quarkus.mailer.host", "localhost",
                "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.tls", "true",
                // GreenMail's certificate is self-signed; the connection is still TLS
                "quarkus.mailer.tls-configuration-name", "test-smtp",
                "quarkus.tls.test-smtp.trust-all", "true",
                "quarkus.mailer.username", USER,
                "quarkus.mailer.password", PASSWORD);
    }

    @Override
    public void stop() {
        stopServer();
    }

    static synchronized void startServer() {
        // GreenMail's 2 s to start SMTPS were too few on a loaded 2-core machine (seen under load average 45)
        ServerSetup setup = new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTPS);
        setup.setServerStartupTimeout(60_000);
        server = new GreenMail(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));
        server.start();
    }

    static synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every message received since the server (re)started that is addressed to {@code address}. */
    static synchronized List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> recipients(m).contains(address.toLowerCase()))
                .toList();
    }

    static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            // SMTP carries lines ending in CRLF
            return (content instanceof String s ? s : String.valueOf(content)).replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(a -> a.toString().toLowerCase()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
