package org.carehotline.telephony.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent: HotlineFallback}, sent by {@code [hotline-fallback]} when a call reaches the
 * dialplan's fallback group (our server unreachable, or the script gave up). Asterisk adds the
 * channel's Uniqueid and CallerIDNum. Public with setters: asterisk-java fills it by reflection.
 */
public class HotlineFallbackEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String agiStatus;
    private String result;
    private String contactId;

    public HotlineFallbackEvent(Object source) {
        super(source);
    }

    public String getAgiStatus() {
        return agiStatus;
    }

    public void setAgiStatus(String agiStatus) {
        this.agiStatus = agiStatus;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    /** Set when our script had created the contact before handing the call over. */
    public String getContactId() {
        return contactId;
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }
}
