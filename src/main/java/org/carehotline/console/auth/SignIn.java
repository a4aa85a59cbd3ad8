package org.carehotline.console.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.carehotline.counselors.CounselorRepository;
import org.carehotline.counselors.Credentials;
import org.carehotline.counselors.PasswordHasher;

/**
 * Checks a login and password against the stored bcrypt hash, with the lockout: five failures
 * in a row lock the account for fifteen minutes, stored on the account. Blocking (database and
 * a deliberately slow hash).
 */
public final class SignIn {

    /** The outcome of one attempt. */
    public sealed interface Result {
        record Accepted(User user) implements Result {}
        record Refused() implements Result {}
        record Locked(Instant until) implements Result {}
    }

    private final CounselorRepository counselors;
    private final Credentials credentials;
    private final PasswordHasher hasher;
    private final Clock clock;
    // checked against when the login is unknown, so that an unknown login takes as long as a known one
    private final String decoyHash;

    public SignIn(CounselorRepository counselors, Credentials credentials, PasswordHasher hasher, Clock clock) {
        this.counselors = counselors;
        this.credentials = credentials;
        this.hasher = hasher;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy-password-never-used");
    }

    public Result attempt(String login, String password) {
        Instant now = clock.instant();
        Optional<Credentials.Stored> stored = credentials.find(login);
        if (stored.isEmpty()) {
            hasher.matches(password, decoyHash);
            return new Result.Refused();
        }
        if (stored.get().lockedAt(now)) {
            // no hash check while locked: guessing cannot go on, and a right password does not unlock
            return new Result.Locked(stored.get().lockedUntil().orElseThrow());
        }
        if (!stored.get().active() || !hasher.matches(password, stored.get().passwordHash())) {
            return credentials.recordFailure(login, now).<Result>map(Result.Locked::new).orElse(new Result.Refused());
        }
        credentials.recordSuccess(login, now);
        return counselors.findByLogin(login).<Result>map(c -> new Result.Accepted(User.of(c)))
                .orElse(new Result.Refused());
    }
}
