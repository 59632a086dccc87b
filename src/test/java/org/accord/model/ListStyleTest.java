package org.accord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListStyleTest {

    @Test
    void roman_labels_count_like_the_cica_protocol() {
        assertEquals(List.of("i.", "ii.", "iii.", "iv.", "v.", "ix.", "xiv."),
                IntStream.of(0, 1, 2, 3, 4, 8, 13).mapToObj(ListStyle.ROMAN::label).toList());
    }

    @Test
    void alpha_labels_continue_past_z() {
        assertEquals(List.of("a)", "b)", "z)", "aa)"),
                IntStream.of(0, 1, 25, 26).mapToObj(ListStyle.ALPHA::label).toList());
    }

    @Test
    void decimal_labels_end_with_a_full_stop() {
        assertEquals("10.", ListStyle.DECIMAL.label(9));
    }
}
