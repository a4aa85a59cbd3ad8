package org.carehotline.routing;

/**
 * The routing rules, each configurable (keys {@code routing.*}).
 *
 * @param preferPreviousCounselor  continuity: the caller's previous counselor comes first
 * @param previousCounselorWaitSeconds how long a call waits for its previous counselor while they are signed in but busy (0: never wait)
 * @param preferDialect            a counselor speaking the caller's dialect comes next
 * @param preferHigherSkill        then the higher skill level for the category
 * @param minSkillLevel            skill level required before the match widens (0-level counselors never get a category)
 * @param widenDialectAfterSeconds after this wait, any dialect will do
 * @param widenSkillAfterSeconds   after this wait, any skill level above 0 will do
 * @param overflowAfterSeconds     after this wait, the call leaves the queue for the overflow
 * @param wrapUpSeconds            after a call, seconds before the counselor is offered the next one
 * @param maxConsecutiveMisses     missed offers in a row before routing pauses the counselor ("missed calls")
 * @param missedRetrySeconds       a counselor who missed a call may be offered it again after this, or at once
 *                                 when every other fit was tried
 * @param ringingTimeoutSeconds    a counselor held ringing this long with no Dial answered is released
 * @param deskSignInRequired       a counselor takes calls only once they said so at the desk (console), not
 *                                 because their phone is registered
 */
public record RoutingRules(
        boolean preferPreviousCounselor,
        int previousCounselorWaitSeconds,
        boolean preferDialect,
        boolean preferHigherSkill,
        int minSkillLevel,
        int widenDialectAfterSeconds,
        int widenSkillAfterSeconds,
        int overflowAfterSeconds,
        int wrapUpSeconds,
        int maxConsecutiveMisses,
        int missedRetrySeconds,
        int ringingTimeoutSeconds,
        boolean deskSignInRequired) {

    /** The defaults of hotline-defaults.properties, for tests and tools. */
    public static RoutingRules defaults() {
        return new RoutingRules(true, 60, true, true, 2, 90, 180, 600, 30, 2, 60, 60, true);
    }
}
