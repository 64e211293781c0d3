import { useState } from 'react';
import { useT } from '../../../i18n';
import { useDuplicates, type KnownPerson, type NewPerson } from '../duplicates';
import { formatPhone } from '../formats';
import { contactName } from './ContactSearch';

interface DuplicateSuggestionProps {
  typed: NewPerson;
  /** "Yes, that is them": the form uses the known person instead of creating another. */
  onUse: (person: KnownPerson) => void;
}

/** "Fatou Diallo (bât. B)": enough to recognise someone at the door, nothing more. */
export function describePerson(person: KnownPerson, t: ReturnType<typeof useT>): string {
  const where = person.building ? t('duplicate.building', { building: person.building }) : person.phone ? formatPhone(person.phone) : person.street;
  return where ? `${contactName(person)} (${where})` : contactName(person);
}

/**
 * While a new person is typed: "Est-ce Fatou Diallo (bât. B) ?" when their phone,
 * email, or name and building match someone known, before anything is saved. Use
 * that person, or say no and carry on creating (the question is not asked again).
 */
export function DuplicateSuggestion({ typed, onUse }: DuplicateSuggestionProps) {
  const t = useT();
  const [dismissed, setDismissed] = useState<string[]>([]);
  const candidates = useDuplicates(typed).filter((c) => !dismissed.includes(c.id));
  if (!candidates.length) return null;
  return (
    <div className="duplicate-suggestion" role="region" aria-label={t('duplicate.region')} data-duplicates={candidates.length}>
      {candidates.slice(0, 3).map((person) => (
        <div key={person.id} className="duplicate" data-duplicate={person.id}>
          <p>
            <strong>{t('duplicate.question', { person: describePerson(person, t) })}</strong>{' '}
            <span className="muted">{t(`duplicate.reason.${person.reason}`)}</span>
          </p>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => onUse(person)}>
              {t('duplicate.use')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setDismissed((d) => [...d, person.id])}>
              {t('duplicate.continue')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
