/**
 * Agreement → XSL-FO (FreeMarker) → PDF/A-3b (Apache FOP) → signature fields (PDFBox). One entry:
 * {@link org.accord.render.Renderer}; {@link org.accord.render.RenderBenchmark} measures it against raw FOP.
 */
package org.accord.render;
