package org.accord.web;

import java.util.Map;

/**
 * A refusal to be answered as RFC 9457 {@code application/problem+json}: {@code slug} names the problem type
 * (https://accord.invalid/problems/{slug}); {@code extensions} are extra members such as the list of problems.
 */
public final class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String slug;
    private final String title;
    private final transient Map<String, Object> extensions;

    public Problem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of(), null);
    }

    public Problem(int status, String slug, String title, String detail, Map<String, Object> extensions, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    static Problem badRequest(String detail) {
        return new Problem(400, "bad-request", "Bad request", detail);
    }

    static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail);
    }
}
