import { useLocale, useT } from '../../../i18n';

/** One button that switches between French and English; its label is in the target language. */
export function LocaleSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const next = locale === 'fr' ? 'en' : 'fr';
  return (
    <button type="button" className="button button-quiet" lang={t('locale.switchLang')} onClick={() => setLocale(next)}>
      {t('locale.switch')}
    </button>
  );
}
