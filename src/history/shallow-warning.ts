// What `diff` and `history` say in a shallow clone (CI checkouts fetch one commit by default): the
// history they read stops at the clone's boundary, so a key removed before it is not found and a
// timeline starts there. One line, and the result is marked incomplete.

/** The one-line warning for `command` in a shallow clone. */
export function shallowWarning(command: "diff" | "history"): string {
  const what = command === "diff" ? "a key removed before its first commit is not found" : "the timeline starts at its first commit";
  return `shallow clone: history is incomplete (${what}); fetch it (git fetch --unshallow) or check against .deadflag/ledger.json`;
}
