package org.transcriptsearch.http;

/**
 * The body of every error answer.
 *
 * @param status the HTTP status
 * @param error its reason phrase ("Bad Request")
 * @param detail what went wrong, for the caller to read
 */
public record ApiError(int status, String error, String detail) {}
