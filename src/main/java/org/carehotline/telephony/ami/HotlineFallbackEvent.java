package org.carehotline.telephony.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent: HotlineFallback}, sent by {@code [hotline-fallback]} when a call reaches the
 * dialplan's fallback group (our server unreachable, or the script gave up). Its {@code Record} is the call's AstDB entry
 * ({@link FallbackRecords}); Asterisk adds the channel's Uniqueid, Channel and CallerIDNum.
 * Public with setters: asterisk-java fills it by reflection.
 */
public class HotlineFallbackEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String record;

    public HotlineFallbackEvent(Object source) {
        super(source);
    }

    public String getRecord() {
        return record;
    }

    public void setRecord(String record) {
        this.record = record;
    }
}
