package org.accord.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every change sentence Accord reports reads in Russian on the Russian pages and stays English in English. */
class ChangeWordsTest {

    private static void ru(String en, String expected) {
        assertEquals(expected, ChangeWords.in(en, "ru"));
        assertEquals(en, ChangeWords.in(en, "en"));
    }

    @Test
    void the_changes_after_a_signature_read_in_russian() {
        ru("the page content looks different on page(s) 1, 2", "содержимое страниц выглядит иначе: стр. 1, 2");
        ru("pages added or removed (page(s) 3)", "добавлены или удалены страницы (стр. 3)");
        ru("annotations laid over one another on page(s) 1, which the signed revision did not have",
                "аннотации наложены друг на друга на стр. 1, чего не было в подписанной редакции");
        ru("annotations added after signing on page(s) 2", "после подписания добавлены аннотации на стр. 2");
        ru("annotations added, changed or removed (4 objects)", "аннотации добавлены, изменены или удалены (объектов: 4)");
        ru("other objects changed (1)", "изменены другие объекты (объектов: 1)");
        ru("signature fields signed or form fields filled (5 objects)", "подписаны поля подписи или заполнены поля формы (объектов: 5)");
        ru("validation data added (3 objects)", "добавлены данные для проверки (объектов: 3)");
        ru("the document carries no signature", "документ не содержит подписей");
        ru("Visual difference is detected on page(s) [1] [BBB_FC_IVDBSFR_ANS]", "обнаружено визуальное различие на стр. 1 [BBB_FC_IVDBSFR_ANS]");
    }

    @Test
    void the_findings_on_the_whole_file_read_in_russian_part_by_part() {
        ru("16635 bytes after the last signed revision are not covered by any signature: the page content looks different on page(s) 1; "
                + "other objects changed (1)", "16635 байт после последней подписанной редакции не покрыты ни одной подписью: "
                + "содержимое страниц выглядит иначе: стр. 1; изменены другие объекты (объектов: 1)");
        ru("12 bytes after the last signed revision are not covered by any signature",
                "12 байт после последней подписанной редакции не покрыты ни одной подписью");
        ru("900 bytes after the last signed revision: validation data only (long-term validation)",
                "900 байт после последней подписанной редакции: только данные для проверки (долгосрочная проверка)");
        ru("changed after signing: annotations added after signing on page(s) 2 [Accord]",
                "изменено после подписания: после подписания добавлены аннотации на стр. 2 [Accord]");
    }

    @Test
    void a_sentence_without_russian_wording_stays_as_it_is() {
        assertEquals("Something DSS said", ChangeWords.in("Something DSS said", "ru"));
    }
}
