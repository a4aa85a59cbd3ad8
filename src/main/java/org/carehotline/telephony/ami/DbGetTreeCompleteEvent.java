package org.carehotline.telephony.ami;

import org.asteriskjava.manager.event.ResponseEvent;

/** The end of a {@link DbGetTreeAction}'s entries ({@code EventList: Complete}, {@code ListItems}). */
public class DbGetTreeCompleteEvent extends ResponseEvent {

    private static final long serialVersionUID = 1L;

    private String eventList;
    private Integer listItems;

    public DbGetTreeCompleteEvent(Object source) {
        super(source);
    }

    public String getEventList() {
        return eventList;
    }

    public void setEventList(String eventList) {
        this.eventList = eventList;
    }

    public Integer getListItems() {
        return listItems;
    }

    public void setListItems(Integer listItems) {
        this.listItems = listItems;
    }
}
