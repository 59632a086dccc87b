package org.accord.model;

/** How the items of a list are numbered. */
public enum ListStyle {
    /** 1. 2. 3. */
    DECIMAL,
    /** a) b) c) */
    ALPHA,
    /** i. ii. iii. */
    ROMAN;

    /** The label of the item at the given zero-based position. */
    public String label(int index) {
        int n = index + 1;
        return switch (this) {
            case DECIMAL -> n + ".";
            case ALPHA -> alpha(n) + ")";
            case ROMAN -> roman(n) + ".";
        };
    }

    private static String alpha(int n) {
        StringBuilder s = new StringBuilder();
        for (int k = n; k > 0; k = (k - 1) / 26) {
            s.insert(0, (char) ('a' + (k - 1) % 26));
        }
        return s.toString();
    }

    private static String roman(int n) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] digits = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
        StringBuilder s = new StringBuilder();
        int rest = n;
        for (int i = 0; i < values.length; i++) {
            for (; rest >= values[i]; rest -= values[i]) {
                s.append(digits[i]);
            }
        }
        return s.toString();
    }
}
