package org.carehotline.live;

/**
 * What the live console needs to hear about, as it happens. Called from call-handling threads
 * (virtual threads, the AMI event thread): implementations must return quickly and never
 * block, e.g. by publishing on the Vert.x event bus.
 */
public interface LiveFeed {

    /** Counselor states or the waiting calls changed: the board should refresh. */
    void boardChanged();

    /** A call is being offered to this counselor (their phone rings): pop the caller's card. */
    void callOffered(String counselorId, String contactId);

    /** The counselor answered: the call is connected. */
    void callAnswered(String counselorId, String contactId);

    /**
     * The call ended (its end was recorded): the counselors it was offered to see it on their
     * card and in their cases without a reload.
     */
    default void callEnded(String contactId, java.util.Collection<String> counselorIds) {
    }

    /** A crisis: the caller pressed "help now", or was flagged high-risk, or a risk was raised. */
    void crisisAlert(String contactId, String reason);

    /** A feed that tells nobody, for tests and tools without a console. */
    LiveFeed NONE = new LiveFeed() {
        @Override
        public void boardChanged() {
        }

        @Override
        public void callOffered(String counselorId, String contactId) {
        }

        @Override
        public void callAnswered(String counselorId, String contactId) {
        }

        @Override
        public void crisisAlert(String contactId, String reason) {
        }
    };
}
