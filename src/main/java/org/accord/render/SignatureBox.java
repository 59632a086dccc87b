package org.accord.render;

/** The size of each party's signature box, in millimetres; the template and the field placement share it. */
public record SignatureBox(int width, int height) {

    static final float POINTS_PER_MM = 72f / 25.4f;

    public float widthPt() {
        return width * POINTS_PER_MM;
    }

    public float heightPt() {
        return height * POINTS_PER_MM;
    }
}
