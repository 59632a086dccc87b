package org.accord.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty writes itself, before any route runs (a header too large, a malformed request line): problem+json
 * with the security headers, like every other answer, instead of Jetty's bare page.
 */
final class JettyErrors extends ErrorHandler {

    private final Map<String, String> headers;

    JettyErrors(SecurityHeaders headers) {
        this.headers = headers.fixed();
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers.forEach(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(body(status));
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        HttpFields.Mutable fields = response.getHeaders();
        headers.forEach(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body(status)), callback);
    }

    /** Our words for the status, never Jetty's message (it may echo the request). */
    private static byte[] body(int status) {
        String detail = switch (status) {
            case 431 -> "the request's headers are larger than the service accepts";
            case 414 -> "the request's address is longer than the service accepts";
            case 413 -> "the request is larger than allowed";
            case 400 -> "the request cannot be read";
            default -> "the request could not be served";
        };
        String title = HttpStatus.getMessage(status);
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return ("{\"type\":\"https://accord.invalid/problems/" + slug + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
