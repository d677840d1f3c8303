// Input the engine cannot work with at all (a path that does not exist, an unknown revision).
// The CLI shows the message as one line and exits with code 2.

/** Bad input that stops the analysis; the message names the file and what is wrong. */
export class InputError extends Error {
  override readonly name = "InputError";
}
