package org.accord.verify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changes {@link Assessment} reports, in Russian for readers of the Russian pages and reports. The English
 * sentences stay the reference (they are what the JSON carries); each pattern here matches one of them.
 */
public final class ChangeWords {

    private record Rule(Pattern en, String ru) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("the page content looks different on page\\(s\\) (.+)"), "содержимое страниц выглядит иначе: стр. $1"),
            new Rule(Pattern.compile("pages added or removed \\(page\\(s\\) (.+)\\)"), "добавлены или удалены страницы (стр. $1)"),
            new Rule(Pattern.compile("annotations laid over one another on page\\(s\\) (.+), which the signed revision did not have"),
                    "аннотации наложены друг на друга на стр. $1, чего не было в подписанной редакции"),
            new Rule(Pattern.compile("annotations added after signing on page\\(s\\) (.+)"), "после подписания добавлены аннотации на стр. $1"),
            new Rule(Pattern.compile("annotations added, changed or removed \\((\\d+) objects\\)"),
                    "аннотации добавлены, изменены или удалены (объектов: $1)"),
            new Rule(Pattern.compile("other objects changed \\((\\d+)\\)"), "изменены другие объекты (объектов: $1)"),
            new Rule(Pattern.compile("signature fields signed or form fields filled \\((\\d+) objects\\)"),
                    "подписаны поля подписи или заполнены поля формы (объектов: $1)"),
            new Rule(Pattern.compile("validation data added \\((\\d+) objects\\)"), "добавлены данные для проверки (объектов: $1)"),
            new Rule(Pattern.compile("(\\d+) bytes after the last signed revision: validation data only \\(long-term validation\\)"),
                    "$1 байт после последней подписанной редакции: только данные для проверки (долгосрочная проверка)"),
            new Rule(Pattern.compile("Visual difference is detected on page\\(s\\) \\[(.+)\\] \\[(\\w+)\\]"),
                    "обнаружено визуальное различие на стр. $1 [$2]"),
            new Rule(Pattern.compile("the document carries no signature"), "документ не содержит подписей"));

    private static final Pattern WRAPPED = Pattern.compile("changed after signing: (.+) \\[Accord\\]");
    private static final Pattern UNCOVERED = Pattern.compile(
            "(\\d+) bytes after the last signed revision are not covered by any signature(?:: (.+))?");

    private ChangeWords() {
    }

    /** {@code sentence} in {@code lang}: unchanged for English or a sentence without a Russian wording. */
    public static String in(String sentence, String lang) {
        if (!"ru".equals(lang) || sentence == null) {
            return sentence;
        }
        Matcher wrapped = WRAPPED.matcher(sentence);
        if (wrapped.matches()) {
            return "изменено после подписания: " + in(wrapped.group(1), lang) + " [Accord]";
        }
        Matcher tail = UNCOVERED.matcher(sentence);
        if (tail.matches()) {
            String head = tail.group(1) + " байт после последней подписанной редакции не покрыты ни одной подписью";
            if (tail.group(2) == null) {
                return head;
            }
            List<String> parts = new java.util.ArrayList<>();
            for (String part : tail.group(2).split("; ")) {
                parts.add(in(part, lang));
            }
            return head + ": " + String.join("; ", parts);
        }
        for (Rule r : RULES) {
            Matcher m = r.en().matcher(sentence);
            if (m.matches()) {
                return m.replaceFirst(r.ru());
            }
        }
        return sentence;
    }
}
