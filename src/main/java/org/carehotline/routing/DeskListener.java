package org.carehotline.routing;

/**
 * Hears what a counselor sets at the desk (available, a pause, signed out), after the router
 * applied it and outside its lock, on the thread that set it: a console request's virtual
 * thread, so it may write to the database ({@link DeskStateRepository}).
 */
@FunctionalInterface
public interface DeskListener {

    DeskListener NONE = (counselorId, console) -> { };

    void deskChanged(String counselorId, ConsoleStatus console);
}
