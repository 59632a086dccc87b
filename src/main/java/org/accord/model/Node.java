package org.accord.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A YAML mapping at a known path; reads typed values and records every problem by its path. */
final class Node {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(date|place)}");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

    private final JsonNode json;
    private final String path;
    private final List<String> problems;
    private final Set<String> read = new LinkedHashSet<>();

    Node(JsonNode json, String path, List<String> problems) {
        this.json = json;
        this.path = path;
        this.problems = problems;
    }

    JsonNode json() {
        return json;
    }

    String path() {
        return path;
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String where, String what) {
        problems.add(where + ": " + what);
    }

    /** A required or optional mapping; null (and a problem if required) when absent or not a mapping. */
    Node object(String key, boolean required) {
        JsonNode value = value(key, required);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            problem(at(key), "must be a mapping");
            return null;
        }
        return new Node(value, at(key), problems);
    }

    /** The elements of a sequence, each read by {@code element}; empty (and a problem if required) when absent. */
    <T> List<T> list(String key, boolean required, Function<Element, T> element) {
        JsonNode value = value(key, required);
        List<T> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!value.isArray()) {
            problem(at(key), "must be a list");
            return result;
        }
        if (value.isEmpty() && required) {
            problem(at(key), "empty");
        }
        for (int i = 0; i < value.size(); i++) {
            T item = element.apply(new Element(value.get(i), at(key) + "[" + i + "]"));
            if (item != null) {
                result.add(item);
            }
        }
        return result;
    }

    String string(String key, boolean required) {
        JsonNode value = value(key, required);
        if (value == null) {
            return null;
        }
        if (!value.isValueNode() || value.isNull()) {
            problem(at(key), "must be a text");
            return null;
        }
        String s = value.asText();
        if (s.isBlank()) {
            problem(at(key), "empty");
            return null;
        }
        return s;
    }

    Integer integer(String key, boolean required) {
        JsonNode value = value(key, required);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            problem(at(key), "must be a whole number");
            return null;
        }
        return value.intValue();
    }

    boolean bool(String key, boolean fallback) {
        JsonNode value = value(key, false);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problem(at(key), "must be true or false");
            return fallback;
        }
        return value.booleanValue();
    }

    /** A text in both languages, checked for parity; null (and a problem if required) when absent. */
    Text text(String key, boolean required) {
        JsonNode value = value(key, required);
        return value == null ? null : Node.text(value, at(key), problems);
    }

    static Text text(JsonNode value, String path, List<String> problems) {
        if (!value.isObject()) {
            problems.add(path + ": must be a mapping {en: …, ru: …}");
            return null;
        }
        Node node = new Node(value, path, problems);
        String en = node.string("en", true);
        String ru = node.string("ru", true);
        node.rejectUnknown();
        if (en == null || ru == null) {
            return null;
        }
        Characters.problems(en).forEach(p -> problems.add(path + ".en: " + p));
        Characters.problems(ru).forEach(p -> problems.add(path + ".ru: " + p));
        int enParagraphs = PARAGRAPH_BREAK.split(en.strip()).length;
        int ruParagraphs = PARAGRAPH_BREAK.split(ru.strip()).length;
        if (enParagraphs != ruParagraphs) {
            problems.add(path + ": " + enParagraphs + " paragraphs in en but " + ruParagraphs + " in ru");
        }
        List<String> enPlaceholders = placeholders(en);
        List<String> ruPlaceholders = placeholders(ru);
        if (!enPlaceholders.equals(ruPlaceholders)) {
            problems.add(path + ": placeholders differ between en " + describe(enPlaceholders)
                    + " and ru " + describe(ruPlaceholders));
        }
        return new Text(en.strip(), ru.strip());
    }

    /** Records a problem for every key of this mapping that was never read. */
    void rejectUnknown() {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                problem(at(name), "not part of the agreement format");
            }
        }
    }

    private JsonNode value(String key, boolean required) {
        read.add(key);
        JsonNode value = json.get(key);
        if (value == null || value.isNull() || value.isMissingNode()) {
            if (required) {
                problem(at(key), "missing");
            }
            return null;
        }
        return value;
    }

    private static List<String> placeholders(String s) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            found.add(m.group());
        }
        found.sort(null);
        return found;
    }

    private static String describe(List<String> placeholders) {
        return placeholders.isEmpty() ? "(none)" : String.join(" ", placeholders);
    }

    /** One element of a sequence. */
    final class Element {
        final JsonNode json;
        final String path;

        Element(JsonNode json, String path) {
            this.json = json;
            this.path = path;
        }

        Node object() {
            if (!json.isObject()) {
                problems.add(path + ": must be a mapping");
                return null;
            }
            return new Node(json, path, problems);
        }

        Text text() {
            return Node.text(json, path, problems);
        }

        String string() {
            if (!json.isTextual() || json.asText().isBlank()) {
                problems.add(path + ": must be a text");
                return null;
            }
            return json.asText();
        }
    }
}
