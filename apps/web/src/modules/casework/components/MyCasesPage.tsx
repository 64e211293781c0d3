import { useQuery } from '@apollo/client/react';
import { Link } from '../../../router';
import { errorMessage } from '../../../apollo/errors';
import { useSession } from '../../auth/session';
import { contactName } from '../../contacts/components/ContactSearch';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { MyCasesQuery } from '../graphql/casework';
import { useCaseworkT } from '../messages';
import { CaseLine } from './ContactCases';
import { CaseFollowUp, OpenCaseForm } from './CaseForms';

const CLOSED = new Set(['RESOLVED', 'UNRESOLVED']);

/** Open cases first by oldest next step (none last), then closed ones. */
export function byNextStep<T extends { status: string; nextStepAt?: string | null }>(cases: T[]): T[] {
  const key = (c: T) => (CLOSED.has(c.status) ? Infinity : c.nextStepAt ? new Date(c.nextStepAt).getTime() : Number.MAX_SAFE_INTEGER);
  return [...cases].sort((a, b) => key(a) - key(b));
}

/** /cases — the cases the volunteer follows, oldest next step first. */
export function MyCasesPage() {
  const t = useCaseworkT();
  const session = useSession();
  usePageTitle(t('cases.mine'));
  const { data, loading, error } = useQuery(MyCasesQuery, {
    variables: { ownerId: session?.user.id ?? null },
    skip: !session,
    fetchPolicy: 'cache-and-network',
  });
  const cases = byNextStep(data?.cases ?? []);
  return (
    <section className="page cases-page">
      <h1>{t('cases.mine')}</h1>
      {loading && !data ? <p role="status">{t('common.loading')}</p> : null}
      {error ? (
        <p className="alert" role="alert">
          {errorMessage(error, t)}
        </p>
      ) : null}
      {data && cases.length === 0 ? <p>{t('cases.none')}</p> : null}
      <ul className="list">
        {cases.map((c) => (
          <li key={c.id} data-case={c.id}>
            <Link to={`/contacts/${c.contact.id}`}>{contactName(c.contact)}</Link> — <CaseLine c={c} />
            {CLOSED.has(c.status) ? null : <CaseFollowUp c={c} />}
          </li>
        ))}
      </ul>
      <OpenCaseForm />
    </section>
  );
}
