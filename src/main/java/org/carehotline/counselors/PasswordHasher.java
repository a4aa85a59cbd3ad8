package org.carehotline.counselors;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** Salted, deliberately slow password hashes (bcrypt, from Bouncy Castle). */
public final class PasswordHasher {

    /** bcrypt cost: 2^12 rounds, about a quarter second per check on a small server. */
    private static final int COST = 12;

    private final SecureRandom random = new SecureRandom();

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate(password.toCharArray(), salt, COST);
    }

    public boolean matches(String password, String hash) {
        return hash != null && !hash.isEmpty() && OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    }
}
