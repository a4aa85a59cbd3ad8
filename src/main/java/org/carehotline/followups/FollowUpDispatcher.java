package org.carehotline.followups;

/** What a scheduler does with each follow-up it claimed. Blocking; runs on a virtual thread. */
@FunctionalInterface
public interface FollowUpDispatcher {

    /**
     * Handles one claimed follow-up: places its call, or gives the claim back with a new due
     * time. Whatever it leaves unfinished is taken over once the claim's lease lapses.
     */
    void dispatch(FollowUp claimed);
}
