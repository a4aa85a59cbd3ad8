package org.carehotline.telephony.ami;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.carehotline.telephony.AsteriskTimes;
import org.carehotline.cases.FallbackCall;

/**
 * The dialplan's record of a fallback call, one AstDB entry per call under family
 * {@value #FAMILY}, key = the caller channel's uniqueid, value {@code name=value} pairs joined by
 * {@code |} (no commas: they would split UserEvent and Set arguments), for example
 * {@code start=1764745200.125|caller=13900000001|channel=PJSIP/hotline-trunk-00000001|agi=FAILURE|contact=|status=ANSWER|peer=PJSIP/6002-00000002|answered=1764745207.500|end=1764745290.031}.
 * Times are epoch seconds with milliseconds (STRFTIME {@code %s.%3q}). The start fields are
 * written when the call enters {@code [hotline-fallback]}, the rest when it ends.
 */
final class FallbackRecords {

    /** The AstDB family the dialplan writes and the server drains after every AMI login. */
    static final String FAMILY = "hotline-fallback";

    private FallbackRecords() {
    }

    /**
     * @param key    the entry's key, with or without the {@code /hotline-fallback/} prefix DBGetTree reports
     * @param record the entry's value
     */
    static FallbackCall parse(String key, String record) {
        String uniqueId = key.startsWith("/" + FAMILY + "/") ? key.substring(FAMILY.length() + 2) : key;
        Map<String, String> fields = new HashMap<>();
        for (String part : (record == null ? "" : record).split("\\|")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                // a field written twice (start fields repeated at the end) keeps its last value
                fields.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        Optional<Instant> start = AsteriskTimes.epoch(fields.get("start"));
        return new FallbackCall(uniqueId, fields.getOrDefault("channel", ""), fields.getOrDefault("caller", ""),
                fields.getOrDefault("contact", ""), fields.getOrDefault("agi", ""),
                start.or(() -> uniqueIdTime(uniqueId)).orElse(Instant.EPOCH),
                nonEmpty(fields.get("peer")), AsteriskTimes.epoch(fields.get("answered")),
                fields.getOrDefault("status", ""), AsteriskTimes.epoch(fields.get("end")));
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Asterisk's uniqueid is {@code <epoch seconds>.<sequence>}: its creation time, to the second. */
    private static Optional<Instant> uniqueIdTime(String uniqueId) {
        int dot = uniqueId.indexOf('.');
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(dot > 0 ? uniqueId.substring(0, dot) : uniqueId)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
