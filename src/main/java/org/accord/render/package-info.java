/**
 * Agreement → XSL-FO (FreeMarker) → PDF/A-2b (Apache FOP) → signature fields (PDFBox). One entry:
 * {@link org.accord.render.Renderer}.
 */
package org.accord.render;
