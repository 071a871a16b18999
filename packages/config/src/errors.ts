/** A config that cannot be used: the front door shows `message` (one line) and stops (the CLI exits 2). */
export class ConfigError extends Error {
  override name = 'ConfigError';

  /**
   * @param reason what is wrong, a sentence ending with a period
   * @param file the config file, or null for an explicit value (a flag, an ESLint setting)
   * @param line 1-based, or null when the position is unknown
   * @param column 1-based, in UTF-16 code units
   */
  constructor(
    readonly reason: string,
    readonly file: string | null = null,
    readonly line: number | null = null,
    readonly column: number | null = null,
  ) {
    super(file === null ? reason : `${file}${line === null ? '' : `:${line}:${column ?? 1}`}: ${reason}`);
  }
}
