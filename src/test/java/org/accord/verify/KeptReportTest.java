package org.accord.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kept reports come back equal, and bytes holding anything but a report's own types are refused unread. */
class KeptReportTest {

    @Test
    void an_unusable_report_comes_back_equal() {
        DocumentReport r = Verification.unreadable("x.pdf").report();
        assertEquals(r, KeptReport.thaw(KeptReport.freeze(r)));
    }

    @Test
    void bytes_holding_another_class_are_refused_before_it_is_made() throws Exception {
        HashMap<String, Object> gadget = new HashMap<>();
        gadget.put("url", new java.net.URL("http://127.0.0.1/"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(gadget);
        }
        assertThrows(IllegalArgumentException.class, () -> KeptReport.thaw(bytes.toByteArray()));
        assertThrows(IllegalArgumentException.class, () -> KeptReport.thaw(new byte[] {1, 2, 3}));
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(list)) {
            out.writeObject(new java.util.ArrayList<>(List.of("not a report")));
        }
        assertThrows(IllegalArgumentException.class, () -> KeptReport.thaw(list.toByteArray()), "a list is not a report");
    }
}
