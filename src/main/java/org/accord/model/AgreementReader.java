package org.accord.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/** Reads an agreement from YAML and checks it completely before anything renders. */
public final class AgreementReader {

    /** Agreement files larger than this are refused before parsing. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final YAMLMapper yaml;

    public AgreementReader() {
        LoaderOptions limits = new LoaderOptions();
        limits.setMaxAliasesForCollections(20);
        limits.setNestingDepthLimit(40);
        limits.setCodePointLimit(MAX_BYTES);
        limits.setAllowDuplicateKeys(false);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(limits).build();
        this.yaml = new YAMLMapper(factory);
        this.yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Reads the agreement in {@code file}; throws {@link InvalidAgreementException} listing every problem. */
    public Agreement read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new InvalidAgreementException(List.of(
                    file + ": " + size + " bytes, more than the " + MAX_BYTES + " an agreement file may have"));
        }
        return read(Files.readAllBytes(file), file.toAbsolutePath().getParent());
    }

    /** Reads an agreement from YAML (or JSON) bytes; throws {@link InvalidAgreementException} listing every problem. */
    public Agreement read(byte[] yamlBytes) {
        return read(yamlBytes, null);
    }

    /** {@code baseDir}, when not null, is where files the agreement names (a CA's certificate) are found. */
    private Agreement read(byte[] yamlBytes, Path baseDir) {
        if (yamlBytes.length > MAX_BYTES) {
            throw new InvalidAgreementException(List.of(
                    "agreement: " + yamlBytes.length + " bytes, more than the " + MAX_BYTES + " allowed"));
        }
        JsonNode root;
        try {
            root = yaml.readTree(yamlBytes);
        } catch (JsonProcessingException e) {
            throw new InvalidAgreementException("agreement: not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidAgreementException("agreement: cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidAgreementException(List.of("agreement: must be a YAML mapping"));
        }
        List<String> problems = new ArrayList<>();
        Agreement agreement = agreement(new Node(root, "", problems), problems, baseDir);
        if (!problems.isEmpty()) {
            throw new InvalidAgreementException(problems);
        }
        return agreement;
    }

    private static Agreement agreement(Node root, List<String> problems, Path baseDir) {
        String id = id(root, "id");
        Text kind = root.text("kind", true);
        Text title = root.text("title", true);
        Text shortTitle = root.text("shortTitle", true);
        List<Text> titleBlock = root.list("titleBlock", false, Node.Element::text);
        boolean initials = root.bool("initials", true);
        List<Node.Element> partyElements = root.list("parties", true, e -> e);
        List<Party> parties = new ArrayList<>();
        for (Node.Element e : partyElements) {
            Party party = party(e.object(), baseDir);
            if (party != null) {
                parties.add(party);
            }
        }
        if (partyElements.size() == 1) {
            root.problem("parties", "an agreement needs at least two parties");
        }
        Node preambleNode = root.object("preamble", true);
        Preamble preamble = preambleNode == null ? null : preamble(preambleNode);
        List<Node.Element> articleElements = root.list("articles", true, e -> e);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < articleElements.size(); i++) {
            Article a = article(articleElements.get(i).object(), i + 1);
            if (a != null) {
                articles.add(a);
            }
        }
        Node finalNode = root.object("finalClause", true);
        FinalClause finalClause = finalNode == null ? null : finalClause(finalNode);
        EntryIntoForce entry = entryIntoForce(root);
        boolean fullPowers = fullPowers(root);
        root.rejectUnknown();

        checkParties(parties, finalClause, problems);
        checkArticleNumbers(articles, problems);
        checkPlaceholders(root.json(), "", finalClause, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Agreement(id, kind, title, shortTitle, titleBlock, initials, parties, preamble, articles,
                finalClause, entry, fullPowers);
    }

    /**
     * A {@code {date}} or {@code {place}} needs the final clause's value: an original is never left with a blank
     * to be filled in by hand. Signed at a distance, each signature block gives its own place and date instead.
     */
    private static void checkPlaceholders(JsonNode node, String path, FinalClause clause, List<String> problems) {
        if (node.isTextual()) {
            for (String name : List.of("date", "place")) {
                boolean missing = clause == null || (name.equals("date") ? clause.date() == null : clause.place() == null);
                if (missing && node.asText().contains("{" + name + "}")) {
                    problems.add(path + ": {" + name + "} has no value; give finalClause." + name
                            + ", or word the text without it (each signature block gives its own place and date)");
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> checkPlaceholders(e.getValue(),
                    path.isEmpty() ? e.getKey() : path + "." + e.getKey(), clause, problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkPlaceholders(node.get(i), path + "[" + i + "]", clause, problems);
            }
        }
    }

    /** {@code fullPowers: required} (or {@code optional}, the default). */
    private static boolean fullPowers(Node root) {
        String value = root.string("fullPowers", false);
        if (value == null || value.equals("optional")) {
            return false;
        }
        if (!value.equals("required")) {
            root.problem(root.at("fullPowers"), "'" + value + "' is not one of required, optional");
        }
        return true;
    }

    private static EntryIntoForce entryIntoForce(Node root) {
        Node node = root.object("entryIntoForce", false);
        if (node == null) {
            return null;
        }
        String rule = node.string("rule", true);
        node.rejectUnknown();
        if (rule == null) {
            return null;
        }
        try {
            return EntryIntoForce.of(rule);
        } catch (IllegalArgumentException e) {
            node.problem(node.at("rule"), "'" + rule + "' is not one of on-last-signature, day-after-last-signature");
            return null;
        }
    }

    private static String id(Node node, String key) {
        String id = node.string(key, true);
        if (id != null && !ID.matcher(id).matches()) {
            node.problem(node.at(key), "'" + id + "' must be lower-case letters, digits and single '-'");
            return null;
        }
        return id;
    }

    private static Party party(Node node, Path baseDir) {
        if (node == null) {
            return null;
        }
        String id = id(node, "id");
        Text name = node.text("name", true);
        Text shortName = node.text("shortName", true);
        Text hereinafter = node.text("hereinafter", false);
        Integer keeps = node.integer("keepsOriginal", false);
        Text custodian = node.text("custodian", false);
        Text heading = node.text("signatureHeading", true);
        Text onBehalf = node.text("onBehalf", false);
        Node signatoryNode = node.object("signatory", true);
        Signatory signatory = null;
        if (signatoryNode != null) {
            Text signatoryName = signatoryNode.text("name", true);
            Text function = signatoryNode.text("function", false);
            Node certificateNode = signatoryNode.object("certificate", false);
            DesignatedSigner certificate = certificateNode == null ? null : DesignatedSigners.read(certificateNode, baseDir);
            String email = signatoryNode.string("email", false);
            if (email != null && !Signatory.isAddress(email)) {
                signatoryNode.problem(signatoryNode.at("email"), "must be a mail address such as name@example.org");
                email = null;
            }
            signatoryNode.rejectUnknown();
            signatory = signatoryName == null ? null : new Signatory(signatoryName, function, certificate, email);
        }
        node.rejectUnknown();
        if (id == null || name == null || shortName == null || heading == null || signatory == null) {
            return null;
        }
        return new Party(id, name, shortName, hereinafter, keeps, custodian == null ? shortName : custodian,
                heading, signatory, onBehalf);
    }

    private static Preamble preamble(Node node) {
        Text parties = node.text("parties", false);
        List<Recital> recitals = node.list("recitals", false, e -> {
            Node r = e.object();
            if (r == null) {
                return null;
            }
            Text lead = r.text("lead", false);
            Text text = r.text("text", true);
            r.rejectUnknown();
            return text == null ? null : new Recital(lead, text);
        });
        Text agreed = node.text("agreed", true);
        node.rejectUnknown();
        return agreed == null ? null : new Preamble(parties, recitals, agreed);
    }

    private static Article article(Node node, int position) {
        if (node == null) {
            return null;
        }
        Integer number = node.integer("number", false);
        Text title = node.text("title", false);
        boolean numbered = node.bool("numbered", false);
        String heading = node.string("heading", false);
        List<Paragraph> paragraphs = node.list("paragraphs", true, AgreementReader::paragraph);
        node.rejectUnknown();
        boolean headed = true;
        if (heading != null) {
            if (heading.equals("none")) {
                headed = false;
                if (title != null || number != null) {
                    node.problem(node.at("heading"), "an article without a heading has neither a number nor a title");
                }
            } else if (!heading.equals("numbered")) {
                node.problem(node.at("heading"), "'" + heading + "' is not one of numbered, none");
            }
        }
        return new Article(number == null ? position : number, title, numbered, paragraphs, headed);
    }

    /** A paragraph: {@code {en, ru}} for plain text, or {@code {text, list}} for text followed by a list. */
    private static Paragraph paragraph(Node.Element element) {
        if (element.json.isObject() && !element.json.has("text") && !element.json.has("list")) {
            Text plain = element.text();
            return plain == null ? null : new Paragraph(plain, null);
        }
        Node node = element.object();
        if (node == null) {
            return null;
        }
        Text text = node.text("text", true);
        Node listNode = node.object("list", false);
        ItemList list = null;
        if (listNode != null) {
            ListStyle style = listStyle(listNode);
            List<Text> items = listNode.list("items", true, Node.Element::text);
            listNode.rejectUnknown();
            list = style == null ? null : new ItemList(style, items);
        }
        node.rejectUnknown();
        return text == null ? null : new Paragraph(text, list);
    }

    private static ListStyle listStyle(Node node) {
        String style = node.string("style", true);
        if (style == null) {
            return null;
        }
        try {
            return ListStyle.valueOf(style.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            node.problem(node.at("style"), "'" + style + "' is not one of decimal, alpha, roman");
            return null;
        }
    }

    private static FinalClause finalClause(Node node) {
        Integer originals = node.integer("originals", true);
        if (originals != null && (originals < 1 || originals > 20)) {
            node.problem(node.at("originals"), originals + " is not between 1 and 20");
        }
        List<String> languages = node.list("languages", true, Node.Element::string);
        if (!languages.isEmpty() && !languages.equals(List.of("en", "ru"))) {
            node.problem(node.at("languages"), languages + " is not supported: Accord agreements are [en, ru]");
        }
        boolean equallyAuthentic = node.bool("equallyAuthentic", true);
        Text place = node.text("place", false);
        LocalDate date = null;
        String dateText = node.string("date", false);
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                node.problem(node.at("date"), "'" + dateText + "' is not a date like 2017-09-20");
            }
        }
        List<Text> text = node.list("text", false, Node.Element::text);
        boolean addition = node.bool("addition", false);
        if (text.isEmpty() && (place == null) != (date == null)) {
            node.problem(place == null ? node.at("place") : node.at("date"), "missing: Accord's standard clause takes both "
                    + "place and date (signed together) or neither (signed at a distance: each signature block gives its own)");
        }
        node.rejectUnknown();
        return new FinalClause(originals == null ? 1 : originals, equallyAuthentic, place, date, text, addition);
    }

    private static void checkParties(List<Party> parties, FinalClause finalClause, List<String> problems) {
        Set<String> ids = new HashSet<>();
        Set<Integer> kept = new HashSet<>();
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            if (!ids.add(p.id())) {
                problems.add("parties[" + i + "].id: '" + p.id() + "' is used by another party");
            }
            Integer keeps = p.keepsOriginal();
            if (keeps == null || finalClause == null) {
                continue;
            }
            if (keeps < 1 || keeps > finalClause.originals()) {
                problems.add("parties[" + i + "].keepsOriginal: " + keeps + " is not an original (finalClause.originals is "
                        + finalClause.originals() + ")");
            } else if (!kept.add(keeps)) {
                problems.add("parties[" + i + "].keepsOriginal: original " + keeps + " is kept by another party");
            }
        }
    }

    private static void checkArticleNumbers(List<Article> articles, List<String> problems) {
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < articles.size(); i++) {
            if (!numbers.add(articles.get(i).number())) {
                problems.add("articles[" + i + "].number: " + articles.get(i).number() + " is used by another article");
            }
        }
    }
}
