/** A mistake of the user (a flag, a path, a config): one line on stderr, exit 2, never a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
