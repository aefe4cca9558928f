package dev.hearth.auth;

/** The user a bearer token stands for, on one site; {@code badge} is the SSO badge, if any. */
public record AuthUser(long id, String siteId, String kind, String displayName, String badge) {
}
