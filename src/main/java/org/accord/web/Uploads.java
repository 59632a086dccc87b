package org.accord.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;

/** Request bodies and uploaded parts, read within the configured bound. */
final class Uploads {

    private Uploads() {
    }

    /** The bytes of part {@code name}; 400 when the request has no such part. */
    static byte[] part(Context ctx, String name, long max) {
        requireForm(ctx);
        UploadedFile file = uploaded(ctx, name);
        if (file == null) {
            throw Problem.badRequest("the multipart request has no part '" + name + "'");
        }
        if (file.size() > max) {
            throw Problems.fromStatus(413, "part '" + name + "' is " + file.size() + " bytes; at most " + max + " are accepted");
        }
        try (InputStream in = file.content()) {
            return in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw Problem.badRequest("part '" + name + "' cannot be read");
        }
    }

    /** The bytes of part {@code name}, or null when the form has no such part or it is empty (pages word that). */
    static byte[] optionalPart(Context ctx, String name, long max) {
        UploadedFile file = uploaded(ctx, name);
        if (file == null || file.size() == 0) {
            return null;
        }
        return part(ctx, name, max);
    }

    /** The uploaded file name of part {@code name}, if any. */
    static String fileName(Context ctx, String name) {
        UploadedFile file = uploaded(ctx, name);
        return file == null ? null : file.filename();
    }

    /** Whether part {@code name} was uploaded. */
    static boolean has(Context ctx, String name) {
        requireForm(ctx);
        return uploaded(ctx, name) != null;
    }

    /** A form field; null when absent. */
    static String field(Context ctx, String name) {
        requireForm(ctx);
        try {
            return ctx.formParam(name);
        } catch (Exception e) {
            throw refusal(e);
        }
    }

    /**
     * The uploaded part; a body that exceeds the bound while Jetty streams it (no Content-Length, so the early
     * check could not see it) is 413, any other unreadable multipart body 400.
     */
    private static UploadedFile uploaded(Context ctx, String name) {
        try {
            return ctx.uploadedFile(name);
        } catch (Exception e) {
            throw refusal(e);
        }
    }

    private static Problem refusal(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("exceeded") || String.valueOf(t.getMessage()).contains("max size")) {
                return Problems.fromStatus(413, "the upload is larger than allowed");
            }
        }
        return Problem.badRequest("the multipart body cannot be read");
    }

    private static void requireForm(Context ctx) {
        String type = String.valueOf(ctx.contentType()).toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("multipart/form-data") && !type.startsWith("application/x-www-form-urlencoded")) {
            throw Problems.fromStatus(415, "send multipart/form-data");
        }
    }
}
