package org.accord.render;

/** A render that could not produce a conforming original (a missing glyph, a refused resource, a FOP error). */
public final class RenderException extends RuntimeException {

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
