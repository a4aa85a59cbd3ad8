package org.carehotline.counselors;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carehotline.cases.Category;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First-start accounts: the administrator, and on request the demo counselors that let a
 * newcomer try the line with four soft phones (PJSIP/6001-6004 in the sample dialplan).
 */
public final class AccountBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    public static final String ADMIN_LOGIN = "admin";
    /** Password of every demo account: they exist only for trying the system out. */
    public static final String DEMO_PASSWORD = "demo1234";

    private final CounselorRepository counselors;
    private final PasswordHasher hasher;

    public AccountBootstrap(CounselorRepository counselors, PasswordHasher hasher) {
        this.counselors = counselors;
        this.hasher = hasher;
    }

    /**
     * Creates the administrator if there is none.
     *
     * @param configuredPassword the password to set, or empty to generate one
     * @return the generated password when one was generated and must be shown once; otherwise null
     */
    public String ensureAdministrator(String configuredPassword) {
        if (counselors.exists(ADMIN_LOGIN)) {
            return null;
        }
        String password = configuredPassword.isEmpty() ? generatePassword() : configuredPassword;
        counselors.save(new Counselor(null, ADMIN_LOGIN, "管理员 Administrator", Set.of(Role.ADMINISTRATOR, Role.SUPERVISOR),
                "", Map.of(), List.of(), true), hasher.hash(password));
        log.info("Created the administrator account '{}'", ADMIN_LOGIN);
        return configuredPassword.isEmpty() ? password : null;
    }

    /** Loads (or refreshes) the demo counselors. */
    public List<Counselor> loadDemoCounselors() {
        String hash = hasher.hash(DEMO_PASSWORD);
        List<Counselor> demo = List.of(
                counselor("wang.fang", "王芳", "PJSIP/6001", Map.of(Category.PSYCHOLOGICAL_SUPPORT, 5,
                        Category.CRISIS_INTERVENTION, 5, Category.HARDSHIP_ASSISTANCE, 2), List.of("mandarin", "henan")),
                counselor("li.wei", "李伟", "PJSIP/6002", Map.of(Category.PSYCHOLOGICAL_SUPPORT, 3,
                        Category.HARDSHIP_ASSISTANCE, 4), List.of("mandarin", "sichuanese")),
                counselor("chen.jing", "陈静", "PJSIP/6003", Map.of(Category.PSYCHOLOGICAL_SUPPORT, 4,
                        Category.CRISIS_INTERVENTION, 3), List.of("mandarin", "cantonese")),
                new Counselor(null, "zhao.lawyer", "赵律师", Set.of(Role.LAWYER), "PJSIP/6004",
                        Map.of(Category.LEGAL_ADVICE, 5), List.of("mandarin"), true),
                new Counselor(null, "sun.supervisor", "孙主管", Set.of(Role.SUPERVISOR), "",
                        Map.of(), List.of("mandarin"), true),
                // union staff who refer workers to the hotline (role referrer: no case files)
                new Counselor(null, "zhang.union", "张干事", Set.of(Role.REFERRER), "",
                        Map.of(), List.of("mandarin"), true));
        List<Counselor> saved = demo.stream().map(c -> counselors.save(c, hash)).toList();
        log.info("Demo accounts loaded: {} (password '{}')", saved.stream().map(Counselor::login).toList(), DEMO_PASSWORD);
        return saved;
    }

    private static Counselor counselor(String login, String name, String endpoint, Map<Category, Integer> skills,
                                       List<String> dialects) {
        return new Counselor(null, login, name, Set.of(Role.COUNSELOR), endpoint, skills, dialects, true);
    }

    private static String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
