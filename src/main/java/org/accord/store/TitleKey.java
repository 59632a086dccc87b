package org.accord.store;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What makes two agreement titles the same: the English title in NFKC, case-folded, with runs of white space as one
 * space, as a SHA-256 (a fixed-width key every database can index, whatever the title's length).
 */
final class TitleKey {

    private TitleKey() {
    }

    static String of(String titleEn) {
        String normal = Normalizer.normalize(titleEn, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        return Rows.sha256(normal.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
