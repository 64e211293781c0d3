/**
 * The form two spellings of a name share when they mean the same thing: no accents,
 * lower case, single spaces, straight apostrophes. The API matches issues and
 * searches contacts with it; the field form uses it to avoid typing an issue twice.
 */
export function normalizeForMatch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
