package org.carehotline.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.carehotline.cases.PhoneNumbers;
import org.carehotline.console.auth.User;

/** How the console writes times, durations and phone numbers, in the hotline's zone. */
record Formats(ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    String clock(Instant at) {
        return CLOCK.format(at.atZone(zone));
    }

    static String duration(long seconds) {
        return seconds < 60 ? seconds + "s" : seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
    }

    static String duration(Duration d) {
        return duration(d.toSeconds());
    }

    /** The number as this user may see it: whole for the hotline's staff, masked for referrers. */
    static String phone(Optional<String> phone, User viewer) {
        if (phone.isEmpty() || phone.get().isEmpty()) {
            return "";
        }
        return viewer.seesPhoneNumbers() ? phone.get() : PhoneNumbers.mask(phone.get());
    }

    Instant startOfDay(Instant now) {
        return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    }
}
