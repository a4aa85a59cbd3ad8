package org.carehotline.support;

import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.FakeAgiCall;

/** Steps of an inbound call that many tests play the same way, as Asterisk would answer them. */
public final class CallerDialogues {

    private CallerDialogues() {
    }

    /** The caller hears that everyone is busy and what they can do, then waits with hold music. */
    public static void intoTheQueue(FakeAgiCall call) {
        call.expectAndReply("^STREAM FILE \"hotline/all-busy\" \"10#\"", AgiReplies.streamCompleted());
        call.expectAndReply("^STREAM FILE \"hotline/press-1-callback-while-waiting\"", AgiReplies.streamCompleted());
        call.expectAndReply("^EXEC \"StartMusicOnHold\"", AgiReplies.SUCCESS);
        call.expect("^WAIT FOR DIGIT");
    }
}
