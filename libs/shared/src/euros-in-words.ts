// Amounts in words for receipts ("douze euros"), as French accounting writes them
// (rectified spelling of 1990: hyphens everywhere, "vingt-et-un"). Integers only.

const UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

/** 0–99 */
function belowHundred(n: number): string {
  if (n <= 16) return UNITS[n];
  if (n < 20) return `dix-${UNITS[n - 10]}`;
  if (n < 70) {
    const tens = Math.floor(n / 10);
    const unit = n % 10;
    if (unit === 0) return TENS[tens];
    return unit === 1 ? `${TENS[tens]}-et-un` : `${TENS[tens]}-${UNITS[unit]}`;
  }
  if (n < 80) return n === 71 ? 'soixante-et-onze' : `soixante-${belowHundred(n - 60)}`;
  if (n === 80) return 'quatre-vingts';
  return `quatre-vingt-${belowHundred(n - 80)}`;
}

/** 0–999 */
function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return belowHundred(rest);
  const head = hundreds === 1 ? 'cent' : `${UNITS[hundreds]}-cent${rest === 0 ? 's' : ''}`;
  return rest === 0 ? head : `${head}-${belowHundred(rest)}`;
}

/** A whole number in French words, up to 999,999,999. */
export function numberInFrenchWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999_999) throw new RangeError(`cannot write ${n} in words`);
  if (n < 1000) return belowThousand(n);
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor((n % 1_000_000) / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (millions) parts.push(millions === 1 ? 'un-million' : `${numberInFrenchWords(millions)}-millions`);
  // "mille" never takes an s; "quatre-vingts" and "deux-cents" lose theirs before it.
  if (thousands) parts.push(thousands === 1 ? 'mille' : `${belowThousand(thousands).replace(/s$/, '')}-mille`);
  if (rest) parts.push(belowThousand(rest));
  return parts.join('-');
}

/** 1200 → "douze euros"; 550 → "cinq euros et cinquante centimes"; 1 → "un centime". */
export function eurosInWords(cents: number): string {
  if (!Number.isInteger(cents) || cents < 0) throw new RangeError(`cannot write ${cents} cents in words`);
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  const euroWords = `${numberInFrenchWords(euros)} euro${euros > 1 ? 's' : ''}`;
  // "un million d'euros": de before euros after million(s) with nothing after.
  const euroPart = euros >= 1_000_000 && euros % 1_000_000 === 0 ? `${numberInFrenchWords(euros)} d’euros` : euroWords;
  if (rest === 0) return euroPart;
  const centWords = `${numberInFrenchWords(rest)} centime${rest > 1 ? 's' : ''}`;
  return euros === 0 ? centWords : `${euroPart} et ${centWords}`;
}
