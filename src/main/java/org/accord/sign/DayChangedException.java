package org.accord.sign;

import java.time.LocalDate;

/**
 * The signature's time-stamp fell on another day (UTC) than the date its signature block was completed with:
 * midnight passed while signing. Nothing is kept; signing again completes the block with the new day.
 */
public final class DayChangedException extends SigningRefusedException {

    public DayChangedException(LocalDate completed) {
        super("midnight (UTC) passed while signing: the signature block says " + completed
                + " but the time-stamp is of the next day; sign again");
    }
}
