import { useClientWhenAsked } from '../../../apollo/lazy';
import { useLocale, useT } from '../../../i18n';
import { SetMyLocaleMutation } from '../../auth/graphql/setMyLocale';
import { markLocaleChosen } from '../../auth/locale';
import { useSession } from '../../auth/session';

/** One button that switches between French and English; its label is in the target language. Signed in, the choice is the member's, on every device. */
export function LocaleSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const session = useSession();
  const client = useClientWhenAsked();
  const next = locale === 'fr' ? 'en' : 'fr';

  function handleClick() {
    setLocale(next);
    if (session) markLocaleChosen(session.token);
    // Best effort: offline, the choice stays on this device. (Signed in, Apollo's code is
    // there or on its way with the page; the sign-in page does not load it for this.)
    if (session)
      client()
        .then((apollo) => apollo.mutate({ mutation: SetMyLocaleMutation, variables: { locale: next } }))
        .catch(() => undefined);
  }

  return (
    <button type="button" className="button button-quiet" lang={t('locale.switchLang')} onClick={handleClick}>
      {t('locale.switch')}
    </button>
  );
}
