import { useQuery } from '@apollo/client/react';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { ContactCasesQuery } from '../graphql/casework';

/** A person's cases on their page, newest first, with their steps. */
export function ContactCases({ contactId }: { contactId: string }) {
  const t = useT();
  const format = useFormat();
  const { data } = useQuery(ContactCasesQuery, { variables: { id: contactId }, errorPolicy: 'all' });
  const cases = data?.contact?.cases ?? [];
  return (
    <section aria-labelledby="contact-cases" className="panel">
      <h2 id="contact-cases">{t('cases.title')}</h2>
      {cases.length === 0 ? <p>{t('cases.none')}</p> : null}
      <ul className="list">
        {cases.map((c) => (
          <li key={c.id}>
            <strong>{c.agency}</strong> · {label(t, 'caseStatus', c.status)} · {format.dateTime(c.openedAt)}
            {c.nextStepAt ? <span> · {t('cases.nextStep', { when: format.dateTime(c.nextStepAt) })}</span> : null}
            <div>{c.summary}</div>
            {c.steps.length > 0 ? (
              <ol>
                {c.steps.map((s) => (
                  <li key={s.id}>
                    {format.dateTime(s.at)} — {s.note}
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
