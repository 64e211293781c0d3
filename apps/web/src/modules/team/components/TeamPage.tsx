import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Role } from '@rapport/shared';
import { errorMessage, fieldErrors, placeErrors } from '../../../apollo/errors';
import { QueryStatus } from '../../shell/components/QueryStatus';
import { useLocale, useT } from '../../../i18n';
import { label } from '../../../i18n/labels';
import { useSession } from '../../auth/session';
import { FormErrors, SelectField, TextField } from '../../shell/components/fields';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { ChangeMemberRoleMutation, InviteMemberMutation, RemoveMemberMutation, RevokeInvitationMutation, TeamQuery } from '../graphql/team';

const ROLES = [Role.ORGANISER, Role.LEADER, Role.ALLY] as const;

/** What the organiser is about to do, waiting for their confirmation. */
type Pending =
  { kind: 'role'; userId: string; name: string; role: Role } | { kind: 'remove'; userId: string; name: string } | { kind: 'revoke'; id: string; name: string };

/** /team — organisers: members and their roles, pending invitations, invite, change a role, remove; the reminders' health. */
export function TeamPage() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSession();
  usePageTitle(t('team.title'));
  const { data, loading, error } = useQuery(TeamQuery, { fetchPolicy: 'cache-and-network' });
  const refetch = { refetchQueries: [TeamQuery], awaitRefetchQueries: true };
  const [invite, inviting] = useMutation(InviteMemberMutation, refetch);
  const [changeRole, changing] = useMutation(ChangeMemberRoleMutation, refetch);
  const [remove, removing] = useMutation(RemoveMemberMutation, refetch);
  const [revoke, revoking] = useMutation(RevokeInvitationMutation, refetch);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>(Role.LEADER);
  const [link, setLink] = useState<{ email: string; url: string | null } | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [roleChoice, setRoleChoice] = useState<Record<string, Role>>({});
  const confirmRef = useRef<HTMLDivElement>(null);
  const inviteErrors = placeErrors(fieldErrors(inviting.error, t), (key) => ['email', 'displayName', 'role'].includes(key));
  const actionError = changing.error ?? removing.error ?? revoking.error;
  const date = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium' });

  function ask(next: Pending) {
    setPending(next);
    requestAnimationFrame(() => confirmRef.current?.focus());
  }

  async function handleInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLink(null);
    setCopied(false);
    try {
      const { data: result } = await invite({ variables: { email: email.trim(), displayName: displayName.trim(), role } });
      if (!result) return;
      setLink({ email: result.inviteMember.email, url: result.inviteMember.acceptUrl ?? null });
      setEmail('');
      setDisplayName('');
    } catch {
      // shown from inviting.error
    }
  }

  async function confirm() {
    if (!pending) return;
    try {
      if (pending.kind === 'role') await changeRole({ variables: { userId: pending.userId, role: pending.role } });
      if (pending.kind === 'remove') await remove({ variables: { userId: pending.userId } });
      if (pending.kind === 'revoke') await revoke({ variables: { id: pending.id } });
      setPending(null);
    } catch {
      // shown in the confirmation box
    }
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  if (loading && !data) return <QueryStatus loading />;
  if (error && !data) return <QueryStatus error={error} />;
  const members = data?.members ?? [];
  const invitations = data?.invitations ?? [];
  const health = data?.reminderHealth;

  return (
    <article className="stack" aria-labelledby="team-title">
      <h1 id="team-title">{t('team.title')}</h1>

      <section className="panel" aria-labelledby="team-members">
        <h2 id="team-members">{t('team.members', { count: members.length })}</h2>
        <ul className="list">
          {members.map((m) => {
            const chosen = roleChoice[m.id] ?? m.role;
            const self = m.id === session?.user.id;
            return (
              <li key={m.id} className="card">
                <p className="card-title">
                  {m.displayName} {self ? <span className="muted">{t('team.you')}</span> : null}
                </p>
                <p className="muted">
                  {m.email} · {label(t, 'role', m.role)}
                </p>
                <div className="button-row">
                  <SelectField
                    label={t('team.roleOf', { name: m.displayName })}
                    name={`role-${m.id}`}
                    value={chosen}
                    options={ROLES.map((r) => ({ value: r, label: label(t, 'role', r) }))}
                    onValue={(r) => setRoleChoice((c) => ({ ...c, [m.id]: r }))}
                  />
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={chosen === m.role}
                    onClick={() => ask({ kind: 'role', userId: m.id, name: m.displayName, role: chosen })}
                  >
                    {t('team.changeRole')}
                  </button>
                  <button type="button" className="button button-danger" onClick={() => ask({ kind: 'remove', userId: m.id, name: m.displayName })}>
                    {t('team.remove', { name: m.displayName })}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      {pending ? (
        <div className="confirm" role="alertdialog" aria-labelledby="team-confirm-title" tabIndex={-1} ref={confirmRef}>
          <p id="team-confirm-title" className="alert-title">
            {pending.kind === 'role'
              ? t('team.confirmRole', { name: pending.name, role: label(t, 'role', pending.role) })
              : pending.kind === 'remove'
                ? t('team.confirmRemove', { name: pending.name })
                : t('team.confirmRevoke', { name: pending.name })}
          </p>
          {pending.kind === 'remove' ? <p>{t('team.confirmRemoveBody')}</p> : null}
          {actionError ? <p className="field-error">{errorMessage(actionError, t)}</p> : null}
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              onClick={() => void confirm()}
              disabled={changing.loading || removing.loading || revoking.loading}
            >
              {t('team.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setPending(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}

      <section className="panel" aria-labelledby="team-invite">
        <h2 id="team-invite">{t('team.invite')}</h2>
        <form className="form" onSubmit={(e) => void handleInvite(e)}>
          <TextField
            label={t('auth.signIn.email')}
            name="email"
            type="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={email}
            onValue={setEmail}
            error={inviteErrors.fields['email']}
          />
          <TextField
            label={t('team.displayName')}
            name="displayName"
            required
            value={displayName}
            onValue={setDisplayName}
            error={inviteErrors.fields['displayName']}
          />
          <SelectField
            label={t('team.role')}
            name="role"
            value={role}
            options={ROLES.map((r) => ({ value: r, label: label(t, 'role', r) }))}
            onValue={setRole}
          />
          <FormErrors title={t('team.inviteError')} errors={inviteErrors.general} />
          <button className="button button-primary" type="submit" disabled={inviting.loading}>
            {t('team.sendInvite')}
          </button>
        </form>
        {link ? (
          <div className="notice" role="status">
            {link.url ? (
              <>
                <p>{t('team.linkToPass', { email: link.email })}</p>
                <label htmlFor="team-accept-url">{t('team.link')}</label>
                <input id="team-accept-url" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
                <button type="button" className="button button-secondary" onClick={() => void copy(link.url!)}>
                  {copied ? t('team.copied') : t('team.copy')}
                </button>
              </>
            ) : (
              <p>{t('team.emailSent', { email: link.email })}</p>
            )}
          </div>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="team-invitations">
        <h2 id="team-invitations">{t('team.invitations')}</h2>
        {invitations.length ? (
          <ul className="list">
            {invitations.map((inv) => (
              <li key={inv.id} className="card">
                <p className="card-title">
                  {inv.displayName} · {inv.email}
                </p>
                <p className="muted">
                  {t('team.invitedBy', { role: label(t, 'role', inv.role), name: inv.invitedBy.displayName, date: date.format(new Date(inv.expiresAt)) })}
                </p>
                <button type="button" className="button button-secondary" onClick={() => ask({ kind: 'revoke', id: inv.id, name: inv.email })}>
                  {t('team.revoke', { email: inv.email })}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('team.noInvitations')}</p>
        )}
      </section>

      {health ? (
        <section className="panel" aria-labelledby="team-reminders">
          <h2 id="team-reminders">{t('team.reminders')}</h2>
          <dl className="stats">
            <div>
              <dt>{t('team.remindersPending')}</dt>
              <dd>{health.pending}</dd>
            </div>
            <div>
              <dt>{t('team.remindersOverdue')}</dt>
              <dd>{health.overdue}</dd>
            </div>
            <div>
              <dt>{t('team.remindersFailed')}</dt>
              <dd>{health.failed}</dd>
            </div>
            <div>
              <dt>{t('team.remindersSent')}</dt>
              <dd>{health.sentLast7Days}</dd>
            </div>
          </dl>
          {data?.failedReminders.length ? (
            <ul className="list">
              {data.failedReminders.slice(0, 20).map((r) => (
                <li key={r.id}>
                  {label(t, 'reminderKind', r.kind)} · {date.format(new Date(r.remindAt))} — <span className="muted">{r.lastError}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
