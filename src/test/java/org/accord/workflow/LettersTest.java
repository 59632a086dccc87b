package org.accord.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.accord.model.Agreement;
import org.accord.model.AgreementReader;
import org.accord.store.Outbox;
import org.accord.store.StoredOriginal;
import org.accord.testing.Seeds;
import org.junit.jupiter.api.Test;

/** The mails of a signing round: both languages, the personal link only where it belongs, nothing of it kept after. */
class LettersTest {

    private static final String LINK = "https://accord.example.org/sign/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Test
    void both_bundles_word_the_same_mails() throws Exception {
        assertEquals(bundle("en").stringPropertyNames(), bundle("ru").stringPropertyNames());
    }

    @Test
    void an_invitation_is_in_english_then_russian_with_the_link_and_the_deadline_and_its_kept_copy_has_no_link() throws Exception {
        Agreement a = new AgreementReader().read(Seeds.CICA);
        StoredOriginal o = new StoredOriginal("id", "agreement", 1, 2, "parallel", "cica", Instant.now());
        Outbox.NewMessage m = new Letters().invitation(a, o, a.parties().get(1), "rats@example.org", LINK,
                Instant.parse("2027-01-31T12:00:00Z"), a.parties().get(0), false);
        assertEquals("invitation", m.kind());
        assertTrue(m.subject().startsWith("Please sign: ") && m.subject().contains(" / Просьба подписать: "), m.subject());
        assertTrue(m.body().indexOf("The secretariat invites you") < m.body().indexOf("Секретариат приглашает Вас"), m.body());
        assertEquals(2, m.body().split(java.util.regex.Pattern.quote(LINK), -1).length - 1, "the link once per language");
        assertTrue(m.body().contains("31 January 2027, 12:00 UTC") && m.body().contains("31\u00A0января 2027\u00A0года, 12:00 UTC"), m.body());
        assertTrue(m.body().contains("от имени Региональной антитеррористической структуры"), m.body());
        assertFalse(m.redacted().contains("/sign/"), m.redacted());
        assertTrue(m.redacted().contains("[the personal link was delivered and is not kept]"), m.redacted());
    }

    @Test
    void a_mail_without_a_link_keeps_its_body() throws Exception {
        Agreement a = new AgreementReader().read(Seeds.CICA);
        StoredOriginal o = new StoredOriginal("id", "agreement", 2, 2, "parallel", "sco-rats", Instant.now());
        Outbox.NewMessage m = new Letters().declined(a, o, null, "secretariat@example.org", a.parties().get(0), "Article 3");
        assertNull(m.redacted());
        assertTrue(m.body().contains("Reason given: Article 3") && m.body().contains("Указанная причина: Article 3"), m.body());
        assertEquals(List.of(), m.attachments());
    }

    private static Properties bundle(String lang) throws Exception {
        Properties p = new Properties();
        try (InputStream in = LettersTest.class.getClassLoader().getResourceAsStream("templates/mail/letters_" + lang + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
