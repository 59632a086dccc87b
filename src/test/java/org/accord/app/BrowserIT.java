package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accord.testing.Http;
import org.accord.testing.Tamper;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/**
 * The three journeys in headless Chromium: the secretariat logs in, drafts the CICA protocol and issues the two
 * originals; one signatory signs with the key the service holds, the other in the browser with WebCrypto (the
 * key never leaves it); the archivist verifies original 1 (two valid signatures) and a tampered copy (changed
 * after signing). Every page is checked by axe-core and kept as a screenshot in both languages and two sizes.
 */
class BrowserIT {

    @TempDir
    static Path data;
    private static Running s;
    private static Browser b;
    private static final List<String> accessibility = new ArrayList<>();

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
        s.close();
    }

    /** Checks the page with axe-core and keeps a screenshot. */
    /** The error sits right after the field it concerns, which has the focus and says it is invalid. */
    private static void assertErrorAtFocusedField(String id) {
        Object next = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
                "var f = document.getElementById(arguments[0]); return [f.nextElementSibling && f.nextElementSibling.id,"
                        + " document.activeElement && document.activeElement.id, f.getAttribute('aria-invalid')].join(' ');", id);
        assertEquals("sign-error " + id + " true", String.valueOf(next));
    }

    private static void look(String step) throws IOException {
        b.screenshot(step);
        for (String v : b.accessibilityViolations()) {
            accessibility.add(step + ": " + v);
        }
    }

    private static void logIn(String user) {
        b.open("/login");
        b.type("#username", user);
        b.type("#password", Running.PASSWORD);
        b.find("#login-submit").click();
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(30))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    @Test
    void drafted_issued_signed_twice_and_verified_in_the_browser() throws Exception {
        b.open("/?lang=en");
        look("01-home");
        logIn("secretariat");
        b.waitFor("#create-submit");
        assertTrue(b.driver.getCurrentUrl().endsWith("/dashboard"), b.driver.getCurrentUrl());
        look("02-dashboard");

        Path broken = data.resolve("broken.yaml");
        Files.writeString(broken, org.accord.testing.Seeds.text(org.accord.testing.Seeds.CICA).replaceFirst("ru: \"Протокол\"", "ru: \"\""));
        b.find("#file").sendKeys(broken.toAbsolutePath().toString());
        b.find("#create-submit").click();
        assertTrue(b.waitFor("#create-problems").getText().contains("kind.ru"), b.find("#create-problems").getText());
        // a draft nobody issued can be deleted from its page, once the box saying so is ticked
        String spare = s.secretariat.post("/api/agreements", "application/yaml",
                Files.readAllBytes(org.accord.testing.Seeds.INTERPOL)).json().path("id").asText();
        b.open("/agreements/" + spare);
        b.waitFor("#delete-submit");
        b.find("#delete-confirm").click();
        b.find("#delete-submit").click();
        b.waitFor("#create-submit");
        assertTrue(b.driver.getCurrentUrl().endsWith("/dashboard"), b.driver.getCurrentUrl());
        assertEquals(404, s.secretariat.get("/api/agreements/" + spare).status());
        new Select(b.find("#example")).selectByValue("cica-sco-rats-2017");
        b.find("#create-submit").click();
        b.waitFor("#issue-submit");
        assertTrue(b.find("h1").getText().startsWith("Protocol on Cooperation"), b.find("h1").getText());
        look("03-agreement");
        // the same agreement again: refused, with the way to the draft that has its title
        String draftUrl = b.driver.getCurrentUrl().replaceAll("[#?].*", "");
        b.open("/dashboard");
        new Select(b.find("#example")).selectByValue("cica-sco-rats-2017");
        b.find("#create-submit").click();
        assertTrue(b.waitFor("#create-problems").getText().contains("An agreement with this title is already drafted"),
                b.find("#create-problems").getText());
        look("03b-same-title-again");
        b.find("#create-problems a").click();
        b.waitFor("#issue-submit");
        assertEquals(draftUrl, b.driver.getCurrentUrl().replaceAll("[#?].*", ""), "the link opens the draft that has the title");
        b.find("#issue-submit").click();
        b.waitFor("#signing-links");
        String heldKeyLink = b.find("#link-1-cica").getAttribute("value");
        String browserLink = b.find("#link-1-sco-rats").getAttribute("value");
        String unsignedLink = b.find("#link-2-sco-rats").getAttribute("value");
        assertTrue(heldKeyLink.matches(".*/sign/[A-Za-z0-9_-]{43}"), heldKeyLink);
        look("04-issued-links");
        // a reload after issuing sends nothing again: the page lists the originals (the links were shown once)
        String agreementUrl = b.driver.getCurrentUrl().replaceAll("#.*", "");
        assertTrue(agreementUrl.matches(".*/agreements/[0-9a-f-]{36}"), agreementUrl);
        String liveLink = b.find("#link-2-cica").getAttribute("value");
        String originalPage = b.find("#signing-links h3 a").getAttribute("href");
        String originalId = originalPage.substring(originalPage.lastIndexOf('/') + 1);
        String secondPage = b.all("#signing-links h3 a").get(1).getAttribute("href");
        b.driver.navigate().refresh();
        b.waitFor("#originals-heading");
        assertTrue(b.all("#signing-links").isEmpty() && b.all(".notice.error").isEmpty(), "no second issuing, no error");
        assertEquals(2, b.all("a[href^='/originals/']").size(), "both originals are listed");
        b.open(agreementUrl.replaceAll("^https?://[^/]+", "") + "/originals");
        b.waitFor("#originals-heading");
        assertEquals(agreementUrl, b.driver.getCurrentUrl().replaceAll("#.*", ""), "the form's address leads to the agreement");

        // the secretariat attaches the CICA signatory's full powers on the original's page
        b.driver.get(originalPage);
        b.waitFor("#powers-cica");
        Path gongPowers = Files.write(Files.createTempDirectory("accord-powers").resolve("full-powers-gong.pdf"),
                FullPowersIT.powers("Full powers: Gong Jianwei signs for the CICA Secretariat"));
        b.find("#powers-cica").sendKeys(gongPowers.toAbsolutePath().toString());
        b.find("form[action$='/full-powers/cica'] button").click();
        assertTrue(b.waitFor("#full-powers .full-powers li").getText().contains("full-powers-gong.pdf"),
                b.find("#full-powers").getText());
        look("04b-full-powers-secretariat");

        // the CICA signatory, with the key the service holds
        b.driver.get(heldKeyLink);
        b.waitFor("#sign-submit");
        assertTrue(b.find(".agreement-text").getText().contains("в соответствии с правовыми документами СВМДА и ШОС"),
                "both language texts are on the page");
        look("05-sign");
        // a phone's reader goes to the form from the top; the focus ring stands out (3:1 and more) and targets are 24 px+
        assertTrue(b.find("#to-signing").getAttribute("href").endsWith("#form-heading"));
        Object ring = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
                "var e = document.getElementById('sign-submit'); e.focus(); var s = getComputedStyle(e);"
                        + " var r = document.querySelector('input[name=method]').getBoundingClientRect();"
                        + " return s.outlineColor + ' ' + s.outlineWidth + ' ' + Math.round(e.getBoundingClientRect().height >= 24)"
                        + " + ' ' + Math.round(r.width >= 24 - 0.5 && r.height >= 24 - 0.5);");
        assertEquals("rgb(31, 79, 209) 3px 1 1", String.valueOf(ring));
        b.driver.manage().window().setSize(Browser.PHONE);
        Object labels = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
                "var p = document.querySelectorAll('.pair:not(.head)')[1]; return getComputedStyle(p.children[0], '::before').content"
                        + " + ' ' + getComputedStyle(p.children[1], '::before').content;");
        assertEquals("\"English\" \"Русский\"", String.valueOf(labels), "stacked on a phone, each column says its language");
        b.driver.manage().window().setSize(Browser.LAPTOP);
        // a wrong password for the key the service holds: the page comes back with the message at the password field
        b.type("#place", "Astana");
        b.type("#placeRu", "Астане");
        b.type("#password", "not the password");
        b.find("#sign-submit").click();
        b.waitFor("#sign-error");
        assertErrorAtFocusedField("password");
        assertEquals("Astana", b.find("#place").getAttribute("value"), "what was typed is kept");
        b.type("#placeRu", "Астане");
        b.type("#password", Running.PASSWORD);
        b.find("#sign-submit").click();
        b.waitFor("#signed");
        assertTrue(b.find("#signed").getText().contains("Gong Jianwei"), b.find("#signed").getText());
        look("06-signed");

        // the SCO RATS signatory, in the browser: first their full powers, attached on the page
        b.driver.get(browserLink);
        b.waitFor("#powers-submit");
        Path powers = Files.write(Files.createTempDirectory("accord-powers").resolve("full-powers-sysoyev.pdf"),
                FullPowersIT.powers("Full powers: Yevgeniy Sysoyev signs for the SCO RATS"));
        b.find("#fullPowers").sendKeys(powers.toAbsolutePath().toString());
        b.find("#powers-submit").click();
        assertTrue(b.waitFor(".full-powers li").getText().contains("full-powers-sysoyev.pdf"), b.find(".full-powers").getText());
        look("05b-full-powers");
        // then the signature, in the browser: the .p12 is read and used by the page, never uploaded
        b.waitFor("#sign-submit");
        b.type("#place", "Tashkent");
        b.type("#placeRu", "Ташкенте");
        b.find("input[name=method][value=browser]").click();
        b.find("#keystore").sendKeys(TestPki.dir().resolve("sco-rats.p12").toAbsolutePath().toString());
        b.type("#password", "not the password");
        b.find("#sign-submit").click();
        assertTrue(b.waitFor("#sign-error").getText().contains("does not unlock"), b.find("#sign-error").getText());
        assertErrorAtFocusedField("password");
        // another party's keystore: refused next to the keystore field, before anything is signed
        b.find("#keystore").clear();
        b.find("#keystore").sendKeys(TestPki.dir().resolve("cica.p12").toAbsolutePath().toString());
        b.type("#password", Running.PASSWORD);
        b.find("#sign-submit").click();
        String refusal = b.waitFor("#keystore-error").getText();
        assertTrue(refusal.contains("Gong Jianwei") && refusal.contains("Yevgeniy Sysoyev") && refusal.contains("SCO RATS"), refusal);
        look("06b-wrong-signer-browser");
        // the same keystore uploaded, on the Russian page: the server's refusal, in Russian, next to the field
        b.driver.get(browserLink + "?lang=ru");
        b.waitFor("#sign-submit");
        b.type("#place", "Tashkent");
        b.type("#placeRu", "Ташкенте");
        b.find("input[name=method][value=p12]").click();
        b.find("#keystore").sendKeys(TestPki.dir().resolve("cica.p12").toAbsolutePath().toString());
        b.type("#password", Running.PASSWORD);
        b.find("#sign-submit").click();
        String russian = b.waitFor("#keystore-error").getText();
        assertTrue(russian.contains("Сертификат выдан на имя Gong Jianwei") && russian.contains("РАТС ШОС"), russian);
        look("06c-wrong-signer-ru");
        b.driver.get(browserLink + "?lang=en");
        b.waitFor("#sign-submit");
        b.type("#place", "Tashkent");
        b.type("#placeRu", "Ташкенте");
        b.find("input[name=method][value=browser]").click();
        b.find("#keystore").sendKeys(TestPki.dir().resolve("sco-rats.p12").toAbsolutePath().toString());
        b.type("#password", Running.PASSWORD);
        b.find("#sign-submit").click();
        b.waitFor("#signed");
        assertTrue(b.find("#signed").getText().contains("Yevgeniy Sysoyev"), b.find("#signed").getText());

        // the secretariat sees both signatures
        logIn("secretariat");
        b.open("/originals/" + originalId);
        assertEquals(2, b.all("td.state.signed").size());
        look("07-original-status");

        // the archivist verifies original 1, then a tampered copy
        byte[] signed = s.archivist.get("/api/originals/" + originalId + "/pdf").body();
        Path original = data.resolve("original-1.pdf");
        Files.write(original, signed);
        Path tampered = data.resolve("tampered.pdf");
        Files.write(tampered, Tamper.paintOverPage(signed));
        logIn("archivist");
        b.waitFor("#verify-submit");
        look("08-verify");
        b.find("#file").sendKeys(original.toAbsolutePath().toString());
        b.find("#verify-submit").click();
        assertTrue(b.waitFor("#verdict").getText().startsWith("Valid"), b.find("#verdict").getText());
        assertEquals(2, b.all("li.signature.passed").size());
        assertTrue(b.find("#issued").getText().contains("latest revision"), b.find("#issued").getText());
        String powersShown = b.all(".full-powers").stream().map(org.openqa.selenium.WebElement::getText)
                .collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(powersShown.contains("full-powers-sysoyev.pdf") && powersShown.contains("full-powers-gong.pdf")
                && powersShown.contains("covered by this signature"), powersShown);
        look("09-verdict-valid");
        Object etsi = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(document.getElementById('etsi-report').href)"
                        + ".then(function (r) { return r.text().then(function (t) { done(r.status + ' ' + t.substring(0, 200)); }); });");
        assertTrue(String.valueOf(etsi).startsWith("200 <?xml"), String.valueOf(etsi));
        Object human = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(document.querySelector(\"a[href$='report.pdf']\").href)"
                        + ".then(function (r) { return r.text().then(function (t) { done(r.status + ' ' + r.headers.get('Content-Type') + ' '"
                        + " + t.substring(0, 5)); }); });");
        assertEquals("200 application/pdf %PDF-", String.valueOf(human));

        // revision 1 carries the CICA Secretariat's signature only: valid so far, and it says who is missing
        Path half = data.resolve("original-1-revision-1.pdf");
        Files.write(half, s.archivist.get("/api/originals/" + originalId + "/revisions/1/pdf").body());
        for (String lang : List.of("ru", "en")) {
            b.open("/verify?lang=" + lang);
            b.find("#file").sendKeys(half.toAbsolutePath().toString());
            b.find("#verify-submit").click();
            String verdict = b.waitFor("#verdict").getText();
            assertEquals("incomplete", b.find("#verdict").getAttribute("data-verdict"));
            assertTrue(lang.equals("en") ? verdict.equals("Valid so far \u2014 1 of 2 parties have signed; missing: SCO RATS.")
                    : verdict.startsWith("Пока действителен \u2014 подписали 1 из 2 Сторон; не подписали: "), verdict);
            assertTrue(b.find("#issued").getText().contains(lang.equals("en") ? "revision 1" : "1"), b.find("#issued").getText());
            // the second opinion, per signature, in the page's language
            org.openqa.selenium.WebElement independent = b.find("dd.independent");
            assertEquals("agrees", independent.getAttribute("data-outcome"));
            assertTrue(independent.getText().startsWith(lang.equals("en") ? "agrees with DSS (OpenPDF" : "совпадает с DSS (OpenPDF"),
                    independent.getText());
            look("09-verdict-incomplete");
        }

        b.open("/verify");
        b.find("#file").sendKeys(tampered.toAbsolutePath().toString());
        b.find("#verify-submit").click();
        assertTrue(b.waitFor("#verdict").getText().startsWith("Not valid"), b.find("#verdict").getText());
        assertTrue(b.find("main").getText().contains("changed after"), b.find("main").getText());
        look("10-verdict-tampered");

        // the same pages in Russian and on a phone
        b.open("/verify?lang=ru");
        b.find("#file").sendKeys(tampered.toAbsolutePath().toString());
        b.find("#verify-submit").click();
        assertTrue(b.waitFor("#verdict").getText().startsWith("Недействителен"), b.find("#verdict").getText());
        assertTrue(b.find("main").getText().contains("изменён после"), b.find("main").getText());
        look("10-verdict-tampered");
        for (org.openqa.selenium.Dimension size : List.of(Browser.LAPTOP, Browser.PHONE)) {
            b.driver.manage().window().setSize(size);
            for (String lang : List.of("ru", "en")) {
                b.open("/verify?lang=" + lang);
                look("08-verify");
                b.driver.get(unsignedLink + "?lang=" + lang);
                b.waitFor("#sign-submit");
                look("05-sign");
                b.driver.get(heldKeyLink);
                look("06-signed");
                b.open("/");
                look("01-home");
                b.open("/login");
                look("00-login");
                b.open("/sign/" + "A".repeat(43));
                look("12-unknown-link");
            }
        }
        b.driver.manage().window().setSize(Browser.LAPTOP);
        logIn("secretariat");
        for (org.openqa.selenium.Dimension size : List.of(Browser.LAPTOP, Browser.PHONE)) {
            b.driver.manage().window().setSize(size);
            for (String lang : List.of("ru", "en")) {
                b.open("/dashboard?lang=" + lang);
                look("02-dashboard");
                b.open("/originals/" + originalId);
                look("07-original-status");
                b.find(".crumbs a:last-of-type").click();
                b.waitFor("#originals-heading");
                look("03-agreement");
            }
        }
        logIn("archivist");
        for (org.openqa.selenium.Dimension size : List.of(Browser.LAPTOP, Browser.PHONE)) {
            b.driver.manage().window().setSize(size);
            for (String lang : List.of("ru", "en")) {
                b.open("/verify?lang=" + lang);
                b.find("#file").sendKeys(original.toAbsolutePath().toString());
                b.find("#verify-submit").click();
                b.waitFor("#verdict");
                look("09-verdict-valid");
            }
        }
        b.driver.manage().window().setSize(Browser.LAPTOP);

        // the secretariat's status page updates itself when a signatory signs elsewhere
        logIn("secretariat");
        b.driver.get(secondPage);
        assertTrue(b.all("tr[data-party='cica'] td.state.signed").isEmpty());
        assertEquals(201, s.anonymous.postForm(ServiceFlowContract.api(liveLink), Http.form("place", "Astana", "placeRu", "Астане", "password",
                Running.PASSWORD)).status());
        assertTrue(b.waitFor("tr[data-party='cica'] td.state.signed").getText().length() > 0, "updated without a reload");
        assertTrue(b.find("tr[data-party='cica'] td.signer").getText().contains("Gong Jianwei"));
        // every column follows: the link is used, no "New link" for a party that signed, one time format
        assertEquals("used", b.find("tr[data-party='cica'] .link-state").getText());
        assertTrue(b.all("tr[data-party='cica'] form.inline").isEmpty(), "no new link for a party that has signed");
        assertFalse(b.all("tr[data-party='sco-rats'] form.inline").isEmpty(), "the pending party keeps its New link");
        String live = b.find("tr[data-party='cica'] td.at").getText();
        b.driver.navigate().refresh();
        b.waitFor("tr[data-party='cica'] td.state.signed");
        assertEquals(b.find("tr[data-party='cica'] td.at").getText(), live, "the live time reads as the page writes it");
        assertTrue(live.matches("\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} UTC"), live);
        // "New link" asks first, shows the link once, and a reload makes no other
        b.find("tr[data-party='sco-rats'] form.inline button").click();
        b.driver.switchTo().alert().dismiss();
        assertTrue(b.all("#new-link-url").isEmpty(), "nothing made when the question is dismissed");
        b.find("tr[data-party='sco-rats'] form.inline button").click();
        b.driver.switchTo().alert().accept();
        String fresh = b.waitFor("#new-link-url").getAttribute("value");
        assertTrue(fresh.matches("http://127\\.0\\.0\\.1:\\d+/sign/[A-Za-z0-9_-]{43}"), fresh);
        b.driver.navigate().refresh();
        b.waitFor("#status");
        assertTrue(b.all("#new-link-url").isEmpty(), "a reload shows the status, not another link");
        assertEquals(200, s.anonymous.get(ServiceFlowContract.api(fresh)).status(), "the link shown still works");
        assertEquals(List.of(), accessibility, "axe-core: no serious or critical violation on any page");
    }

    @Test
    void the_api_documentation_renders_under_the_strict_csp() throws IOException {
        b.open("/docs");
        assertTrue(b.waitFor(".swagger-ui .info .title").getText().contains("Accord API"), b.find(".swagger-ui").getText());
        assertTrue(b.all(".opblock").size() >= 20, "the operations are listed: " + b.all(".opblock").size());
        b.screenshot("11-api-docs");
    }

    @Test
    void the_accessibility_check_finds_what_it_should() throws IOException {
        b.driver.get("data:text/html;charset=utf-8,<html><body><img src='x.png'><input type='text'><a href='/'></a></body></html>");
        List<String> found = b.accessibilityViolations();
        assertTrue(found.stream().anyMatch(v -> v.startsWith("image-alt")), found.toString());
        assertTrue(found.stream().anyMatch(v -> v.startsWith("label")), found.toString());
    }

    @Test
    void a_party_named_like_a_script_shows_literally() throws Exception {
        String yaml = new String(org.accord.testing.Seeds.titled(org.accord.testing.Seeds.CICA, 2), java.nio.charset.StandardCharsets.UTF_8)
                .replace("shortName: {en: \"CICA Secretariat\"", "shortName: {en: \"<script>alert(1)</script>\"")
                .replace("en: \"The Secretariat of the Conference on Interaction and Confidence Building Measures in Asia\"\n      ru:",
                        "en: \"<img src=x onerror=alert(2)> Secretariat\"\n      ru:");
        Http.Response created = s.secretariat.post("/api/agreements", "application/yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(201, created.status(), created.toString());
        String id = created.json().path("id").asText();
        logIn("secretariat");
        b.open("/agreements/" + id + "?lang=en");
        b.waitFor("#issue-submit");
        assertTrue(b.find("main").getText().contains("<img src=x onerror=alert(2)> Secretariat"), "shown as text");
        assertTrue(b.all("main img").isEmpty(), "no element was injected");
        String html = s.secretariat.get("/agreements/" + id).text();
        assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"), "escaped in the HTML");
        assertFalse(html.contains("<img src=x"), "never raw");
    }
}
