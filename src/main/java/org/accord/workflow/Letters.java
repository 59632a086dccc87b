package org.accord.workflow;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.accord.model.Agreement;
import org.accord.model.Party;
import org.accord.model.Text;
import org.accord.store.Outbox;
import org.accord.store.StoredOriginal;

/**
 * The mails of a signing round, each in English and then in Russian, worded in {@code templates/mail/letters_*.properties}.
 * A mail that carries a personal link also has a redacted body: what the outbox keeps once it is delivered.
 */
final class Letters {

    static final String MAIL = "mail";
    private static final List<String> LANGUAGES = List.of("en", "ru");
    private static final String SEPARATOR = "\n\n— — —\n\n";
    private final Map<String, Properties> bundles = new HashMap<>();

    Letters() {
        for (String lang : LANGUAGES) {
            Properties p = new Properties();
            String name = "templates/mail/letters_" + lang + ".properties";
            try (InputStream in = Letters.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing from the classpath");
                }
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundles.put(lang, p);
        }
    }

    /** The invitation of {@code party}; {@code previous} (may be null) is the party whose signature made it its turn. */
    Outbox.NewMessage invitation(Agreement a, StoredOriginal o, Party party, String to, String link, Instant deadline,
                                 Party previous, boolean replaces) {
        return mail("invitation", party.id(), to, lang -> {
            Map<String, Object> args = common(a, o, lang);
            signatory(args, party, lang);
            args.put("deadline", Times.format(deadline, lang));
            return args;
        }, link, lang -> (previous == null ? "" : "\n\n" + text(lang, "invitation.after", Map.of("previous",
                previous.shortName().in(lang)))) + (replaces ? "\n\n" + text(lang, "invitation.replaces", Map.of()) : ""), List.of());
    }

    /** A reminder to {@code party}, with its link again. */
    Outbox.NewMessage reminder(Agreement a, StoredOriginal o, Party party, String to, String link, Instant deadline) {
        return mail("reminder", party.id(), to, lang -> {
            Map<String, Object> args = common(a, o, lang);
            signatory(args, party, lang);
            args.put("deadline", Times.format(deadline, lang));
            return args;
        }, link, lang -> "", List.of());
    }

    /** Told to {@code to} (a party's signatory, or the secretariat when {@code partyId} is null): {@code by} declined. */
    Outbox.NewMessage declined(Agreement a, StoredOriginal o, String partyId, String to, Party by, String reason) {
        return mail("declined", partyId, to, lang -> {
            Map<String, Object> args = common(a, o, lang);
            args.put("by", by.shortName().in(lang));
            args.put("reason", reason);
            return args;
        }, null, lang -> "", List.of());
    }

    /** Told to the secretariat: the deadline passed before every party signed. */
    Outbox.NewMessage expired(Agreement a, StoredOriginal o, String to, Instant deadline, List<Party> signed, List<Party> missing) {
        return mail("expired", null, to, lang -> {
            Map<String, Object> args = common(a, o, lang);
            args.put("deadline", Times.format(deadline, lang));
            args.put("signedBy", names(signed, lang));
            args.put("missing", names(missing, lang));
            return args;
        }, null, lang -> "", List.of());
    }

    /** The completed original and its signing certificate (attached, or the original behind {@code downloadLink}). */
    Outbox.NewMessage completed(Agreement a, StoredOriginal o, String partyId, String to, List<Party> signed,
                                List<Outbox.Attachment> files, String downloadLink, Instant linkExpires) {
        return mail("completed", partyId, to, lang -> {
            Map<String, Object> args = common(a, o, lang);
            args.put("signedBy", names(signed, lang));
            args.put("delivery", downloadLink == null ? text(lang, "completed.attached", Map.of())
                    : text(lang, "completed.linked", Map.of("link", downloadLink, "expires", Times.format(linkExpires, lang))));
            return args;
        }, null, lang -> "", files);
    }

    private Outbox.NewMessage mail(String kind, String partyId, String to, Function<String, Map<String, Object>> args, String link,
                                   Function<String, String> tail, List<Outbox.Attachment> files) {
        StringBuilder subject = new StringBuilder();
        StringBuilder body = new StringBuilder();
        StringBuilder redacted = new StringBuilder();
        for (String lang : LANGUAGES) {
            Map<String, Object> values = new HashMap<>(args.apply(lang));
            subject.append(subject.length() == 0 ? "" : " / ").append(text(lang, kind + ".subject", values));
            String separator = body.length() == 0 ? "" : SEPARATOR;
            values.put("link", link == null ? "" : link);
            body.append(separator).append(text(lang, kind + ".body", values)).append(tail.apply(lang));
            values.put("link", text(lang, "redacted.link", Map.of()));
            redacted.append(separator).append(text(lang, kind + ".body", values)).append(tail.apply(lang));
        }
        return new Outbox.NewMessage(MAIL, kind, partyId, to, subject.toString(), body.append('\n').toString(), link,
                link == null ? null : redacted.append('\n').toString(), files);
    }

    private static Map<String, Object> common(Agreement a, StoredOriginal o, String lang) {
        Map<String, Object> args = new HashMap<>();
        args.put("title", a.shortTitle().in(lang));
        args.put("original", o.number());
        args.put("originals", o.ofTotal());
        return args;
    }

    private static void signatory(Map<String, Object> args, Party party, String lang) {
        args.put("signatory", party.signatory().name().in(lang));
        args.put("function", party.signatory().function() == null ? "" : ", " + party.signatory().function().in(lang));
        Text behalf = party.onBehalf() == null ? party.shortName() : party.onBehalf();
        args.put("party", behalf.in(lang));
    }

    private static String names(List<Party> parties, String lang) {
        return parties.isEmpty() ? "—" : String.join(", ", parties.stream().map(p -> p.shortName().in(lang)).toList());
    }

    private String text(String lang, String key, Map<String, Object> values) {
        String pattern = bundles.get(lang).getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("templates/mail/letters_" + lang + ".properties has no " + key);
        }
        return new MessageFormat(pattern, new ULocale(lang)).format(values);
    }
}
