package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.accord.testing.Http;
import org.accord.testing.Seeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages of a signing round in headless Chromium, on the embedded defaults (no mail server): the secretariat
 * drafts and issues, and the outbox holds each invitation with its link until it is marked handed over; a signatory
 * declines on the signing page (the empty reason is refused at the field); the archivist searches and filters the
 * stored originals and extends a signed one to B-LTA. Every form is posted once (Post/Redirect/Get: a reload sends
 * nothing again), and each page is checked by axe-core and kept as a screenshot in both languages at a laptop's and
 * a phone's size.
 *
 * <p>Each test drafts agreements of its own, with titles no other agreement in the service carries.
 */
class RoundBrowserIT {

    /** A laptop's window; the signing page's error must be in sight there without scrolling. */
    static final Dimension LAPTOP = new Dimension(1280, 800);
    static final Dimension PHONE = Browser.PHONE;
    private static final List<Dimension> SIZES = List.of(LAPTOP, PHONE);
    private static final List<String> LANGS = List.of("en", "ru");

    private static final String CICA_EN = "Protocol on Cooperation between the Secretariat of the Conference on Interaction and"
            + " Confidence Building Measures in Asia and the Regional Anti-Terrorist Structure of the Shanghai Cooperation Organization";
    private static final String CICA_RU = "Протокол о сотрудничестве между Секретариатом Совещания по взаимодействию и мерам доверия в"
            + " Азии и Региональной антитеррористической структурой Шанхайской организации сотрудничества";
    private static final String INTERPOL_EN = "Cooperation Agreement between the International Criminal Police Organization – INTERPOL"
            + " and the International Multilateral Partnership Against Cyber Threats – IMPACT on Cooperation in the Field of Cyber Security";
    private static final String INTERPOL_RU = "Соглашение между Международной организацией уголовной полиции — Интерпол и"
            + " Международным многосторонним партнёрством против киберугроз — ИМПАКТ о сотрудничестве в области кибербезопасности";
    private static final String CICA_MAIL = "cica.secretariat@example.org";
    private static final String SCO_RATS_MAIL = "sco-rats.executive-committee@example.org";

    @TempDir
    static Path data;
    private static Running s;
    private static Browser b;
    private final List<String> accessibility = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        s = Running.start(data, Map.of());
        b = new Browser(s.service.url());
    }

    @AfterAll
    static void stop() throws IOException {
        if (b != null) {
            b.close();
        }
        if (s != null) {
            s.close();
        }
    }

    @BeforeEach
    void freshVisitor() {
        b.driver.manage().deleteAllCookies();
        viewport(LAPTOP);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 1. the outbox without a mail server

    @Test
    void without_a_mail_server_the_outbox_shows_each_invitation_with_its_link_until_it_is_marked_handed_over() throws Exception {
        logIn("secretariat");
        b.open("/dashboard?lang=en");
        Path yaml = data.resolve("cica-outbox.yaml");
        Files.writeString(yaml, cica("outbox"));
        b.find("#file").sendKeys(yaml.toAbsolutePath().toString());
        b.find("#create-submit").click();
        b.waitFor("#issue-submit");
        assertEquals(CICA_EN + " (browser round test: outbox)", b.find("h1").getText());
        b.find("#issue-submit").click();
        b.waitFor("#signing-links");
        Map<String, String> links = new LinkedHashMap<>();
        for (String key : List.of("1-cica", "1-sco-rats", "2-cica", "2-sco-rats")) {
            String link = b.find("#link-" + key).getAttribute("value");
            assertTrue(link.matches("http://127\\.0\\.0\\.1:\\d+/sign/[A-Za-z0-9_-]{43}"), link);
            links.put(key, link);
        }

        // the outbox, reached from the navigation
        b.find("header nav a[href='/outbox']").click();
        b.waitFor("#no-mail-server");
        assertTrue(b.driver.getCurrentUrl().endsWith("/outbox"), b.driver.getCurrentUrl());
        assertEquals("Outbox", b.find("h1").getText());
        assertTrue(b.find("#no-mail-server").getText().startsWith("Not sent: no mail server configured. Mails wait here."),
                b.find("#no-mail-server").getText());
        for (Map.Entry<String, String> e : links.entrySet()) {
            WebElement message = messageWithLink(e.getValue());
            List<String> badges = message.findElements(By.cssSelector(".badge")).stream().map(WebElement::getText).toList();
            assertEquals(List.of("waiting", "not sent: no mail server configured"), badges, e.getKey());
            String heading = message.findElement(By.tagName("p")).getText();
            assertTrue(heading.contains("Invitation — " + (e.getKey().endsWith("-cica") ? CICA_MAIL : SCO_RATS_MAIL)), heading);
            WebElement field = message.findElement(By.cssSelector("input.link-url"));
            assertTrue(field.isDisplayed(), "the link is shown, not only in the page's source");
            assertEquals("Personal signing link", field.getAttribute("aria-label"));
            assertEquals("Mark handed over", message.findElement(By.cssSelector("form[action$='/handed-over'] button")).getText());
        }
        lookEverywhere("round-01-outbox", "/outbox");

        // "Mark handed over" asks first; dismissed, nothing changes
        String link = links.get("1-cica");
        String id = messageWithLink(link).getAttribute("data-message");
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
        b.open("/outbox?lang=en");
        messageWithLink(link).findElement(By.cssSelector("form[action$='/handed-over'] button")).click();
        Alert ask = alert(Duration.ofSeconds(5)).orElseThrow(() -> new AssertionError("Mark handed over asks before it marks"));
        assertEquals("Mark this mail handed over? Its link is then no longer shown here.", ask.getText());
        ask.dismiss();
        assertEquals("pending", message(id).path("state").asText(), "dismissed: still waiting");
        assertEquals(link, messageWithLink(link).findElement(By.cssSelector("input.link-url")).getAttribute("value"));

        // accepted: posted once, then the outbox again (Post/Redirect/Get)
        messageWithLink(link).findElement(By.cssSelector("form[action$='/handed-over'] button")).click();
        alert(Duration.ofSeconds(5)).orElseThrow(() -> new AssertionError("asked again")).accept();
        b.waitFor("li.message.handed[data-message='" + id + "']");
        assertEquals(s.service.url() + "/outbox#message-" + id, b.driver.getCurrentUrl());
        assertEquals("navigate 1", arrival(), "the outbox was reached through the redirect after the POST");
        assertHandedOver(id, link, "handed over");
        assertEquals("Marked handed over.", b.find("li.message[data-message='" + id + "'] [role=status]").getText(),
                "said next to the mail it concerns");
        b.driver.navigate().refresh();
        b.waitFor("li.message[data-message='" + id + "']");
        assertEquals("reload 0", arrival(), "the reload asks for the page only: no form posted again, no redirect");
        assertHandedOver(id, link, "handed over");
        assertTrue(b.all("li.message [role=status]").isEmpty(), "said once, not again on reload");
        assertEquals(1, audited("message.handed-over", "message:" + id), "marked once");
        assertEquals("handed", message(id).path("state").asText());
        // the other three still wait with their links
        for (String key : List.of("1-sco-rats", "2-cica", "2-sco-rats")) {
            WebElement waiting = messageWithLink(links.get(key));
            assertTrue(waiting.getAttribute("class").contains("pending"), key + ": " + waiting.getAttribute("class"));
        }
        b.open("/outbox?lang=ru");
        b.waitFor("li.message[data-message='" + id + "']");
        assertHandedOver(id, link, "передано вручную");
        assertTrue(b.find("#no-mail-server").getText().startsWith("Не отправлено: почтовый сервер не настроен."),
                b.find("#no-mail-server").getText());
        assertEquals(List.of("ожидает", "не отправлено: почтовый сервер не настроен"), messageWithLink(links.get("2-cica"))
                .findElements(By.cssSelector(".badge")).stream().map(WebElement::getText).toList());
        lookEverywhere("round-02-outbox-handed-over", "/outbox");
        assertEquals(List.of(), accessibility, "axe-core: no serious or critical violation");
    }

    private static void assertHandedOver(String id, String link, String state) {
        WebElement message = b.find("li.message[data-message='" + id + "']");
        List<String> badges = message.findElements(By.cssSelector(".badge")).stream().map(WebElement::getText).toList();
        assertEquals(List.of(state), badges, "handed over, and no longer 'not sent'");
        assertTrue(message.findElements(By.cssSelector("input.link-url, form[action$='/handed-over']")).isEmpty(),
                "neither its link nor the button is shown any more");
        assertFalse(b.driver.getPageSource().contains(link), "the link is nowhere on the page");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. declining on the signing page

    @Test
    void a_signatory_who_declines_without_a_reason_is_told_at_the_field_and_with_one_is_told_the_original_is_declined()
            throws Exception {
        JsonNode originals = issue(cica("decline"));
        String first = originals.get(0).path("id").asText();
        String second = originals.get(1).path("id").asText();
        // the links, as the secretariat reads them on the outbox page
        logIn("secretariat");
        b.open("/outbox?lang=en");
        b.waitFor("#no-mail-server");
        String declining = messageWithLink(link(originals, 0, "sco-rats")).findElement(By.cssSelector("input.link-url")).getAttribute("value");
        String partner = messageWithLink(link(originals, 0, "cica")).findElement(By.cssSelector("input.link-url")).getAttribute("value");
        String russian = messageWithLink(link(originals, 1, "sco-rats")).findElement(By.cssSelector("input.link-url")).getAttribute("value");
        b.driver.manage().deleteAllCookies();

        // the signatory of original 1 opens the link: the page offers signing and declining
        b.driver.get(declining + "?lang=en");
        b.waitFor("#sign-submit");
        assertEquals("Decline to sign", b.find("#decline-heading").getText());
        assertEquals("Reason (at most 1,000 characters)", b.find("label[for='reason']").getText());
        assertEquals("Decline to sign", b.find("#decline-form button[type='submit']").getText());
        // an empty reason: the browser itself asks for one and nothing is sent
        b.find("#decline-form button[type='submit']").click();
        assertFalse(alert(Duration.ofSeconds(1)).isPresent(), "nothing to confirm before the reason is there");
        assertEquals(declining + "?lang=en", b.driver.getCurrentUrl());
        assertEquals(Boolean.TRUE, js("return document.getElementById('reason').validity.valueMissing"));
        assertEquals(0, audited("original.declined", "original:" + first), "nothing was sent");
        // a reason of blanks only passes the browser: the server refuses it at the field, at both sizes
        for (Dimension size : SIZES) {
            viewport(size);
            b.driver.get(declining + "?lang=en");
            b.waitFor("#decline-form");
            b.find("#reason").sendKeys("   ");
            submitDecline();
            assertReasonRefusedAtTheField("Say why your Party declines to sign (at most 1,000 characters).");
            look("round-03-decline-empty-reason");
        }
        viewport(LAPTOP);
        assertEquals(0, audited("original.declined", "original:" + first + "/party:sco-rats"), "nothing declined yet");

        // with a reason: the page asks first; dismissed, nothing is declined
        b.type("#reason", "Article 3 is not agreed");
        b.find("#decline-form button[type='submit']").click();
        Alert ask = alert(Duration.ofSeconds(5)).orElseThrow(() -> new AssertionError(
                "declining cannot be undone, and the form carries the question (data-confirm) — but the page does not ask it"));
        assertEquals("Decline to sign this original? The secretariat and the other parties will be told and no one can sign it any more.",
                ask.getText());
        ask.dismiss();
        assertEquals(0, audited("original.declined", "original:" + first + "/party:sco-rats"), "dismissed: not declined");
        b.find("#decline-form button[type='submit']").click();
        alert(Duration.ofSeconds(5)).orElseThrow(() -> new AssertionError("asked again")).accept();
        assertEquals("You declined to sign this original", b.waitFor("h1").getText());
        assertEquals(declining, b.driver.getCurrentUrl(), "back on the link's page, by the redirect after the POST");
        assertEquals("navigate 1", arrival());
        assertTrue(b.find("main").getText().contains("The secretariat and the other parties have been told; the signing links of this"
                + " original no longer work."), b.find("main").getText());
        lookAtBothSizes("round-04-declined");
        assertEquals(1, audited("original.declined", "original:" + first + "/party:sco-rats"));
        assertEquals("declined", s.secretariat.get("/api/originals/" + first).json().path("round").path("state").asText(),
                s.secretariat.get("/api/originals/" + first).text());

        // a reload sends nothing again, and the link no longer offers signing or declining
        b.driver.navigate().refresh();
        b.waitFor("h1");
        assertEquals("reload 0", arrival(), "the reload asks for the page only");
        assertNoLongerOffered();
        assertEquals(1, audited("original.declined", "original:" + first + "/party:sco-rats"), "declined once");
        // nor does the other party's link to that original
        b.driver.get(partner);
        b.waitFor("h1");
        assertNoLongerOffered();

        // the same in Russian, with the signatory of original 2
        b.driver.get(russian + "?lang=ru");
        b.waitFor("#decline-form");
        assertEquals("Отказаться от подписания", b.find("#decline-heading").getText());
        for (Dimension size : SIZES) {
            viewport(size);
            b.driver.get(russian + "?lang=ru");
            b.waitFor("#decline-form");
            b.find("#reason").sendKeys("   ");
            submitDecline();
            assertReasonRefusedAtTheField("Укажите, почему Ваша Сторона отказывается от подписания (не более 1000 знаков).");
            look("round-03-decline-empty-reason");
        }
        viewport(LAPTOP);
        b.type("#reason", "Не согласована статья 3");
        b.find("#decline-form button[type='submit']").click();
        Alert askRu = alert(Duration.ofSeconds(5)).orElseThrow(() -> new AssertionError("the Russian page asks before declining"));
        assertTrue(askRu.getText().startsWith("Отказаться от подписания этого подлинника?"), askRu.getText());
        askRu.accept();
        assertEquals("Вы отказались от подписания этого подлинника", b.waitFor("h1").getText());
        assertEquals("navigate 1", arrival());
        lookAtBothSizes("round-04-declined");
        b.driver.navigate().refresh();
        b.waitFor("h1");
        assertEquals("reload 0", arrival());
        assertEquals("Эту ссылку для подписания больше нельзя использовать", b.find("h1").getText());
        assertEquals(1, audited("original.declined", "original:" + second + "/party:sco-rats"));
        assertEquals("Не согласована статья 3", s.secretariat.get("/api/originals/" + second).json().path("round").path("reason").asText(),
                s.secretariat.get("/api/originals/" + second).text());
        assertEquals(List.of(), accessibility, "axe-core: no serious or critical violation");
    }

    /** Submits the decline form, accepting the question the page may ask first. */
    private static void submitDecline() {
        b.find("#decline-form button[type='submit']").click();
        alert(Duration.ofSeconds(2)).ifPresent(Alert::accept);
    }

    /**
     * The refusal sits right after the reason field, which has the focus, says it is invalid and is described by the
     * refusal; both are in sight without scrolling.
     */
    private static void assertReasonRefusedAtTheField(String expected) {
        assertEquals(expected, b.waitFor("#reason-error").getText());
        try {
            new WebDriverWait(b.driver, Duration.ofSeconds(5)).until(d -> "reason".equals(js("return document.activeElement.id")));
        } catch (TimeoutException e) {
            // the assertion below says where the focus is instead
        }
        assertEquals("reason-error reason true reason-error", String.valueOf(js(
                "var f = document.getElementById('reason'); return [f.nextElementSibling && f.nextElementSibling.id,"
                        + " document.activeElement && document.activeElement.id, f.getAttribute('aria-invalid'),"
                        + " f.getAttribute('aria-describedby')].join(' ');")));
        String size = String.valueOf(js("return window.innerWidth + 'x' + window.innerHeight"));
        for (String id : List.of("reason", "reason-error")) {
            assertEquals("in sight", js("var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                    + " return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth"
                    + " ? 'in sight' : 'out of sight: ' + JSON.stringify(r) + ' in ' + window.innerWidth + 'x' + window.innerHeight;", id),
                    "#" + id + " at " + size);
        }
    }

    /** The link's page says it can no longer be used and offers neither signing nor declining. */
    private static void assertNoLongerOffered() {
        assertEquals("This signing link can no longer be used", b.find("h1").getText());
        assertTrue(b.all("#sign-form, #sign-submit, #decline-form, #reason").isEmpty(), "no signing or declining offered");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3. the archivist's stored originals

    @Test
    void the_archivist_finds_stored_originals_by_title_party_and_state_and_extends_a_signed_one_once() throws Exception {
        JsonNode originals = issue(cica("archive"));
        String signed = originals.get(0).path("id").asText();
        String declined = originals.get(1).path("id").asText();
        Http.Response signature = s.anonymous.postForm(ServiceFlowContract.api(link(originals, 0, "cica")),
                Http.form("place", "Astana", "placeRu", "Астане", "password", Running.PASSWORD));
        assertEquals(201, signature.status(), signature.toString());
        Http.Response refusal = s.anonymous.postJson(ServiceFlowContract.api(link(originals, 1, "sco-rats")) + "/decline",
                Map.of("reason", "Article 3 is not agreed"));
        assertTrue(refusal.status() / 100 == 2, refusal.toString());
        // another agreement, whose title names neither of its parties
        String interpol = Seeds.text(Seeds.INTERPOL);
        String renamed = interpol.replace(titles(INTERPOL_EN, INTERPOL_RU),
                titles("Cooperation Agreement (browser round test: the other one)", "Соглашение о сотрудничестве (проверка в браузере: другое)"));
        assertNotEquals(interpol, renamed, "the seed's title was found and changed");
        String other = issue(renamed).get(0).path("id").asText();
        int revisions = s.archivist.get("/api/originals/" + signed).json().path("revisions").size();
        assertEquals(2, revisions, "issued and signed once");
        int next = s.archivist.get("/api/originals/" + signed).json().path("revisions").get(revisions - 1).path("number").asInt() + 1;

        logIn("archivist");
        b.find("header nav a[href='/archive']").click();
        b.waitFor("form.search");
        assertEquals("Stored originals", b.find("h1").getText());
        assertEquals(List.of(signed, declined, other).stream().sorted().toList(), listed(signed, declined, other), "all three listed");
        WebElement row = b.find("tr[data-original='" + signed + "']");
        assertEquals(CICA_EN + " (browser round test: archive)", row.findElement(By.cssSelector("th a")).getText());
        assertTrue(row.getText().contains("1 of 2") && row.getText().contains("open"), row.getText());
        assertTrue(b.find("tr[data-original='" + declined + "']").getText().contains("declined"),
                b.find("tr[data-original='" + declined + "']").getText());

        // the page's own form: by title, by party, by state, and both
        find("round test: archive", "");
        assertTrue(b.driver.getCurrentUrl().contains("q=round+test%3A+archive"), b.driver.getCurrentUrl());
        assertEquals("round test: archive", b.find("#q").getAttribute("value"), "the search is kept in its field");
        assertEquals(List.of(signed, declined).stream().sorted().toList(), listed(signed, declined, other), "by title");
        // by a party, as the list names it (neither agreement's title has these names)
        find("SCO RATS", "");
        assertEquals(List.of(signed, declined).stream().sorted().toList(), listed(signed, declined, other), "by party");
        String listedRow = b.find("tr[data-original='" + signed + "']").getText();
        assertTrue(listedRow.contains("CICA Secretariat, SCO RATS"), listedRow);
        find("interpol", "");
        assertEquals(List.of(other), listed(signed, declined, other), "by the other agreement's party, in any case");
        find("", "declined");
        assertEquals(List.of(declined), listed(signed, declined, other), "by state");
        assertEquals("declined", new Select(b.find("#state")).getFirstSelectedOption().getAttribute("value"), "the state is kept");
        find("round test: archive", "open");
        assertEquals(List.of(signed), listed(signed, declined, other), "by title and state");
        find("no agreement is called like this", "");
        assertEquals("No stored original matches.", b.find("#no-originals").getText());
        b.open("/archive?lang=ru");
        find("РАТС ШОС", "");
        assertEquals(List.of(signed, declined).stream().sorted().toList(), listed(signed, declined, other), "by party, in Russian");
        find("проверка в браузере: архив", "declined");
        assertEquals(List.of(declined), listed(signed, declined, other), "in Russian");
        assertEquals(CICA_RU + " (проверка в браузере: архив)", b.find("tr[data-original='" + declined + "'] th a").getText());
        assertTrue(b.find("tr[data-original='" + declined + "']").getText().contains("отклонено"));
        b.open("/archive?lang=en&q=" + URLEncoder.encode("browser round test", StandardCharsets.UTF_8));
        lookEverywhere("round-05-archive", "/archive?q=browser+round+test");

        // an original's page: its revisions, its audit trail and, once signed, "Extend to B-LTA"
        b.open("/archive?lang=en&q=" + URLEncoder.encode("round test: archive", StandardCharsets.UTF_8));
        b.find("tr[data-original='" + signed + "'] th a").click();
        b.waitFor("#audit");
        assertEquals(s.service.url() + "/archive/originals/" + signed, b.driver.getCurrentUrl());
        assertEquals(CICA_EN + " (browser round test: archive): Original 1 of 2", b.find("h1").getText());
        List<String> actions = column("#audit tbody tr", 3);
        assertTrue(actions.stream().anyMatch(a -> a.startsWith("original.issued")), actions.toString());
        assertTrue(actions.stream().anyMatch(a -> a.startsWith("original.signed")), actions.toString());
        assertTrue(b.find("#audit .help").getText().startsWith("The hash chain of the whole trail holds"), b.find("#audit .help").getText());
        assertEquals(revisions, b.all("#revisions tbody tr").size());
        assertEquals("Extend to B-LTA", b.find("#extend").getText());
        lookEverywhere("round-06-archived", "/archive/originals/" + signed);
        // nothing to extend on an original nobody signed
        b.open("/archive/originals/" + declined + "?lang=en");
        b.waitFor("#audit");
        assertTrue(b.all("#extend").isEmpty(), "no 'Extend to B-LTA' for an original without a signature");
        assertTrue(column("#audit tbody tr", 3).stream().anyMatch(a -> a.startsWith("original.declined") && a.contains("Article 3 is not agreed")),
                column("#audit tbody tr", 3).toString());
        b.open("/archive/originals/" + other + "?lang=en");
        b.waitFor("#audit");
        assertTrue(b.all("#extend").isEmpty(), "nor for the other agreement's unsigned original");

        // extending asks first, then posts once and shows the new level (Post/Redirect/Get)
        b.open("/archive/originals/" + signed + "?lang=en");
        b.find("#extend").click();
        Alert ask = alert(Duration.ofSeconds(5)).orElseThrow(() -> new AssertionError("extending asks first"));
        assertEquals("Add validation data and an archive time-stamp to this original as a new revision?", ask.getText());
        ask.dismiss();
        assertEquals(revisions, s.archivist.get("/api/originals/" + signed).json().path("revisions").size(), "dismissed: not extended");
        b.find("#extend").click();
        alert(Duration.ofSeconds(5)).orElseThrow(() -> new AssertionError("asked again")).accept();
        assertEquals("Extended to B-LTA as revision " + next + ".", b.waitFor("#extended").getText());
        assertEquals(s.service.url() + "/archive/originals/" + signed + "#extended", b.driver.getCurrentUrl());
        assertEquals("navigate 1", arrival());
        assertEquals(revisions + 1, b.all("#revisions tbody tr").size());
        assertEquals("B-LTA", column("#revisions tbody tr", 3).get(revisions), "the new revision's level");
        assertEquals(1, column("#audit tbody tr", 3).stream().filter(a -> a.startsWith("original.extended")).count());
        lookAtBothSizes("round-07-extended");
        b.driver.navigate().refresh();
        b.waitFor("#audit");
        assertEquals("reload 0", arrival(), "the reload asks for the page only");
        assertTrue(b.all("#extended").isEmpty(), "the notice was for the extension just made");
        assertEquals(revisions + 1, b.all("#revisions tbody tr").size(), "no second extension");
        assertEquals(revisions + 1, s.archivist.get("/api/originals/" + signed).json().path("revisions").size());
        assertEquals(1, audited("original.extended", "original:" + signed), "extended once");
        b.open("/archive?lang=en&q=" + URLEncoder.encode("round test: archive", StandardCharsets.UTF_8));
        assertTrue(b.find("tr[data-original='" + signed + "']").getText().contains("B-LTA"),
                b.find("tr[data-original='" + signed + "']").getText());
        b.open("/archive/originals/" + signed + "?lang=ru");
        assertEquals("Продлить до B-LTA", b.find("#extend").getText());
        assertTrue(b.find("h1").getText().startsWith(CICA_RU + " (проверка в браузере: архив)"), b.find("h1").getText());
        lookEverywhere("round-08-archived-extended", "/archive/originals/" + signed);
        assertEquals(List.of(), accessibility, "axe-core: no serious or critical violation");
    }

    /** Fills the archive's own search form and submits it. */
    private static void find(String q, String state) {
        b.type("#q", q);
        new Select(b.find("#state")).selectByValue(state);
        WebElement form = b.find("form.search");
        b.find("form.search button[type='submit']").click();
        new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(form));
        new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        b.waitFor("form.search");
    }

    /** Which of {@code ids} the archive's list shows, sorted. */
    private static List<String> listed(String... ids) {
        List<String> shown = b.all("#originals tr[data-original]").stream().map(r -> r.getAttribute("data-original")).toList();
        return Arrays.stream(ids).filter(shown::contains).sorted().toList();
    }

    /** The text of column {@code index} (from 0) of each row. */
    private static List<String> column(String rows, int index) {
        return b.all(rows).stream().map(r -> r.findElements(By.cssSelector("td, th")).get(index).getText()).toList();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The CICA seed with a title of its own (titles are unique in a service). */
    private static String cica(String tag) {
        String text = Seeds.text(Seeds.CICA);
        String changed = text.replace(titles(CICA_EN, CICA_RU),
                titles(CICA_EN + " (browser round test: " + tag + ")", CICA_RU + " (проверка в браузере: " + switch (tag) {
                    case "outbox" -> "исходящие";
                    case "decline" -> "отказ";
                    case "archive" -> "архив";
                    default -> tag;
                } + ")"));
        assertNotEquals(text, changed, "the seed's title was found and changed");
        return changed;
    }

    private static String titles(String en, String ru) {
        return "title:\n  en: \"" + en + "\"\n  ru: \"" + ru + "\"\n";
    }

    /** Drafts and issues through the API; the originals with their signing links. */
    private static JsonNode issue(String yaml) {
        Http.Response created = s.secretariat.post("/api/agreements", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.status(), created.toString());
        Http.Response issued = s.secretariat.postJson("/api/agreements/" + created.json().path("id").asText() + "/originals", Map.of());
        assertEquals(201, issued.status(), issued.toString());
        return issued.json().path("originals");
    }

    private static String link(JsonNode originals, int index, String party) {
        String link = originals.get(index).path("signingLinks").path(party).asText();
        assertTrue(link.contains("/sign/"), originals.toString());
        return link;
    }

    /** The outbox's entry that carries {@code link}. */
    private static WebElement messageWithLink(String link) {
        List<WebElement> found = b.driver.findElements(By.xpath("//li[contains(concat(' ', @class, ' '), ' message ')]"
                + "[.//input[contains(concat(' ', @class, ' '), ' link-url ') and @value='" + link + "']]"));
        assertEquals(1, found.size(), "one message on " + b.driver.getCurrentUrl() + " carries " + link);
        return found.get(0);
    }

    /** The message as the outbox API reports it. */
    private static JsonNode message(String id) {
        JsonNode messages = s.secretariat.get("/api/outbox").json().path("messages");
        return StreamSupport.stream(messages.spliterator(), false).filter(m -> id.equals(m.path("id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no message " + id));
    }

    /** How many times the audit trail records {@code action} on {@code subject} or a part of it ("original:…/revision:2"). */
    private static long audited(String action, String subject) {
        JsonNode events = s.archivist.get("/api/audit").json().path("events");
        return StreamSupport.stream(events.spliterator(), false).filter(e -> action.equals(e.path("action").asText())
                && (subject.equals(e.path("subject").asText()) || e.path("subject").asText().startsWith(subject + "/"))).count();
    }

    /** How the browser came to the page it shows: the navigation's type and its number of redirects. */
    private static String arrival() {
        return String.valueOf(js("var n = performance.getEntriesByType('navigation')[0]; return n.type + ' ' + n.redirectCount;"));
    }

    /**
     * Makes the page's viewport {@code size} (the window is larger by the browser's own frame), so that "in sight"
     * means in sight at a laptop's 1280x800 and a phone's 390x844.
     */
    private static void viewport(Dimension size) {
        b.driver.manage().window().setSize(size);
        long width = ((Number) js("return window.innerWidth")).longValue();
        long height = ((Number) js("return window.innerHeight")).longValue();
        if (width != size.getWidth() || height != size.getHeight()) {
            b.driver.manage().window().setSize(new Dimension(2 * size.getWidth() - (int) width, 2 * size.getHeight() - (int) height));
        }
        assertEquals(size.getWidth() + "x" + size.getHeight(), js("return window.innerWidth + 'x' + window.innerHeight"), "the viewport");
    }

    private static Optional<Alert> alert(Duration within) {
        try {
            return Optional.of(new WebDriverWait(b.driver, within).until(ExpectedConditions.alertIsPresent()));
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) b.driver).executeScript(script, args);
    }

    private static void logIn(String user) {
        b.open("/login?lang=en");
        b.type("#username", user);
        b.type("#password", Running.PASSWORD);
        b.find("#login-submit").click();
        new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Checks the page with axe-core and keeps a screenshot. */
    private void look(String step) throws IOException {
        b.screenshot(step);
        for (String v : b.accessibilityViolations()) {
            accessibility.add(step + " " + b.driver.getCurrentUrl() + " at " + js("return window.innerWidth + 'x' + window.innerHeight") + ": " + v);
        }
    }

    /** The page the browser shows, looked at on a laptop and on a phone (without reloading it). */
    private void lookAtBothSizes(String step) throws IOException {
        for (Dimension size : SIZES) {
            viewport(size);
            look(step);
        }
        viewport(LAPTOP);
    }

    /** {@code path}, looked at in both languages at both sizes. */
    private void lookEverywhere(String step, String path) throws IOException {
        for (Dimension size : SIZES) {
            viewport(size);
            for (String lang : LANGS) {
                b.open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                b.waitFor("main");
                assertEquals(lang, js("return document.documentElement.lang"));
                look(step);
            }
        }
        viewport(LAPTOP);
        b.open(path + (path.contains("?") ? "&" : "?") + "lang=en");
    }
}
