import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale } from '@rapport/shared';

/** A member's language: their own choice, else their organisation's, else French. */
export function memberLocale(own: string | null | undefined, organization: string | null | undefined): Locale {
  for (const candidate of [own, organization]) {
    if (candidate && (SUPPORTED_LOCALES as readonly string[]).includes(candidate)) return candidate as Locale;
  }
  return DEFAULT_LOCALE;
}

// A choice made with the language switch during this session wins over the API's
// answer to `me` if that answer arrives later (a slow network on sign-in).
let chosenInSession: string | null = null;

export function markLocaleChosen(token: string): void {
  chosenInSession = token;
}

export function localeChosenIn(token: string): boolean {
  return chosenInSession === token;
}
