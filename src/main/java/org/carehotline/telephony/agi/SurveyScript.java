package org.carehotline.telephony.agi;

import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.carehotline.followups.ActiveCall;
import org.carehotline.followups.Outcome;
import org.carehotline.followups.SurveyAnswers;
import org.carehotline.followups.Surveys;

/**
 * The script of {@code [hotline-survey]}: the worker answered the satisfaction survey call after
 * their case was closed. "1 to 5, how satisfied were you", then "was your problem solved: 1 yes,
 * 2 no". At any question 0 puts them through to a counselor now (the check-in's way: queued as
 * urgent, with the case's category and dialect, its counselor preferred; a call-back if nobody is free), and 9 means no more surveys, ever. Each answer is kept
 * as soon as it is given, so a hang-up after the first question still counts it. No key to the
 * first question (or a hang-up before it): tried again later, within the attempts.
 */
public final class SurveyScript implements AgiScript {

    private static final int TRIES = 2;
    private static final int KEY_WAIT_MS = 5000;
    private static final char TALK = '0';
    private static final char REFUSE = '9';

    /** What a survey works with: the surveys, and the check-in's parts for putting a worker through. */
    public record Parts(Surveys surveys, CheckinScript.Parts connection) {}

    private final Parts parts;

    public SurveyScript(Parts parts) {
        this.parts = parts;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        Optional<ActiveCall> active = parts.surveys().answered(
                channel.getVariable(DialplanNames.VAR_FOLLOWUP_ID), channel.getVariable(DialplanNames.VAR_FOLLOWUP_CLAIM));
        if (active.isEmpty()) {
            return;
        }
        ActiveCall call = active.get();
        // the originated channel is the first of its call: its linkedid is its own uniqueid
        parts.connection().outcomes().channelIs(call, request.getUniqueId(), request.getUniqueId());
        SurveyAnswers[] given = {SurveyAnswers.NONE};
        try {
            run(request, channel, call, given);
        } catch (AgiHangupException e) {
            if (given[0].any()) {
                parts.surveys().completed(call, given[0]);
            } else {
                parts.surveys().noResponse(call, "hung up during the survey, before any answer");
            }
        }
    }

    private void run(AgiRequest request, AgiChannel channel, ActiveCall call, SurveyAnswers[] given)
            throws AgiException {
        Sounds sounds = new Sounds(channel, request.getUniqueId());
        char score = ask(channel, sounds, Prompts.SURVEY_SATISFACTION, "123450" + REFUSE);
        if (score == 0) {
            sounds.play(Prompts.GOODBYE);
            parts.surveys().noResponse(call, "answered, no key pressed");
            return;
        }
        if (!leaves(score, request, channel, call, given[0], sounds)) {
            given[0] = given[0].withSatisfaction(score - '0');
            parts.surveys().answers(call, given[0]);
            char solved = ask(channel, sounds, Prompts.SURVEY_SOLVED, "120" + REFUSE);
            if (leaves(solved, request, channel, call, given[0], sounds)) {
                return;
            }
            if (solved != 0) {
                given[0] = given[0].withSolved(solved == '1');
                parts.surveys().answers(call, given[0]);
            }
            // the outcome first: a worker who hangs up during the thanks has still answered
            parts.surveys().completed(call, given[0]);
            sounds.play(Prompts.SURVEY_THANKS);
        }
    }

    /** Keys 0 and 9 end the questions: put through to a counselor, or no more surveys. */
    private boolean leaves(char key, AgiRequest request, AgiChannel channel, ActiveCall call, SurveyAnswers given,
                           Sounds sounds) throws AgiException {
        if (key == TALK) {
            new CheckinConnection(channel, request.getChannel(), call, parts.connection(), Outcome.SURVEY_TALK, "0",
                    parts.surveys().talkNeeds(call)).connect();
            return true;
        }
        if (key == REFUSE) {
            parts.surveys().refused(call, given);
            sounds.play(Prompts.SURVEY_REFUSED);
            return true;
        }
        return false;
    }

    private static char ask(AgiChannel channel, Sounds sounds, String prompt, String keys) throws AgiException {
        for (int i = 0; i < TRIES; i++) {
            char key = sounds.play(prompt, keys);
            if (key == 0) {
                key = channel.waitForDigit(KEY_WAIT_MS);
            }
            if (key != 0 && keys.indexOf(key) >= 0) {
                return key;
            }
        }
        return 0;
    }
}
