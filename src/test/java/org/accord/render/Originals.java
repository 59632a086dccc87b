package org.accord.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.model.Agreement;
import org.accord.testing.Seeds;

/** Renders each seed in each layout once per test JVM: FOP is the slow part of these tests. */
final class Originals {

    static final Renderer RENDERER = new Renderer();
    private static final Map<String, List<RenderedPdf>> CACHE = new ConcurrentHashMap<>();

    private Originals() {
    }

    static List<RenderedPdf> of(Path seed, Layout layout) {
        return CACHE.computeIfAbsent(seed + "|" + layout, k -> RENDERER.render(Seeds.read(seed), layout));
    }

    /** The drafts of a seed in a layout (the only way to have the separate layout). */
    static List<RenderedPdf> drafts(Path seed, Layout layout) {
        return CACHE.computeIfAbsent(seed + "|draft|" + layout, k -> RENDERER.preview(Seeds.read(seed), layout));
    }

    static Agreement agreement(Path seed) {
        return Seeds.read(seed);
    }
}
