package org.accord.verify;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The words of verdicts, findings, changes and indications in English or Russian, from the bundles
 * {@code templates/report/words_en.properties} and {@code words_ru.properties} (ICU message syntax, so plurals follow
 * CLDR's rules for each language). Code reads values; only this class turns them into sentences.
 */
public final class Wording {

    /** The languages reports are written in. */
    public static final List<String> LANGUAGES = List.of("en", "ru");
    private static final String BUNDLE = "templates/report/words_%s.properties";
    private static final Map<String, Wording> CACHE = new ConcurrentHashMap<>();

    private final String lang;
    private final ULocale locale;
    private final Properties words;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Wording(String lang) {
        this.lang = lang;
        this.locale = new ULocale(lang);
        this.words = load(lang);
    }

    /** The wording in {@code lang} ({@code en} or {@code ru}; anything else is English). */
    public static Wording of(String lang) {
        return CACHE.computeIfAbsent(LANGUAGES.contains(lang) ? lang : "en", Wording::new);
    }

    public String lang() {
        return lang;
    }

    /** Every key of the bundle (the tests compare the languages). */
    public Collection<String> keys() {
        return words.stringPropertyNames();
    }

    /** The message {@code key} with named arguments given as name, value, name, value… */
    public String text(String key, Object... namesAndValues) {
        Map<String, Object> args = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return format(key, args);
    }

    /** Every label, for templates: {@code w["verdict"]}. */
    public Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        for (String key : words.stringPropertyNames()) {
            if (key.startsWith("label.")) {
                labels.put(key.substring("label.".length()), words.getProperty(key));
            }
        }
        return labels;
    }

    public String finding(Finding f) {
        Map<String, Object> args = new HashMap<>();
        f.params().forEach((name, value) -> args.put(name, argument(value)));
        switch (f.code()) {
            case DSS_MESSAGE -> {
                Object text = f.params().get(lang);
                return text != null ? text.toString() : String.valueOf(f.params().get("en"));
            }
            case CHANGED_AFTER_SIGNING -> args.put("change", change((Change) f.params().get("change")));
            case TAIL_NOT_COVERED -> args.put("changes", changes(f.params().get("changes")));
            default -> {
            }
        }
        return format("finding." + f.code().name(), args);
    }

    public String change(Change c) {
        Map<String, Object> args = new HashMap<>();
        args.put("objects", c.objects());
        args.put("pages", c.pages().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        args.put("pageCount", c.pages().size());
        args.put("fields", String.join(", ", c.fields()));
        args.put("fieldCount", c.fields().size());
        return format("change." + c.kind().name(), args);
    }

    public List<String> changes(List<Change> changes) {
        return changes.stream().map(this::change).toList();
    }

    /** An ETSI indication in plain words ("valid", "could not be confirmed"…). */
    public String indication(Object indication) {
        return indication instanceof Enum<?> e ? format("indication." + e.name(), Map.of()) : format("indication.NONE", Map.of());
    }

    /** An ETSI sub-indication in plain words; empty for none. */
    public String subIndication(Object subIndication) {
        return subIndication instanceof Enum<?> e ? format("subIndication." + e.name(), Map.of()) : "";
    }

    public String timestampKind(TimestampReport.Kind kind) {
        return format("timestampKind." + kind.name(), Map.of());
    }

    /** The headline of a verdict, in full: what the archivist reads first. */
    public String headline(DocumentReport r) {
        return switch (r.verdict()) {
            case UNUSABLE -> format("verdict.UNUSABLE.long", Map.of("error", finding(r.error())));
            case VALID -> format("verdict.VALID.long", Map.of());
            case NOT_VALID -> format("verdict.NOT_VALID.long", Map.of());
            case INCOMPLETE -> format("verdict.INCOMPLETE.long", Map.of("detail", incomplete(r)));
        };
    }

    /** Who has signed and who has not: "1 of 2 parties have signed; missing: SCO RATS". */
    public String incomplete(DocumentReport r) {
        DocumentReport.Agreement a = r.agreement();
        String missing = r.missingParties().stream().map(p -> a == null ? p : a.name(p, lang)).collect(Collectors.joining(", "));
        return format("verdict.INCOMPLETE.detail", Map.of("signed", a == null ? 0 : a.signedBy().size(),
                "total", a == null ? 0 : a.parties().size(), "missing", missing));
    }

    /**
     * For whom a signature of an Accord original was made and whether by the party's designated signatory
     * ("CICA Secretariat — by its designated signatory"); empty for a signature in no party's field.
     */
    public String signedFor(DocumentReport r, SignatureReport s) {
        if (s.party() == null) {
            return "";
        }
        String party = r.agreement() == null ? s.party() : r.agreement().name(s.party(), lang);
        String key = s.designatedSigner() == null ? "signedFor.unknown" : s.designatedSigner() ? "signedFor.designated" : "signedFor.other";
        return format(key, Map.of("party", party));
    }

    /** One of a signature's full powers: "full-powers.pdf (12,345 bytes, SHA-256 …): covered by this signature". */
    /** A completed signature block: "Astana / в Астане, 2 December 2026 / 2 декабря 2026 года", blanks shown as such. */
    public String completion(SignatureReport.Completion c) {
        String none = "—";
        return (c.place() == null ? none : c.place()) + " / в " + (c.placeRu() == null ? none : c.placeRu()) + ", "
                + (c.date() == null ? none : c.date()) + " / " + (c.dateRu() == null ? none : c.dateRu());
    }

    public String fullPowers(SignatureReport.FullPowers f) {
        return format(f.covered() ? "fullPowers.covered" : "fullPowers.notCovered", Map.of("file", String.valueOf(f.fileName()),
                "bytes", f.size(), "sha256", f.sha256() == null ? "?" : f.sha256()));
    }

    /** The validation policy's name: Accord's own in words of this language, any other as it names itself. */
    public String policy(Object name) {
        return name instanceof String n && n.startsWith("Accord strict") ? format("label.policy.accord", Map.of())
                : name == null ? format("label.none", Map.of()) : name.toString();
    }

    /** The one word of a verdict (VALID, INCOMPLETE, NOT VALID, CANNOT BE VALIDATED). */
    public String verdict(DocumentReport.Verdict verdict) {
        return format("verdict." + verdict.name(), Map.of());
    }

    /** A time as people read it: {@code 2026-11-23 02:28:50 UTC}; "none" for anything but an instant. */
    public String time(Object time) {
        return time instanceof Instant t
                ? DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).format(t.atOffset(ZoneOffset.UTC))
                : format("label.none", Map.of());
    }

    /** The span a signature covers, in words. */
    public String covers(Object covers) {
        if (!(covers instanceof SignatureReport.Covers c)) {
            return format("label.none", Map.of());
        }
        return format(c.end() >= c.length() ? "covers.whole" : "covers.part", Map.of("end", c.end(), "length", c.length()));
    }

    /** The independent check of one signature, in a sentence: what agrees, where they differ, or why it could not be made. */
    public String independent(Object check) {
        if (!(check instanceof IndependentCheck c)) {
            return format("label.none", Map.of());
        }
        Map<String, Object> args = new HashMap<>();
        args.put("implementation", c.implementation());
        args.put("point", c.point() == null ? "" : point(c.point()));
        return switch (c.outcome()) {
            case AGREES -> format(c.point() == null ? "independent.AGREES" : "independent.AGREES.broken", args);
            case DISAGREES -> {
                args.put("who", format(c.brokenFor() == null ? "independent.side.none" : "independent.side." + c.brokenFor().name(), args));
                yield format("independent.DISAGREES", args);
            }
            case NOT_POSSIBLE -> format("independent.NOT_POSSIBLE", args);
        };
    }

    private String point(IndependentCheck.Point p) {
        return format("independent.point." + p.json(), Map.of("implementation", IndependentCheck.IMPLEMENTATION));
    }

    private Object argument(Object value) {
        if (value instanceof IndependentCheck.Point p) {
            return point(p);
        }
        if (value instanceof Instant t) {
            return time(t);
        }
        if (value instanceof org.accord.model.Text t) {
            return t.in(lang);
        }
        if (value instanceof TimestampReport.Kind k) {
            return timestampKind(k);
        }
        if (value instanceof Updates.DamageKind d) {
            return format("damage." + d.name(), Map.of());
        }
        if (value instanceof eu.europa.esig.dss.enumerations.SubIndication s) {
            return subIndication(s);
        }
        if (value instanceof eu.europa.esig.dss.enumerations.Indication i) {
            return indication(i);
        }
        if (value instanceof Collection<?> list && !(list.isEmpty()) && list.iterator().next() instanceof String) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return value;
    }

    private String changes(Object list) {
        List<String> worded = new ArrayList<>();
        if (list instanceof Collection<?> c) {
            for (Object o : c) {
                worded.add(o instanceof Change ch ? change(ch) : String.valueOf(o));
            }
        }
        return String.join("; ", worded);
    }

    private String format(String key, Map<String, Object> args) {
        String pattern = words.getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("no wording for " + key + " in " + lang);
        }
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(pattern, locale));
        synchronized (format) {
            return format.format(args);
        }
    }

    private static Properties load(String lang) {
        String name = String.format(Locale.ROOT, BUNDLE, lang);
        try (InputStream in = Wording.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
