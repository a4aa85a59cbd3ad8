package org.carehotline.support;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carehotline.settings.SettingsDraft;

/**
 * The line settings form as a browser posts it, built step by step: every day 08:00-20:00,
 * closed calls to the on-call number, the usual menu (1 psychological support, 2 legal advice,
 * 3 hardship help, 0 crisis) and no dialect menu, on top of version 0, unless changed.
 */
public final class SettingsForm {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private int holidays;
    private int menu;
    private int dialects;

    public SettingsForm() {
        fields.put("version", "0");
        for (DayOfWeek day : DayOfWeek.values()) {
            fields.put("hours." + day, "08:00-20:00");
        }
        fields.put("closedAction", "oncall");
    }

    /** The usual menu keys, then call {@link #menu} for more. */
    public SettingsForm usualMenu() {
        return menu('1', "PSYCHOLOGICAL_SUPPORT").menu('2', "LEGAL_ADVICE").menu('3', "HARDSHIP_ASSISTANCE")
                .menu('0', "CRISIS_INTERVENTION");
    }

    public SettingsForm version(int version) {
        fields.put("version", String.valueOf(version));
        return this;
    }

    public SettingsForm day(DayOfWeek day, String ranges) {
        fields.put("hours." + day, ranges);
        return this;
    }

    public SettingsForm closed(String action) {
        fields.put("closedAction", action);
        return this;
    }

    public SettingsForm holiday(String first, String last, String name, String hours) {
        String row = "holiday." + holidays++ + ".";
        fields.put(row + "first", first);
        fields.put(row + "last", last);
        fields.put(row + "name", name);
        fields.put(row + "hours", hours);
        return this;
    }

    public SettingsForm menu(char digit, String category) {
        return menu(String.valueOf(digit), category);
    }

    public SettingsForm menu(String digit, String category) {
        fields.put("menu." + menu + ".digit", digit);
        fields.put("menu." + menu++ + ".category", category);
        return this;
    }

    public SettingsForm dialect(String digit, String name) {
        fields.put("dialect." + dialects + ".digit", digit);
        fields.put("dialect." + dialects++ + ".name", name);
        return this;
    }

    /** The fields as posted, with the CSRF token. */
    public Map<String, String> fields(String csrf) {
        Map<String, String> posted = new LinkedHashMap<>(fields);
        posted.put("_csrf", csrf);
        return posted;
    }

    public SettingsDraft draft() {
        return SettingsDraft.fromForm(fields);
    }
}
