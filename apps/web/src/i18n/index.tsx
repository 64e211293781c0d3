import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale } from '@rapport/shared';
import { fr, type MessageKey, type Messages } from './fr';

export type { Locale, MessageKey };
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

// French is in the app's entry; other catalogs load on demand (one language is what a
// phone needs, and the entry stays small). Until one is loaded its keys read in French.
const catalogs: Partial<Record<Locale, Messages>> = { fr };
const LOADERS: Record<Exclude<Locale, 'fr'>, () => Promise<Messages>> = {
  en: () => import('./en').then((m) => m.en),
};

/** Loads a locale's catalog (once); main.tsx waits for the stored locale's before the first render. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (catalogs[locale]) return;
  catalogs[locale] = await LOADERS[locale as Exclude<Locale, 'fr'>]();
}

export const isLocaleLoaded = (locale: Locale): boolean => Boolean(catalogs[locale]);
export const LOCALE_STORAGE_KEY = 'rapport.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The locale the user chose (localStorage), else French. */
export function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

/**
 * The message for `key`, with {name} placeholders filled. A message "one|other"
 * picks its form from params.count (a number, or a number already formatted).
 */
export function translate(locale: Locale, key: MessageKey, params?: TranslateParams): string {
  return fillMessage(locale, catalogs[locale]?.[key] ?? fr[key] ?? key, params);
}

/** A message's placeholders filled (and its plural form picked), for catalogs of their own (a module's). */
export function fillMessage(locale: Locale, message: string, params?: TranslateParams): string {
  let template = message;
  if (!params) return template;
  if (template.includes('|') && 'count' in params) {
    const raw = params['count'];
    const n = typeof raw === 'number' ? raw : Number(String(raw).replace(/[^\d.-]/g, ''));
    const rules = (pluralRules[locale] ??= new Intl.PluralRules(locale));
    const [one, other = one] = template.split('|');
    template = rules.select(n) === 'one' ? one! : other!;
  }
  if (!template.includes('{')) return template;
  const filled = (name: string, whole: string) => (name in params ? String(params[name]) : whole);
  if (locale !== 'fr') return template.replace(PLACEHOLDER, (whole, name: string) => filled(name, whole));
  // French elision before a name that starts with a vowel: "la réponse d’Awa", not "de Awa".
  return template.replace(FRENCH_PLACEHOLDER, (whole, word?: string, elided?: string, plain?: string) => {
    if (plain) return filled(plain, whole);
    const value = filled(elided!, `{${elided}}`);
    return ELIDES.test(value) ? `${word!.slice(0, -1)}’${value}` : `${word} ${value}`;
  });
}

// Built once (the French one, with its Unicode letter class, is costly to compile on a phone).
const PLACEHOLDER = /\{(\w+)\}/g;
const FRENCH_PLACEHOLDER = /(?<![\p{L}])(de|que|le|la) \{(\w+)\}|\{(\w+)\}/gu;

/** Words starting with a vowel sound (a mute h is left alone: "de Hugo" and "d’Hugo" both occur). */
const ELIDES = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const wanted = initialLocale ?? readStoredLocale();
    return isLocaleLoaded(wanted) ? wanted : DEFAULT_LOCALE;
  });

  // A locale whose catalog was not loaded yet (main.tsx normally waits for it): switch once it is.
  useLayoutEffect(() => {
    const wanted = initialLocale ?? readStoredLocale();
    if (wanted !== locale && !isLocaleLoaded(wanted))
      void loadLocale(wanted).then(
        () => setLocaleState(wanted),
        () => undefined,
      );
    // Only at mount: later changes go through setLocale.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // <html lang> follows the chosen locale (screen readers, hyphenation, spell-check).
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // private mode / storage full: the choice lasts for this visit only
    }
    if (isLocaleLoaded(next)) setLocaleState(next);
    // Offline with the catalog never fetched: stay in the current language rather than fail.
    else
      void loadLocale(next).then(
        () => setLocaleState(next),
        () => undefined,
      );
  }, []);

  const value = useMemo<I18nValue>(() => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT/useLocale must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the current locale: `const t = useT(); t('auth.signIn.title')`. */
/**
 * A module's own words, French first, English too: pages whose words only they show keep
 * them in their chunk (not in fr.ts and en.ts, which every page, /field included, loads).
 */
export type ModuleCatalogs<K extends string> = { fr: Record<K, string> } & Partial<Record<Locale, Partial<Record<K, string>>>>;

/** A module's word in `locale` (French when missing), filled as the app's are: plurals by {count}, French elision. */
export function moduleText<K extends string>(catalogs: ModuleCatalogs<K>, locale: Locale, key: K, params?: TranslateParams): string {
  return fillMessage(locale, catalogs[locale]?.[key] ?? catalogs.fr[key], params);
}

/** Like useT, for a module's own catalogs. */
export function useModuleT<K extends string>(catalogs: ModuleCatalogs<K>): (key: K, params?: TranslateParams) => string {
  const { locale } = useI18n();
  return useCallback((key: K, params?: TranslateParams) => moduleText(catalogs, locale, key, params), [catalogs, locale]);
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLocale(): Pick<I18nValue, 'locale' | 'setLocale'> {
  const { locale, setLocale } = useI18n();
  return { locale, setLocale };
}
