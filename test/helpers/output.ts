// What must never reach a user, as patterns to assert against.

/**
 * A frame of a Node stack trace ("    at fn (file:///…/cli.js:12:5)", "    at node:internal/…:3:9",
 * "    at async Promise.all (index 0)"), or an error printed by name ("TypeError: …"). Plain text
 * that happens to wrap onto a line starting with "    at " does not match.
 */
export const STACK_TRACE = /^ {4}at (?:.*:\d+:\d+\)?|.*\((?:index \d+|<anonymous>|native)\))$|^[A-Z]\w*Error: /m;
