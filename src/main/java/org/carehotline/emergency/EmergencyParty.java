package org.carehotline.emergency;

/** Who was contacted in an emergency. */
public enum EmergencyParty {
    POLICE_110,
    AMBULANCE_120,
    FAMILY,
    UNION,
    EMPLOYER,
    OTHER
}
