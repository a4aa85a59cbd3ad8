package org.carehotline.telephony.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent: HotlineFallbackEnd}, sent once by {@code [hotline-fallback-end]} when a
 * fallback call ends, answered or not. Its {@code Record} is the call's AstDB entry
 * ({@link FallbackRecords}); Asterisk adds the channel's Uniqueid, Channel and CallerIDNum.
 * Public with setters: asterisk-java fills it by reflection.
 */
public class HotlineFallbackEndEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String record;

    public HotlineFallbackEndEvent(Object source) {
        super(source);
    }

    public String getRecord() {
        return record;
    }

    public void setRecord(String record) {
        this.record = record;
    }
}
