// Tagged console logger; SMARS wrote these lines to its order audit log.

/** Where routing decisions are recorded. */
export interface Logger {
  info(message: string): void;
  debug(message: string): void;
}

/** A logger whose lines carry the component name; debug lines only with SMARS_DEBUG set. */
export function createLogger(component: string): Logger {
  const verbose = process.env["SMARS_DEBUG"] !== undefined;
  return {
    info: (message) => console.log(`[${component}] ${message}`),
    debug: (message) => {
      if (verbose) console.debug(`[${component}] ${message}`);
    },
  };
}

/** A logger that drops every line. */
export const silentLogger: Logger = {
  info: () => {},
  debug: () => {},
};
