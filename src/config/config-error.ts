/** A config that cannot be found, read or validated; the message is one line, `<file>: <reason>`. */
export class ConfigError extends Error {
  /** The config file, POSIX and relative to the analysed root; undefined for a config given inline. */
  readonly file: string | undefined;

  constructor(file: string | undefined, reason: string, options?: ErrorOptions) {
    super(file === undefined ? reason : `${file}: ${reason}`, options);
    this.name = "ConfigError";
    this.file = file;
  }
}
