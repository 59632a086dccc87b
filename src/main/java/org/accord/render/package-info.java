/**
 * Agreement → XSL-FO (FreeMarker) → PDF/A-3b (Apache FOP) → signature fields (PDFBox). One entry:
 * {@link org.accord.render.Renderer}.
 */
package org.accord.render;
