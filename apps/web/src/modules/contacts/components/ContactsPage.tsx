import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useSearchParams } from '../../../router';
import { AllyRole, ExportFormat, MembershipStatus, Role } from '@rapport/shared';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { usePageMessages } from '../people-data-messages';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import type { ContactFilter } from '../../../gql/graphql';
import { ExportContactsMutation } from '../graphql/duplicates';
import { CheckboxField, FieldShell, TextField } from '../../shell/components/fields';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { ContactsQuery } from '../graphql/contacts';
import { contactName } from './ContactSearch';
import { formatPhone } from '../formats';

const PAGE_SIZE = 50;

/**
 * Export of the filtered list: organisers choose a format and the browser downloads the
 * one-time link; leaders are told why they cannot (the API would answer FORBIDDEN).
 */
function ExportPanel({ filter }: { filter: ContactFilter }) {
  const t = useT();
  const m = usePageMessages();
  const session = useSession();
  const [format, setFormat] = useState<ExportFormat>(ExportFormat.CSV);
  const [started, setStarted] = useState(false);
  const [exportContacts, exporting] = useMutation(ExportContactsMutation);
  const organiser = session?.user.role === Role.ORGANISER;

  async function handleExport() {
    setStarted(false);
    const result = await exportContacts({ variables: { filter, format } }).catch(() => null);
    if (!result?.data) return;
    // Same origin: the file comes as an attachment, the page stays.
    const link = document.createElement('a');
    link.href = result.data.exportContacts;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    setStarted(true);
  }

  return (
    <section aria-labelledby="contacts-export" className="panel">
      <h2 id="contacts-export">{m('contactsExport.title')}</h2>
      {organiser ? (
        <>
          <p className="muted">{m('contactsExport.intro')}</p>
          <FieldShell label={m('contactsExport.format')}>
            {({ inputId }) => (
              <select id={inputId} name="exportFormat" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
                <option value="CSV">{m('contactsExport.csv')}</option>
                <option value="XLSX">{m('contactsExport.xlsx')}</option>
              </select>
            )}
          </FieldShell>
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={() => void handleExport()} disabled={exporting.loading}>
              {m('contactsExport.button')}
            </button>
          </div>
          <p role="status" className="muted">
            {started ? m('contactsExport.started') : ''}
          </p>
          {exporting.error ? (
            <p className="alert" role="alert">
              {errorMessage(exporting.error, t)}
            </p>
          ) : null}
        </>
      ) : (
        <p>{m('contactsExport.leaderWhy')}</p>
      )}
    </section>
  );
}

/** The filter, in the address: a search can be bookmarked and shared. */
function filterFrom(params: URLSearchParams): ContactFilter {
  const filter: ContactFilter = {};
  const search = params.get('search')?.trim();
  const allyRole = params.get('allyRole');
  const tag = params.get('tag')?.trim();
  const neighbourhood = params.get('neighbourhood')?.trim();
  if (search) filter.search = search;
  if (allyRole && (Object.values(AllyRole) as string[]).includes(allyRole)) filter.allyRole = allyRole as AllyRole;
  if (tag) filter.tag = tag;
  if (params.get('leader') === '1') filter.isLeader = true;
  if (neighbourhood) filter.neighbourhood = neighbourhood;
  const membership = params.get('membership');
  if (membership && (Object.values(MembershipStatus) as string[]).includes(membership)) filter.membershipStatus = membership as MembershipStatus;
  return filter;
}

/** /contacts — search the people met, by name, phone or email, ally role, tag, leadership, neighbourhood. */
export function ContactsPage() {
  const t = useT();
  const m = usePageMessages();
  const session = useSession();
  const format = useFormat();
  usePageTitle(t('contacts.title'));
  const [params, setParams] = useSearchParams();
  const erased = (useLocation().state as { erased?: boolean } | null)?.erased === true;
  const filter = filterFrom(params);
  const [form, setForm] = useState({
    search: params.get('search') ?? '',
    allyRole: params.get('allyRole') ?? '',
    tag: params.get('tag') ?? '',
    leader: params.get('leader') === '1',
    neighbourhood: params.get('neighbourhood') ?? '',
    membership: params.get('membership') ?? '',
  });
  const { data, loading, error, fetchMore } = useQuery(ContactsQuery, {
    variables: { filter, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.contacts;

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (form.search.trim()) next.set('search', form.search.trim());
    if (form.allyRole) next.set('allyRole', form.allyRole);
    if (form.tag.trim()) next.set('tag', form.tag.trim());
    if (form.leader) next.set('leader', '1');
    if (form.neighbourhood.trim()) next.set('neighbourhood', form.neighbourhood.trim());
    if (form.membership) next.set('membership', form.membership);
    setParams(next);
  }

  function loadMore() {
    if (!connection?.pageInfo.endCursor) return;
    void fetchMore({
      variables: { after: connection.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        contacts: {
          ...fetchMoreResult.contacts,
          edges: [...(previous.contacts?.edges ?? []), ...fetchMoreResult.contacts.edges],
        },
      }),
    });
  }

  return (
    <section className="page">
      <h1>{t('contacts.title')}</h1>
      <p className="page-actions">
        <Link className="button button-secondary" to="/contacts/new">
          {t('contactForm.newTitle')}
        </Link>{' '}
        <Link className="button button-secondary" to="/contacts/duplicates">
          {m('duplicates.link')}
        </Link>
        {session?.user.role === Role.ORGANISER ? (
          <Link className="button button-secondary" to="/contacts/import">
            {t('imports.link')}
          </Link>
        ) : null}
      </p>
      <form className="form filters" role="search" aria-label={t('contacts.searchForm')} onSubmit={apply}>
        <TextField
          label={t('contacts.search')}
          name="search"
          type="search"
          value={form.search}
          onValue={(search) => setForm((f) => ({ ...f, search }))}
          hint={t('contacts.searchHint')}
        />
        <div className="form-row form-row-3">
          <FieldShell label={t('contacts.allyRole')}>
            {({ inputId }) => (
              <select id={inputId} name="allyRole" value={form.allyRole} onChange={(e) => setForm((f) => ({ ...f, allyRole: e.target.value }))}>
                <option value="">{t('contacts.any')}</option>
                {Object.values(AllyRole).map((role) => (
                  <option key={role} value={role}>
                    {label(t, 'allyRole', role)}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
          <TextField label={t('contacts.tag')} name="tag" value={form.tag} onValue={(tag) => setForm((f) => ({ ...f, tag }))} />
          <TextField
            label={t('contacts.neighbourhood')}
            name="neighbourhood"
            value={form.neighbourhood}
            onValue={(neighbourhood) => setForm((f) => ({ ...f, neighbourhood }))}
          />
        </div>
        <FieldShell label={t('membership.status')}>
          {({ inputId }) => (
            <select id={inputId} name="membership" value={form.membership} onChange={(e) => setForm((f) => ({ ...f, membership: e.target.value }))}>
              <option value="">{t('contacts.any')}</option>
              {Object.values(MembershipStatus).map((s) => (
                <option key={s} value={s}>
                  {label(t, 'membershipStatus', s)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <CheckboxField label={t('contacts.leadersOnly')} name="isLeader" checked={form.leader} onChecked={(leader) => setForm((f) => ({ ...f, leader }))} />
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('contacts.apply')}
          </button>
          <Link
            to="/contacts"
            className="button button-secondary"
            onClick={() => setForm({ search: '', allyRole: '', tag: '', leader: false, neighbourhood: '', membership: '' })}
          >
            {t('contacts.clear')}
          </Link>
        </div>
      </form>

      {erased ? (
        <p className="notice" role="status">
          {t('contacts.erased')}
        </p>
      ) : null}
      {error && !data ? (
        <p className="alert" role="alert">
          {errorMessage(error, t)}
        </p>
      ) : null}
      <p role="status" className="muted">
        {connection ? t('contacts.count', { count: format.number(connection.totalCount) }) : loading ? t('common.loading') : ''}
      </p>
      {connection?.edges.length ? (
        <ul className="cards contacts">
          {connection.edges.map(({ node }) => (
            <li key={node.id} className="card-item">
              <p className="card-title">
                <Link to={`/contacts/${node.id}`}>{contactName(node)}</Link>
                {node.isLeader ? <span className="tag">{t('contacts.leader')}</span> : null}
                {node.membershipStatus !== MembershipStatus.NEVER ? (
                  <span className={`tag membership-${node.membershipStatus.toLowerCase()}`}>{label(t, 'membershipStatus', node.membershipStatus)}</span>
                ) : null}
              </p>
              <p className="muted">
                {[node.neighbourhood, [node.street, node.building].filter(Boolean).join(', '), formatPhone(node.phone)].filter(Boolean).join(' · ')}
              </p>
              {node.allyRoles.length || node.tags.length ? (
                <p>
                  {node.allyRoles.map((role) => (
                    <span key={role} className="tag">
                      {label(t, 'allyRole', role)}
                    </span>
                  ))}
                  {node.tags.map((tag) => (
                    <span key={tag} className="tag tag-quiet">
                      #{tag}
                    </span>
                  ))}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {connection?.pageInfo.hasNextPage ? (
        <button type="button" className="button button-secondary" onClick={loadMore} disabled={loading}>
          {t('contacts.more')}
        </button>
      ) : null}
      <ExportPanel filter={filter} />
    </section>
  );
}
