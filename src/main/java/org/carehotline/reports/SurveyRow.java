package org.carehotline.reports;

/**
 * Satisfaction surveys of one group (all, a category, a counselor). Rates count only the workers
 * who answered that question: a survey nobody answered says nothing about satisfaction, so it is
 * shown as called / not reached / refused, never as a zero.
 *
 * @param group          "" for the total, else a category code or a counselor's name
 * @param surveys        surveys first due in the period (cancelled ones left out)
 * @param called         of those, with at least one attempt at the worker's phone
 * @param answered       of those, where the worker answered at least the first question
 * @param notReached     closed after every attempt without an answer (no answer, busy, no key)
 * @param refused        the worker pressed 9: no more surveys
 * @param talked         the worker pressed 0 and was put through (or given a call-back)
 * @param scored         answers to "how satisfied" (n of the satisfaction rate)
 * @param satisfied      of those, 4 or 5
 * @param scoreSum       the sum of the scores (for the mean)
 * @param solvedAnswers  answers to "was your problem solved" (n of the solved rate)
 * @param solved         of those, yes
 */
public record SurveyRow(String group, long surveys, long called, long answered, long notReached, long refused,
                        long talked, long scored, long satisfied, long scoreSum, long solvedAnswers, long solved) {

    /** Satisfied (4-5) / scored, in percent; null when nobody gave a score. */
    public Double satisfactionRate() {
        return ServiceRow.percent(satisfied, scored);
    }

    /** The mean score 1-5; null when nobody gave a score. */
    public Double meanScore() {
        return scored == 0 ? null : ServiceRow.round1((double) scoreSum / scored);
    }

    /** Solved / answered "was it solved", in percent; null when nobody answered it. */
    public Double solvedRate() {
        return ServiceRow.percent(solved, solvedAnswers);
    }

    SurveyRow plus(SurveyRow o) {
        return new SurveyRow(group, surveys + o.surveys, called + o.called, answered + o.answered,
                notReached + o.notReached, refused + o.refused, talked + o.talked, scored + o.scored,
                satisfied + o.satisfied, scoreSum + o.scoreSum, solvedAnswers + o.solvedAnswers, solved + o.solved);
    }

    SurveyRow named(String name) {
        return new SurveyRow(name, surveys, called, answered, notReached, refused, talked, scored, satisfied,
                scoreSum, solvedAnswers, solved);
    }

    static SurveyRow empty(String group) {
        return new SurveyRow(group, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
