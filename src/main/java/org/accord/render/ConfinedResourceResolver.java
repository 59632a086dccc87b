package org.accord.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;

/**
 * FOP's only way to the outside world: class-path resources under the allowed prefixes ({@code templates/},
 * {@code fonts/}, {@code liberation/}). Files, URLs and every other scheme are refused, so neither a
 * template nor an agreement can make FOP read the file system or the network.
 */
final class ConfinedResourceResolver implements ResourceResolver {

    static final URI BASE = URI.create("classpath:/");
    static final List<String> ALLOWED = List.of("templates/", "fonts/", "liberation/");

    private final ClassLoader loader;

    ConfinedResourceResolver(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public Resource getResource(URI uri) throws IOException {
        String path = allowedPath(uri);
        InputStream in = loader.getResourceAsStream(path);
        if (in == null) {
            throw new IOException("resource not found: " + uri);
        }
        return new Resource(in);
    }

    @Override
    public OutputStream getOutputStream(URI uri) throws IOException {
        throw new IOException("rendering writes no files: refused " + uri);
    }

    static String allowedPath(URI uri) throws IOException {
        if (!"classpath".equals(uri.getScheme())) {
            throw new IOException("resource refused (only bundled templates and fonts may be read): " + uri);
        }
        String path = uri.getSchemeSpecificPart();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        String normalised = URI.create(path).normalize().getPath();
        if (normalised == null || normalised.startsWith("..") || normalised.contains("/../")
                || ALLOWED.stream().noneMatch(normalised::startsWith)) {
            throw new IOException("resource refused (only bundled templates and fonts may be read): " + uri);
        }
        return normalised;
    }
}
