package org.carehotline.counselors;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carehotline.cases.Category;

/**
 * Someone who signs in to the console: counselor, lawyer, supervisor, administrator or referrer.
 *
 * @param endpoint the phone that rings for them, as Asterisk dials it: {@code PJSIP/6001}; empty for staff without a phone
 * @param skills   level 0-5 per category; 0 or absent means never routed that category
 * @param dialects dialects spoken, e.g. mandarin, cantonese, sichuanese
 */
public record Counselor(
        String id,
        String login,
        String displayName,
        Set<Role> roles,
        String endpoint,
        Map<Category, Integer> skills,
        List<String> dialects,
        boolean active) {

    public int skillLevel(Category category) {
        return skills.getOrDefault(category, 0);
    }

    /** True for people who take calls. */
    public boolean takesCalls() {
        return active && !endpoint.isEmpty() && (roles.contains(Role.COUNSELOR) || roles.contains(Role.LAWYER));
    }
}
