// What may be written to a log about an error. Logs are read by operators and
// shipped to other systems: they must not carry what people told organisers.
// So: an error's class, code and message, never its arguments, SQL parameters,
// driver details (PostgreSQL's `detail` quotes the row) or email addresses.

const ADDRESS = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[^\s<>"'(),;:@]+/g;
/** PostgreSQL quotes the offending value after a colon: `invalid input syntax for type uuid: "…"`. */
const QUOTED_VALUE = /:\s*"(?:[^"\\]|\\.)*"/g;

/** Email addresses replaced by `<address>` (SMTP servers quote the recipient). */
export function withoutAddresses(text: string): string {
  return text.replace(ADDRESS, '<address>');
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  driverError?: unknown;
  severity?: unknown;
}

const isDriverError = (e: ErrorLike) => typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && ('severity' in e || 'routine' in e);

/** One line about an error fit for a log, at any LOG_LEVEL. */
export function describeError(error: unknown): string {
  if (!error || typeof error !== 'object') return `non-error thrown (${typeof error})`;
  const e = error as ErrorLike;
  const driver = (e.driverError && typeof e.driverError === 'object' ? e.driverError : isDriverError(e) ? e : undefined) as ErrorLike | undefined;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  if (driver) {
    // A database error: its SQLSTATE and where, and its message with any quoted value cut.
    const where = [driver.table && `table ${String(driver.table)}`, driver.constraint && `constraint ${String(driver.constraint)}`].filter(Boolean).join(', ');
    const message = withoutAddresses(String(driver.message ?? '').replace(QUOTED_VALUE, ': "…"'));
    return `${name} SQLSTATE ${String(driver.code)}${where ? ` (${where})` : ''}: ${message}`;
  }
  const code = typeof e.code === 'string' || typeof e.code === 'number' ? ` [${e.code}]` : '';
  return `${name}${code}: ${withoutAddresses(String(e.message ?? ''))}`;
}

/** The code locations of an error's stack (no message line: it may quote values). */
export function stackFrames(error: unknown, max = 8): string {
  const stack = (error as { stack?: unknown })?.stack;
  if (typeof stack !== 'string') return '';
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, max)
    .join('\n');
}
