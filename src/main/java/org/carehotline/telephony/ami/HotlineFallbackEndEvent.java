package org.carehotline.telephony.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent: HotlineFallbackEnd}, sent once when a fallback call ends: the ring group's
 * DIALSTATUS and ANSWEREDTIME. Public with setters: asterisk-java fills it by reflection.
 */
public class HotlineFallbackEndEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String dialStatus;
    private String answeredTime;
    private String contactId;

    public HotlineFallbackEndEvent(Object source) {
        super(source);
    }

    public String getDialStatus() {
        return dialStatus;
    }

    public void setDialStatus(String dialStatus) {
        this.dialStatus = dialStatus;
    }

    public String getAnsweredTime() {
        return answeredTime;
    }

    public void setAnsweredTime(String answeredTime) {
        this.answeredTime = answeredTime;
    }

    public String getContactId() {
        return contactId;
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }
}
