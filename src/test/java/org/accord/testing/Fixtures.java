package org.accord.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.render.Layout;
import org.accord.render.Renderer;

/** Unsigned originals, rendered once per test JVM. */
public final class Fixtures {

    private static final Renderer RENDERER = new Renderer();
    private static final Map<Path, byte[]> ORIGINALS = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /** Original 1 of a seed agreement, parallel layout, unsigned. */
    public static byte[] original(Path seed) {
        return ORIGINALS.computeIfAbsent(seed, s -> RENDERER.render(Seeds.read(s), Layout.PARALLEL).get(0).bytes()).clone();
    }
}
