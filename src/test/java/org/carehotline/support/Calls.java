package org.carehotline.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.FakeAgiCall;

/** Drives a fake inbound call to the moment a counselor's phone rings, and on to a finished, answered call. */
public final class Calls {

    private static final Pattern DIAL = Pattern.compile("^EXEC \"Dial\" \"(PJSIP/\\d+)");

    private Calls() {
    }

    /** Answers the greeting, presses {@code key} at the menu, and returns the endpoint the server dials. */
    public static String untilDial(FakeAgiCall call, char key) {
        while (true) {
            String command = call.nextCommand();
            Matcher dial = DIAL.matcher(command);
            if (dial.find()) {
                return dial.group(1);
            }
            if (command.startsWith("STREAM FILE \"hotline/welcome\"") || command.startsWith("STREAM FILE \"hotline/option-")) {
                call.reply(AgiReplies.streamInterruptedBy(key));
            } else if (command.startsWith("SET VARIABLE")) {
                call.reply("200 result=1");
            } else {
                call.reply(AgiReplies.SUCCESS);
            }
        }
    }

    /**
     * After {@link #untilDial}: the counselor answers, they talk {@code seconds} (by the server's
     * clock), the caller hangs up.
     */
    public static void answerAndFinish(FakeAgiCall call, java.time.Clock clock, int seconds) {
        call.reply(AgiReplies.DIAL_AFTER_BRIDGE);
        call.on("DIALSTATUS", AgiReplies.variable("ANSWER"))
                .on("HOTLINE_ANSWERED_AT", AgiReplies.answeredAt(clock.instant().minusSeconds(seconds)))
                .on("^SET VARIABLE", "200 result=1");
        call.respondUntilClosed();
    }

    /** A whole answered call from {@code number}; returns the endpoint that answered. */
    public static String answered(RunningHotline hotline, String number) {
        FakeAgiCall call = hotline.call(number);
        String endpoint = untilDial(call, '1');
        answerAndFinish(call, hotline.clock, 30);
        return endpoint;
    }
}
