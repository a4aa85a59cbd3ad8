package org.carehotline.testing;

/**
 * Reply lines exactly as Asterisk's res_agi writes them, for use with {@link FakeAgiCall#reply(String)}
 * and the responder rules of {@link FakeAgiCall}.
 *
 * <p>How asterisk-java 3.42.2 reads them: the number after {@code result=} is the result code
 * ({@code AgiReply#getResultCode()}, or a DTMF digit via {@code getResultCodeAsChar()}), the text in
 * parentheses is {@code getExtra()} (e.g. a variable's value), {@code 511} raises
 * {@code AgiHangupException}, {@code 510} raises {@code InvalidOrUnknownCommandException} and {@code 520}
 * raises {@code InvalidCommandSyntaxException}.
 */
public final class AgiReplies {

    /** Generic success ({@code 200 result=0}), e.g. for ANSWER, EXEC, SET VARIABLE. */
    public static final String SUCCESS = "200 result=0";
    /** Generic failure ({@code 200 result=-1}); what a command gets when the channel hangs up under it. */
    public static final String FAILURE = "200 result=-1";
    /** What Asterisk answers to every command after the caller hung up. */
    public static final String DEAD_CHANNEL = "511 Command Not Permitted on a dead channel or intercept routine";
    /** What Asterisk answers to a command it does not know. */
    public static final String INVALID_COMMAND = "510 Invalid or unknown command";

    private AgiReplies() {
    }

    /**
     * A digit read from the caller, as WAIT FOR DIGIT / GET OPTION report it.
     *
     * @param dtmf the DTMF key, e.g. {@code '1'}, {@code '#'}
     * @return {@code 200 result=<ascii code>}, e.g. {@code 200 result=49} for '1'
     */
    public static String digit(char dtmf) {
        return "200 result=" + (int) dtmf;
    }

    /**
     * STREAM FILE interrupted by an escape digit.
     *
     * @param dtmf the escape digit the caller pressed
     * @return {@code 200 result=<ascii code> endpos=<sample offset>}
     */
    public static String streamInterruptedBy(char dtmf) {
        return "200 result=" + (int) dtmf + " endpos=1234";
    }

    /**
     * STREAM FILE of a sound file that does not exist: res_agi answers {@code result=-1} and the
     * session goes on (AGISTATUS will be FAILURE at its end).
     */
    public static final String STREAM_FILE_MISSING = "200 result=-1 endpos=0";

    /** WAIT FOR DIGIT that timed out: res_agi writes {@code 200 result=0}, not GET DATA's "(timeout)" form. */
    public static final String WAIT_TIMEOUT = "200 result=0";

    /**
     * STREAM FILE played to the end without a key press.
     *
     * @return {@code 200 result=0 endpos=<sample offset>}
     */
    public static String streamCompleted() {
        return "200 result=0 endpos=16000";
    }

    /**
     * GET VARIABLE / GET FULL VARIABLE for a variable that is set.
     *
     * @param value the variable's value
     * @return {@code 200 result=1 (value)}
     */
    public static String variable(String value) {
        return "200 result=1 (" + value + ")";
    }

    /**
     * GET VARIABLE for a variable that is not set; asterisk-java returns {@code null} for it.
     *
     * @return {@code 200 result=0}
     */
    public static String variableUnset() {
        return "200 result=0";
    }

    /**
     * {@code HOTLINE_ANSWERED_AT} as [hotline-answered] stamps it when the dialed phone answers:
     * epoch seconds with milliseconds.
     *
     * @param at when the phone answered
     * @return {@code 200 result=1 (1764745207.500)}
     */
    public static String answeredAt(java.time.Instant at) {
        return variable(String.format(java.util.Locale.ROOT, "%d.%03d", at.getEpochSecond(), at.getNano() / 1_000_000));
    }

    /**
     * What res_agi answers to {@code EXEC Dial} after a bridged call ended: app_dial returns -1
     * when the call was answered and is over (without the {@code g} option), so AGISTATUS
     * becomes FAILURE although nothing failed.
     */
    public static final String DIAL_AFTER_BRIDGE = "200 result=-1";

    /**
     * GET DATA that timed out without any digit. res_agi writes {@code "200 result=%s (timeout)"} with the
     * digits collected so far, so with none the result is empty and asterisk-java's {@code getData} returns
     * {@code ""}. (A reply of {@code 200 result=0 (timeout)} would instead be read as the caller pressing 0.)
     *
     * @return {@code 200 result= (timeout)}
     */
    public static String timeout() {
        return getDataTimeout("");
    }

    /**
     * GET DATA that timed out after the caller typed some digits.
     *
     * @param partialDigits the digits entered before the timeout, may be empty
     * @return {@code 200 result=<digits> (timeout)}
     */
    public static String getDataTimeout(String partialDigits) {
        return "200 result=" + partialDigits + " (timeout)";
    }

    /**
     * GET DATA completed (max digits reached or '#' pressed).
     *
     * @param digits the digits entered, without the terminating '#'
     * @return {@code 200 result=<digits>}
     */
    public static String getData(String digits) {
        return "200 result=" + digits;
    }

    /**
     * The multi-line reply Asterisk sends for a command with wrong arguments.
     *
     * @param usage the usage line, e.g. {@code "Usage: STREAM FILE <filename> <escape_digits> [<sample offset>]"}
     * @return the three-line {@code 520-...} / usage / {@code 520 End of proper usage.} block
     */
    public static String invalidCommandSyntax(String usage) {
        return "520-Invalid command syntax.  Proper usage follows:\n" + usage + "\n520 End of proper usage.";
    }
}
