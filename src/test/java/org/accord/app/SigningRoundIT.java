package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.notify.Webhooks;
import org.accord.testing.Http;
import org.accord.testing.PdfA;
import org.accord.testing.PdfText;
import org.accord.testing.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signing round that runs itself, against a real SMTP server (GreenMail) and a loopback webhook receiver: issuing
 * in the parties' order invites the first party only; signing through the link taken from the mail invites the next;
 * a reminder follows after a short interval; the last signature brings the completed original and its signing
 * certificate by mail; the mail server stopped and started again loses nothing; declining tells everyone; every
 * webhook carries a valid HMAC.
 */
class SigningRoundIT {

    private static final String SECRET = "webhook-secret-of-the-test";
    private static final Pattern LINK = Pattern.compile("https?://\\S+/sign/([A-Za-z0-9_-]{43})");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private GreenMail smtp;
    private int smtpPort;
    private final List<MimeMessage> mails = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private final List<Map<String, String>> hooks = new CopyOnWriteArrayList<>();
    private Running s;
    private final MovableClock clock = new MovableClock();

    /** The system clock, moved forward by what the test says: deadlines pass without waiting for them. */
    private static final class MovableClock extends java.time.Clock {
        private volatile Duration ahead = Duration.ZERO;

        void advance(Duration by) {
            ahead = ahead.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        smtpPort = smtp.getSmtp().getPort();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            hooks.add(Map.of("signature", String.valueOf(exchange.getRequestHeaders().getFirst(Webhooks.SIGNATURE)),
                    "event", String.valueOf(exchange.getRequestHeaders().getFirst("Accord-Event")),
                    "body", new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Map<String, String> settings = new HashMap<>();
        settings.put("mail.smtp.host", "127.0.0.1");
        settings.put("mail.smtp.port", String.valueOf(smtpPort));
        settings.put("mail.smtp.starttls", "false");
        settings.put("mail.from", "accord@example.org");
        settings.put("mail.secretariat", "secretariat@example.org");
        settings.put("webhooks.url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
        settings.put("webhooks.secret", SECRET);
        settings.put("scheduler.outboxEvery", "PT0.2S");
        settings.put("scheduler.roundsEvery", "PT0.3S");
        settings.put("scheduler.retryAfter", "PT0.3S");
        settings.put("signing.reminderInterval", "PT3S");
        settings.put("scheduler.archiveEvery", "PT0.5S");
        settings.put("archive.renewBefore", "P36500D"); // every original at B-LTA is due for a new archive time-stamp
        s = Running.start(data, settings, clock);
    }

    @AfterEach
    void stop() {
        if (s != null) {
            s.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void a_round_in_order_invites_reminds_completes_and_survives_a_mail_server_outage() throws Exception {
        Http.Response created = s.secretariat.post("/api/agreements", "application/yaml", Files.readAllBytes(Seeds.CICA));
        String id = created.json().path("id").asText();
        Http.Response issued = s.secretariat.postJson("/api/agreements/" + id + "/originals", Map.of("layout", "parallel",
                "order", "listed", "emails", Map.of("cica", "cica.signatory@example.org", "sco-rats", "rats.signatory@example.org")));
        assertEquals(201, issued.status(), issued.toString());
        JsonNode originals = issued.json().path("originals");
        String one = originals.get(0).path("id").asText();
        String two = originals.get(1).path("id").asText();
        assertFalse(originals.get(0).path("signingLinks").has("sco-rats"), "in order, the second party is not invited yet");

        // one invitation per original, to the first party only, in both languages, with its personal link
        List<MimeMessage> invitations = await(m -> to(m, "cica.signatory@example.org") && subject(m).startsWith("Please sign"), 2);
        String invitation = text(invitations.get(0));
        assertTrue(subject(invitations.get(0)).contains("Просьба подписать"), subject(invitations.get(0)));
        assertTrue(invitation.contains("on behalf of the Secretariat of the Conference on Interaction"), invitation);
        assertTrue(invitation.contains("от имени Секретариата Совещания по взаимодействию"), invitation);
        assertEquals(0, mails.stream().filter(m -> to(m, "rats.signatory@example.org")).count(), "the second party waits its turn");
        assertEquals(409, s.secretariat.post("/api/originals/" + two + "/links/sco-rats", "application/json", new byte[0]).status(),
                "no link for a party before its turn");

        // sign original 1 for CICA through the link from its mail
        String cicaLink = linkIn(mailFor(invitations, one, "cica"));
        Http.Response signed = s.anonymous.postForm(ServiceFlowContract.api(cicaLink), Http.form("place", "Astana", "placeRu", "Астане",
                "password", Running.PASSWORD));
        assertEquals(201, signed.status(), signed.toString());

        // now SCO RATS is invited, and told why now
        MimeMessage next = await(m -> to(m, "rats.signatory@example.org") && subject(m).startsWith("Please sign"), 1).get(0);
        assertTrue(text(next).contains("because CICA Secretariat has signed; the parties sign in the order"), text(next));
        String ratsLink = linkIn(next);

        // a reminder follows for a pending signatory, with the same link again
        MimeMessage reminder = await(m -> to(m, "rats.signatory@example.org") && subject(m).startsWith("Reminder"), 1).get(0);
        assertEquals(ratsLink, linkIn(reminder), "the reminder carries the link of the invitation");

        // the mail server goes down; the last signature is stored and its mails wait in the outbox
        collect();
        smtp.stop();
        Instant outage = Instant.now();
        int before = mails.size();
        Http.Response last = s.anonymous.postForm(ServiceFlowContract.api(ratsLink), Http.form("place", "Tashkent", "placeRu", "Ташкенте",
                "password", Running.PASSWORD));
        assertEquals(201, last.status(), last.toString());
        JsonNode waiting = awaitOutbox(o -> o.path("kind").asText().equals("completed") && o.path("attempts").asInt() > 0
                && o.path("state").asText().equals("pending"));
        assertNotNull(waiting.path("lastError").textValue(), "the failed attempt is recorded");

        // back up on the same port: every completion mail arrives, with the original and the signing certificate
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();
        List<MimeMessage> completed = await(m -> subject(m).startsWith("Signed by every party"), 3);
        assertEquals(List.of("cica.signatory@example.org", "rats.signatory@example.org", "secretariat@example.org"),
                completed.stream().map(SigningRoundIT::recipient).sorted().toList());
        Map<String, byte[]> files = attachments(completed.get(0));
        assertEquals(2, files.size(), files.keySet().toString());
        byte[] original = files.get("cica-sco-rats-2017-original-1-of-2.pdf");
        byte[] certificate = files.get("cica-sco-rats-2017-original-1-of-2-signing-certificate.pdf");
        assertNotNull(original, files.keySet().toString());
        assertNotNull(certificate, files.keySet().toString());
        Files.write(Path.of("target", "signing-certificate-sample.pdf"), certificate); // kept for people to look at
        String certificateText = PdfText.all(certificate);
        assertTrue(certificateText.contains("Signing certificate") && certificateText.contains("Свидетельство о подписании"), certificateText);
        assertTrue(certificateText.contains("Yevgeniy Sysoyev") || certificateText.contains("SCO RATS"), certificateText);
        assertTrue(certificateText.contains("в Ташкенте"), "the place in Russian, as after «в»: " + certificateText);
        assertTrue(certificateText.contains("original.signed"), "the audit events of the original: " + certificateText);
        PdfA.assertPdfA3b(certificate, "signing certificate");
        JsonNode verdict = s.archivist.postForm("/api/verify", Http.form("file", original)).json();
        assertEquals("valid", verdict.path("documents").get(0).path("verdict").asText(), verdict.toString());
        assertEquals(200, s.secretariat.get("/api/originals/" + one + "/certificate").status());
        assertEquals("completed", s.secretariat.get("/api/originals/" + one).json().path("round").path("state").asText());

        // nothing was lost and nothing sent twice: every mail written during the outage arrived, none twice
        Thread.sleep(1000);
        collect();
        JsonNode outbox = s.secretariat.get("/api/outbox").json().path("messages");
        List<String> duringOutage = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (JsonNode m : outbox) {
            if (m.path("channel").asText().equals("mail")) {
                String messageId = "<" + m.path("id").asText() + "@accord>";
                all.add(messageId);
                if (m.path("state").asText().equals("sent")) {
                    assertFalse(m.has("body"), "a sent mail no longer shows its body with the personal link");
                }
                if (Instant.parse(m.path("createdAt").asText()).isAfter(outage)) {
                    duringOutage.add(messageId);
                }
            }
        }
        List<String> received = mails.stream().map(SigningRoundIT::messageId).toList();
        assertEquals(received.size(), received.stream().distinct().count(), "no mail arrived twice: " + received);
        assertTrue(all.containsAll(received), "every mail received came from the outbox");
        assertTrue(duringOutage.size() >= 3, duringOutage.toString());
        for (String mail : duringOutage) {
            assertTrue(received.contains(mail) || waitingIn(outbox, mail), mail + " was lost");
        }
        assertTrue(mails.size() > before);

        // original 2: CICA declines; the secretariat and SCO RATS are told, the link stops working
        String cicaTwo = linkIn(mailFor(invitations, two, "cica"));
        assertEquals(204, s.anonymous.postJson(ServiceFlowContract.api(cicaTwo) + "/decline",
                Map.of("reason", "The text of Article 3 must be agreed again.")).status());
        List<MimeMessage> declined = await(m -> subject(m).startsWith("Declined"), 2);
        assertEquals(List.of("rats.signatory@example.org", "secretariat@example.org"),
                declined.stream().map(SigningRoundIT::recipient).sorted().toList());
        assertTrue(text(declined.get(0)).contains("The text of Article 3 must be agreed again."));
        JsonNode round = s.secretariat.get("/api/originals/" + two).json().path("round");
        assertEquals("declined", round.path("state").asText());
        assertEquals("cica", round.path("declinedBy").asText());
        assertEquals(410, s.anonymous.postForm(ServiceFlowContract.api(cicaTwo), Http.form("place", "Astana", "placeRu", "Астане",
                "password", Running.PASSWORD)).status());

        // webhooks: every step, each with a valid HMAC over its timestamp and body
        awaitHooks("party.declined");
        List<String> types = hooks.stream().map(h -> h.get("event")).toList();
        for (String type : List.of("original.issued", "party.invited", "party.signed", "original.completed", "party.declined")) {
            assertTrue(types.contains(type), type + " in " + types);
        }
        for (Map<String, String> h : hooks) {
            String header = h.get("signature");
            long t = Long.parseLong(header.replaceAll("^t=(\\d+),.*$", "$1"));
            assertEquals(Webhooks.signature(SECRET.getBytes(StandardCharsets.UTF_8), t, h.get("body")), header, "HMAC of " + h.get("event"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - t) < 300, "a fresh timestamp");
            assertEquals(h.get("event"), JSON.readTree(h.get("body")).path("type").asText());
        }
    }

    @Test
    void a_passed_deadline_closes_the_round_tells_the_secretariat_and_a_new_link_reopens_it() throws Exception {
        String id = s.secretariat.post("/api/agreements", "application/yaml", Files.readAllBytes(Seeds.CICA)).json().path("id").asText();
        Http.Response issued = s.secretariat.postJson("/api/agreements/" + id + "/originals", Map.of("layout", "parallel",
                "emails", Map.of("cica", "cica.signatory@example.org", "sco-rats", "rats.signatory@example.org")));
        assertEquals(201, issued.status(), issued.toString());
        String one = issued.json().path("originals").get(0).path("id").asText();
        List<MimeMessage> invitations = await(m -> subject(m).startsWith("Please sign"), 4);
        String cicaLink = linkIn(mailFor(invitations, one, "cica"));
        assertEquals(200, s.anonymous.get(ServiceFlowContract.api(cicaLink)).status());

        // a new link for SCO RATS replaces its first one, and the audit trail says so
        assertEquals(201, s.secretariat.post("/api/originals/" + one + "/links/sco-rats", "application/json", new byte[0]).status());
        assertEquals(List.of("secretariat: replaced by a new link"), revocations(one));

        // the deadline (signing.linkDays, 30 days) passes with nobody signed
        clock.advance(Duration.ofDays(31));
        List<MimeMessage> expired = await(m -> subject(m).startsWith("Deadline passed"), 2);
        assertEquals(List.of("secretariat@example.org"), expired.stream().map(SigningRoundIT::recipient).distinct().toList(),
                "only the secretariat is told");
        MimeMessage forOne = expired.stream().filter(m -> subject(m).contains("original 1 of 2")).findFirst().orElseThrow();
        String notSigned = text(forOne).lines().filter(l -> l.startsWith("Not signed: ")).findFirst().orElse("");
        assertTrue(notSigned.contains("CICA") && notSigned.contains("SCO RATS"), "both parties missing: " + text(forOne));
        assertTrue(text(forOne).contains("Не подписали: "), "in Russian too: " + text(forOne));
        JsonNode round = s.secretariat.get("/api/originals/" + one).json().path("round");
        assertEquals("expired", round.path("state").asText(), round.toString());
        Http.Response refused = s.anonymous.postForm(ServiceFlowContract.api(cicaLink), Http.form("place", "Astana", "placeRu", "Астане",
                "password", Running.PASSWORD));
        assertEquals(410, refused.status(), "a link of a closed round does not sign: " + refused);
        assertEquals(1, mails.stream().filter(m -> subject(m).contains("Deadline passed") && subject(m).contains("original 1 of 2"))
                .count(), "the secretariat is told once");
        assertEquals(List.of("secretariat: replaced by a new link", "scheduler: the signing round closed on its deadline",
                "scheduler: the signing round closed on its deadline"), revocations(one), "each open link's end is audited");

        // a new link reopens the round for the link's lifetime, and it signs
        assertEquals(201, s.secretariat.post("/api/originals/" + one + "/links/cica", "application/json", new byte[0]).status());
        MimeMessage again = await(m -> to(m, "cica.signatory@example.org") && subject(m).startsWith("Please sign")
                && !invitations.contains(m), 1).get(0);
        String newLink = linkIn(again);
        assertFalse(newLink.equals(cicaLink));
        assertEquals("open", s.secretariat.get("/api/originals/" + one).json().path("round").path("state").asText());
        assertEquals(201, s.anonymous.postForm(ServiceFlowContract.api(newLink), Http.form("place", "Astana", "placeRu", "Астане",
                "password", Running.PASSWORD)).status());
    }

    @Test
    void the_archive_job_renews_an_original_at_b_lta_and_every_extension_reaches_the_webhook() throws Exception {
        String id = s.secretariat.post("/api/agreements", "application/yaml", Files.readAllBytes(Seeds.CICA)).json().path("id").asText();
        Http.Response issued = s.secretariat.postJson("/api/agreements/" + id + "/originals", Map.of("layout", "parallel",
                "emails", Map.of("cica", "cica.signatory@example.org", "sco-rats", "rats.signatory@example.org")));
        String one = issued.json().path("originals").get(0).path("id").asText();
        JsonNode links = issued.json().path("originals").get(0).path("signingLinks");
        for (String party : List.of("cica", "sco-rats")) {
            assertEquals(201, s.anonymous.postForm(ServiceFlowContract.api(links.path(party).asText()), Http.form("place", "Astana",
                    "placeRu", "Астане", "password", Running.PASSWORD)).status());
        }
        Http.Response extended = s.archivist.post("/api/originals/" + one + "/extend?level=B-LTA", "application/json", new byte[0]);
        assertEquals(201, extended.status(), extended.toString());
        int extendedRevision = extended.json().path("number").asInt();

        // the archive job finds it due (archive.renewBefore is a century here) and adds an archive time-stamp
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode renewal = null;
        while (renewal == null && System.nanoTime() < until) {
            for (JsonNode e : s.archivist.get("/api/audit").json().path("events")) {
                if (e.path("action").asText().equals("original.renewed") && e.path("subject").asText().startsWith("original:" + one + "/")) {
                    renewal = e;
                }
            }
            Thread.sleep(200);
        }
        assertNotNull(renewal, "no renewal in the audit trail: " + s.archivist.get("/api/audit").text());
        assertEquals("scheduler", renewal.path("actor").asText());
        JsonNode status = s.secretariat.get("/api/originals/" + one).json();
        int latest = status.path("revisions").size() - 1;
        assertTrue(latest > extendedRevision, "the renewal is a revision of its own: " + status);
        byte[] renewed = s.secretariat.get("/api/originals/" + one + "/revisions/" + latest + "/pdf").body();
        JsonNode verdict = s.archivist.postForm("/api/verify", Http.form("file", renewed)).json();
        JsonNode document = verdict.path("documents").get(0);
        assertEquals("valid", document.path("verdict").asText(), verdict.toString());
        long archiveStamps = 0;
        for (JsonNode t : document.path("signatures").get(0).path("timestamps")) {
            if (List.of("archive", "document").contains(t.path("kind").asText()) && t.path("indication").asText().equals("PASSED")) {
                archiveStamps++;
            }
        }
        assertTrue(archiveStamps >= 2, "the extension's archive time-stamp and the renewal's: " + document);

        // the archivist's extension and the job's renewal both reach the webhook as original.extended
        awaitHooks("original.extended");
        long until2 = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (hooks.stream().filter(h -> h.get("event").equals("original.extended")).count() < 2 && System.nanoTime() < until2) {
            Thread.sleep(100);
        }
        List<JsonNode> events = new ArrayList<>();
        for (Map<String, String> h : hooks) {
            if (h.get("event").equals("original.extended")) {
                events.add(JSON.readTree(h.get("body")));
            }
        }
        assertTrue(events.size() >= 2, "the extension and the renewal: " + events);
        assertEquals(extendedRevision, events.get(0).path("data").path("revision").asInt(), events.toString());
        assertEquals(extendedRevision + 1, events.get(1).path("data").path("revision").asInt(), "the renewal: " + events);
        for (JsonNode e : events) {
            assertEquals("B-LTA", e.path("data").path("level").asText(), events.toString());
            assertEquals(one, e.path("original").path("id").asText(), events.toString());
        }
        for (Map<String, String> h : hooks) {
            String header = h.get("signature");
            long t = Long.parseLong(header.replaceAll("^t=(\\d+),.*$", "$1"));
            assertEquals(Webhooks.signature(SECRET.getBytes(StandardCharsets.UTF_8), t, h.get("body")), header, "HMAC of " + h.get("event"));
        }
    }

    /** Who revoked each link of the original and why, from the audit trail, in order. */
    private List<String> revocations(String originalId) {
        List<String> found = new ArrayList<>();
        for (JsonNode e : s.archivist.get("/api/audit").json().path("events")) {
            if (e.path("action").asText().equals("invitation.revoked") && e.path("subject").asText().startsWith("original:" + originalId + "/")) {
                found.add(e.path("actor").asText() + ": " + e.path("detail").asText().replaceFirst("^invitation \\S+: ", ""));
            }
        }
        return found;
    }

    /** Whether the mail with this message id is still on its way (written just now, not yet sent). */
    private static boolean waitingIn(JsonNode outbox, String messageId) {
        for (JsonNode m : outbox) {
            if (messageId.equals("<" + m.path("id").asText() + "@accord>")) {
                return !m.path("state").asText().equals("sent") && Instant.parse(m.path("createdAt").asText())
                        .isAfter(Instant.now().minusSeconds(2));
            }
        }
        return false;
    }

    private List<MimeMessage> await(Predicate<MimeMessage> which, int count) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            collect();
            List<MimeMessage> found = mails.stream().filter(which).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " mails; received: " + mails.stream().map(SigningRoundIT::describe).toList());
    }

    /** Moves what the running mail server received into {@link #mails} (a restarted server starts empty). */
    private void collect() {
        if (smtp.isRunning()) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (mails.stream().noneMatch(x -> messageId(x).equals(messageId(m)) && recipient(x).equals(recipient(m)))) {
                    mails.add(m);
                }
            }
        }
    }

    private JsonNode awaitOutbox(Predicate<JsonNode> which) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            for (JsonNode m : s.secretariat.get("/api/outbox").json().path("messages")) {
                if (which.test(m)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such message in the outbox: " + s.secretariat.get("/api/outbox").text());
    }

    private void awaitHooks(String type) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until && hooks.stream().noneMatch(h -> h.get("event").equals(type))) {
            Thread.sleep(100);
        }
    }

    /** The invitation among {@code mails} for {@code party} of the original with this id (by the link it opens). */
    private MimeMessage mailFor(List<MimeMessage> mails, String originalId, String party) throws Exception {
        for (MimeMessage m : mails) {
            JsonNode link = s.anonymous.get(ServiceFlowContract.api(linkIn(m))).json();
            if (link.path("party").path("id").asText().equals(party)
                    && s.secretariat.get("/api/originals/" + originalId).json().path("number").asInt() == link.path("original").path("number").asInt()) {
                return m;
            }
        }
        throw new AssertionError("no invitation for " + party + " of original " + originalId);
    }

    private static String linkIn(MimeMessage m) {
        Matcher matcher = LINK.matcher(text(m));
        assertTrue(matcher.find(), "a signing link in: " + text(m));
        return matcher.group();
    }

    private static boolean to(MimeMessage m, String address) {
        return recipient(m).equals(address);
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(MimeMessage m) {
        return recipient(m) + ": " + subject(m);
    }

    private static String text(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof String s) {
                return s;
            }
            MimeMultipart parts = (MimeMultipart) content;
            return (String) parts.getBodyPart(0).getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> attachments(MimeMessage m) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        MimeMultipart parts = (MimeMultipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getDataHandler().writeTo(out);
                files.put(part.getFileName(), out.toByteArray());
            }
        }
        return files;
    }
}
