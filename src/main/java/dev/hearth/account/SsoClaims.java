package dev.hearth.account;

import java.time.Instant;

/** The checked claims of a site's SSO token. {@code email} and {@code badge} may be null. */
record SsoClaims(String subject, String name, String email, String badge, Instant issuedAt) {
}
