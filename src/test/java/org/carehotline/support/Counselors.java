package org.carehotline.support;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carehotline.cases.Category;
import org.carehotline.counselors.Counselor;
import org.carehotline.counselors.Role;

/** A builder for counselors in tests: {@code Counselors.named("li").phone("PJSIP/6002").skill(LEGAL_ADVICE, 3).build()}. */
public final class Counselors {

    private final String id;
    private String endpoint;
    private final Map<Category, Integer> skills = new EnumMap<>(Category.class);
    private List<String> dialects = List.of("mandarin");
    private Set<Role> roles = Set.of(Role.COUNSELOR);
    private boolean active = true;

    private Counselors(String id) {
        this.id = id;
        this.endpoint = "PJSIP/" + id;
    }

    public static Counselors named(String id) {
        return new Counselors(id);
    }

    public Counselors phone(String endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    public Counselors skill(Category category, int level) {
        skills.put(category, level);
        return this;
    }

    public Counselors dialects(String... names) {
        this.dialects = List.of(names);
        return this;
    }

    public Counselors roles(Role... roles) {
        this.roles = Set.of(roles);
        return this;
    }

    public Counselors inactive() {
        this.active = false;
        return this;
    }

    public Counselor build() {
        return new Counselor(id, id, id, roles, endpoint, Map.copyOf(skills), dialects, active);
    }
}
