package dev.hearth.auth;

/** The user a bearer token stands for, on one site. */
public record AuthUser(long id, String siteId, String kind, String displayName) {
}
