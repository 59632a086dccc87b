package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.accord.testing.Http;
import org.accord.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL, both running the jobs against one SMTP server: every message of a whole round
 * (invitations, then the completed originals with their signing certificates) arrives exactly once.
 */
class ClusterMailIT {

    @TempDir
    Path data;

    @Test
    void two_nodes_on_one_database_send_each_message_once() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> settings = new HashMap<>();
            settings.put("db.url", postgres.getJdbcUrl("postgres", "postgres"));
            settings.put("db.user", "postgres");
            settings.put("db.password", "postgres");
            settings.put("mail.smtp.host", "127.0.0.1");
            settings.put("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
            settings.put("mail.smtp.starttls", "false");
            settings.put("mail.secretariat", "secretariat@example.org");
            settings.put("signing.linkKey", Base64.getEncoder().encodeToString("the link key both nodes share!!!".getBytes()));
            settings.put("scheduler.outboxEvery", "PT0.1S");
            settings.put("scheduler.roundsEvery", "PT0.2S");
            settings.put("mail.maxAttachmentMib", "0"); // every original goes as a download link instead
            Map<String, String> first = new HashMap<>(settings);
            first.put("data.dir", data.resolve("one").toString());
            Map<String, String> second = new HashMap<>(settings);
            second.put("data.dir", data.resolve("two").toString());
            try (Running a = Running.start(data.resolve("one"), first); Running b = Running.start(data.resolve("two"), second)) {
                String id = a.secretariat.post("/api/agreements", "application/yaml", Files.readAllBytes(Seeds.CICA)).json()
                        .path("id").asText();
                Http.Response issued = b.secretariat.postJson("/api/agreements/" + id + "/originals", Map.of("emails",
                        Map.of("cica", "cica@example.org", "sco-rats", "rats@example.org")));
                assertEquals(201, issued.status(), issued.toString());
                JsonNode originals = issued.json().path("originals");
                // signatures through either node; the links work on both
                int n = 0;
                for (JsonNode o : originals) {
                    for (String party : List.of("cica", "sco-rats")) {
                        Running node = n++ % 2 == 0 ? a : b;
                        String link = o.path("signingLinks").path(party).asText().replaceFirst("^http://[^/]+", "");
                        Http.Response r = node.anonymous.postForm(ServiceFlowContract.api(link), Http.form("place", "Astana",
                                "placeRu", "Астане", "password", Running.PASSWORD));
                        assertEquals(201, r.status(), r.toString());
                    }
                }
                // 4 invitations, then 3 completion mails per original (two signatories and the secretariat)
                long until = System.nanoTime() + 90_000_000_000L;
                while (System.nanoTime() < until && smtp.getReceivedMessages().length < 10) {
                    Thread.sleep(200);
                }
                Thread.sleep(1500); // anything sent twice would arrive now
                MimeMessage[] received = smtp.getReceivedMessages();
                List<String> ids = new ArrayList<>();
                for (MimeMessage m : received) {
                    ids.add(m.getMessageID());
                }
                assertEquals(10, received.length, "received: " + ids);
                assertEquals(10, ids.stream().distinct().count(), "each message once: " + ids);
                JsonNode outbox = a.secretariat.get("/api/outbox").json().path("messages");
                int sent = 0;
                for (JsonNode m : outbox) {
                    assertEquals("sent", m.path("state").asText(), m.toString());
                    assertTrue(ids.contains("<" + m.path("id").asText() + "@accord>"), m.toString());
                    sent++;
                }
                assertEquals(10, sent);

                // the completed original behind its time-limited link (larger than mail.maxAttachmentMib)
                MimeMessage completed = java.util.Arrays.stream(received).filter(m -> {
                    try {
                        return m.getSubject().startsWith("Signed by every party");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElseThrow();
                jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) completed.getContent();
                assertEquals(2, parts.getCount(), "the text and the signing certificate, not the original");
                String text = (String) parts.getBodyPart(0).getContent();
                java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://[^/\\s]+(/download/[A-Za-z0-9_-]{43})").matcher(text);
                assertTrue(link.find(), text);
                Http.Response pdf = b.anonymous.get(link.group(1));
                assertEquals(200, pdf.status(), pdf.toString());
                assertTrue(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));
                assertTrue(pdf.header("Content-Disposition").contains("cica-sco-rats-2017-original-"), pdf.header("Content-Disposition"));
                assertEquals(404, b.anonymous.get("/download/" + "A".repeat(43)).status());
            }
        } finally {
            smtp.stop();
        }
    }
}
