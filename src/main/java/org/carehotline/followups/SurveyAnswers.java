package org.carehotline.followups;

import java.util.Optional;

/**
 * What a worker answered on the satisfaction survey; either answer may be missing (hung up, or
 * pressed 0 for a counselor before the second question).
 *
 * @param satisfaction 1 (not at all) to 5 (very satisfied)
 * @param solved       whether the problem the case was about was solved
 */
public record SurveyAnswers(Optional<Integer> satisfaction, Optional<Boolean> solved) {

    public static final SurveyAnswers NONE = new SurveyAnswers(Optional.empty(), Optional.empty());

    public SurveyAnswers {
        satisfaction.ifPresent(s -> {
            if (s < 1 || s > 5) {
                throw new IllegalArgumentException("satisfaction is 1 to 5, not " + s);
            }
        });
    }

    public SurveyAnswers withSatisfaction(int score) {
        return new SurveyAnswers(Optional.of(score), solved);
    }

    public SurveyAnswers withSolved(boolean yes) {
        return new SurveyAnswers(satisfaction, Optional.of(yes));
    }

    /** True when at least one question was answered. */
    public boolean any() {
        return satisfaction.isPresent() || solved.isPresent();
    }

    /** For the contact's log: {@code satisfaction 4/5, solved: yes}. */
    public String text() {
        return "satisfaction " + satisfaction.map(s -> s + "/5").orElse("not answered") + ", solved: "
                + solved.map(s -> s ? "yes" : "no").orElse("not answered");
    }
}
