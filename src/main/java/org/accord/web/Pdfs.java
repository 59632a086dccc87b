package org.accord.web;

import io.javalin.http.Context;

/** PDFs are only ever sent as {@code application/pdf} attachments, never as something a browser might render as HTML. */
final class Pdfs {

    private Pdfs() {
    }

    static void send(Context ctx, byte[] pdf, String fileName) {
        ctx.contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .result(pdf);
    }
}
