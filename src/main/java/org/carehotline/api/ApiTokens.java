package org.carehotline.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carehotline.store.MongoStore;

/**
 * Issues, checks and revokes API tokens. A token is {@code cht_} and 256 random bits; the store
 * keeps only its SHA-256. A slow password hash (bcrypt, as for passwords) is not needed: it
 * slows the guessing of secrets people choose, and nobody guesses 256 random bits, fast hash
 * or not. A fast hash also lets a token be found by its hash in one indexed lookup per request,
 * where a salted hash would have to be tried against every token. Blocking.
 */
public final class ApiTokens {

    /** How tokens begin, so that one pasted into the wrong place is recognised (and secret scanners find it). */
    public static final String PREFIX = "cht_";
    /** Last use is written at most this often per token: one write per request would double the API's writes. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int SECRET_BYTES = 32;

    /** A new token: its record, and the secret, which is shown once and never stored. */
    public record Issued(ApiToken token, String secret) {}

    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(MongoStore store, Clock clock) {
        this.tokens = new ApiTokenRepository(store);
        this.clock = clock;
    }

    public Issued create(String name, Set<Scope> scopes, String createdBy) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(tokens.insert(name, scopes, hash(secret), createdBy, clock.instant()), secret);
    }

    /** The live (not revoked) token with this secret; its last use is recorded. */
    public Optional<ApiToken> authenticate(String secret) {
        Optional<ApiToken> token = tokens.findByHash(hash(secret)).filter(t -> !t.revoked());
        Instant now = clock.instant();
        token.filter(t -> t.lastUsedAt().map(at -> at.plus(TOUCH_EVERY).isBefore(now)).orElse(true))
                .ifPresent(t -> tokens.touch(t.id(), now));
        return token;
    }

    /** Every token, newest first, revoked ones included. */
    public List<ApiToken> all() {
        return tokens.all();
    }

    /** False when there is no such token or it was revoked already. */
    public boolean revoke(String id) {
        return tokens.revoke(id, clock.instant());
    }

    /** The SHA-256 of the secret, in hex: what the store keeps. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
