/**
 * The emergency record of a case at high or imminent risk: every party the hotline contacted to
 * keep the worker safe (police 110, ambulance 120, family, union, employer, other), when, by
 * whom and with what result. Append-only: a correction is a new entry.
 */
package org.carehotline.emergency;
