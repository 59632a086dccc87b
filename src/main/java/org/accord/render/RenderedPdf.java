package org.accord.render;

import java.util.List;
import org.accord.model.Language;

/** One rendered original: a PDF/A-3b with an empty signature field per party. */
public record RenderedPdf(String fileName, int original, Layout layout, List<Language> languages, byte[] bytes) {

    public RenderedPdf {
        languages = List.copyOf(languages);
    }
}
