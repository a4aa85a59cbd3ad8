package org.carehotline.api;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An API token as stored: everything but its secret, of which only a hash is kept.
 *
 * @param createdBy the administrator's login
 */
public record ApiToken(String id, String name, Set<Scope> scopes, Instant createdAt, String createdBy,
                       Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {

    public boolean revoked() {
        return revokedAt.isPresent();
    }

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }
}
