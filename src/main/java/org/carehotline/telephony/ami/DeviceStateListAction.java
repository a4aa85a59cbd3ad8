package org.carehotline.telephony.ami;

import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * AMI {@code DeviceStateList} (Asterisk 13+), missing from asterisk-java. Asterisk answers
 * with one {@code DeviceStateChange} event per device, which reach our ordinary event
 * listener like live changes do.
 */
public final class DeviceStateListAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    @Override
    public String getAction() {
        return "DeviceStateList";
    }
}
