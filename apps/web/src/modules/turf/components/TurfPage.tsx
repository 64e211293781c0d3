import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from '../../../router';
import { ConversationOutcome } from '@rapport/shared';
import { errorMessage } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { usePageTitle } from '../../shell/components/usePageTitle';

import { useSession } from '../../auth/session';
import { submitToOutbox, useOutbox } from '../../field/outbox/outbox';
import type { OutboxEntry } from '../../field/outbox/store';
import { BuildingsQuery, RevisitListQuery } from '../graphql/turf';
import { doorState, floorsOf, type GridDoor } from '../grid';
import { useTurfT, type TurfKey } from '../messages';
import { WalkSheetPage } from './WalkSheetPage';
import { AssignTurf, mayAssignTurf } from './AssignTurf';

const REVISIT_DAYS = 3;
/** /field opened on a door: street, building and door filled in, the doorId sent. */
export const fieldDoorLink = (campaignId: string, doorId: string) => `/field?campaign=${encodeURIComponent(campaignId)}&door=${encodeURIComponent(doorId)}`;
/** The batch's idempotency key (crypto.randomUUID needs a secure context; a random fallback otherwise). */
const batchId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `b-${Date.now()}-${Math.random().toString(36).slice(2)}`);
/** What waits in the outbox for each door (a batch, or a conversation logged with its doorId): shown at once. */
export function queuedDoors(pending: readonly OutboxEntry[]): Map<string, string> {
  const queued = new Map<string, string>();
  for (const entry of pending) {
    if (entry.kind === 'doors') entry.input.doorIds.forEach((doorId) => queued.set(doorId, entry.input.outcome));
    else if (entry.kind === 'conversation' && entry.input.doorId) queued.set(String(entry.input.doorId), entry.input.outcome);
  }
  return queued;
}
/** Short text shown in each cell, so the grid never relies on colour alone. */
const MARK: Record<ReturnType<typeof doorState>, string> = { none: '·', NOT_HOME: 'A', REFUSED: 'R', TALKED: 'C', MOVED: 'D', doNotKnock: '✕' };
const STATES = ['none', 'NOT_HOME', 'REFUSED', 'TALKED', 'doNotKnock'] as const;

/** /campaigns/:id/turf — the turf grid; with ?sheet, the printable walk sheets (one route, one chunk). */
export function TurfPage() {
  const [params] = useSearchParams();
  return params.has('sheet') ? <WalkSheetPage /> : <TurfGrid />;
}

/** The buildings of a campaign, a floor-by-door grid each, batches of doors not home. */
function TurfGrid() {
  const tt = useTurfT();
  const t = useT();
  const { id = '' } = useParams();
  usePageTitle(tt('title'));
  const { data, loading, error } = useQuery(BuildingsQuery, { variables: { campaignId: id } });
  const revisit = useQuery(RevisitListQuery, { variables: { campaignId: id, minDaysSince: REVISIT_DAYS } });
  const session = useSession();
  const userId = session?.user.id ?? '';
  const canAssign = mayAssignTurf(session?.user.role);
  const outbox = useOutbox(userId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState<{ count: number; queued: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState('');
  // The outbox's sender for door batches, loaded now while the network is here: a batch
  // kept offline must find it in memory (and in the service worker's cache) later.
  useEffect(() => void import('../doors').catch(() => undefined), []);
  // Doors waiting on this phone show their outcome at once, marked as not sent yet.
  const queued = queuedDoors(outbox.pending);
  const shown = (door: GridDoor): GridDoor => (queued.has(door.id) && !door.doNotKnock ? { ...door, lastOutcome: queued.get(door.id) } : door);

  const stateText = (door: GridDoor) => {
    const state = doorState(shown(door));
    const text = state === 'doNotKnock' ? tt('doNotKnock') : tt(`outcome.${state}` as TurfKey);
    return queued.has(door.id) ? `${text}, ${tt('pending')}` : text;
  };
  const toggle = (doorId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(doorId)) next.delete(doorId);
      else next.add(doorId);
      return next;
    });
  /** Through the outbox: offline, the batch waits on this phone and leaves with the network (one clientId, written once). */
  async function record(outcome: ConversationOutcome.NOT_HOME | ConversationOutcome.REFUSED) {
    const doorIds = [...selected];
    const clientId = batchId();
    setBusy(true);
    setRefusal('');
    try {
      const result = await submitToOutbox({
        kind: 'doors',
        clientId,
        userId,
        campaignId: id,
        input: { clientId, doorIds, outcome },
        createdAt: new Date().toISOString(),
        attempts: 0,
      });
      if (result.status === 'rejected') {
        setRefusal(result.entry.message);
        return;
      }
      setSaved({ count: doorIds.length, queued: result.status === 'waiting' });
      setSelected(new Set());
    } catch (failure) {
      // IndexedDB refused the entry: the selection stays.
      setRefusal(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const failure = error;
  return (
    <section className="page turf-page">
      <p>
        <Link to={`/campaigns/${encodeURIComponent(id)}`}>{tt('back')}</Link>
      </p>
      <h1>{tt('title')}</h1>
      <p className="muted">{tt('intro')}</p>
      <p>
        <Link className="button" to={`/campaigns/${encodeURIComponent(id)}/turf?sheet`}>
          {tt('sheet')}
        </Link>
      </p>
      {failure ? (
        <p className="alert" role="alert">
          {errorMessage(failure, t)}
        </p>
      ) : null}
      {refusal ? (
        <p className="alert" role="alert">
          {refusal}
        </p>
      ) : null}
      {loading && !data ? <p role="status">{tt('loading')}</p> : null}
      {data && data.buildings.length === 0 ? <p>{tt('none')}</p> : null}

      <div className="turf-legend" aria-label={tt('legend')}>
        {STATES.map((state) => (
          <span key={state} className={`turf-door turf-${state}`}>
            <span aria-hidden="true">{MARK[state]}</span> {state === 'doNotKnock' ? tt('doNotKnock') : tt(`outcome.${state}` as TurfKey)}
          </span>
        ))}
      </div>

      {data?.buildings.map((building) => (
        <section key={building.id} className="panel turf-building" aria-labelledby={`b-${building.id}`}>
          <h2 id={`b-${building.id}`}>{building.name ?? `${building.number} ${building.street}`}</h2>
          <p className="muted">
            {building.number} {building.street} · {tt('progress', { knocked: building.knocked, doors: building.doorCount, talked: building.talked })}
          </p>
          <AssignTurf
            buildingId={building.id}
            buildingName={building.name ?? `${building.number} ${building.street}`}
            assignedTo={building.assignedTo}
            canAssign={canAssign}
          />
          <div className="turf-grid">
            {floorsOf(building.doors).map(({ floor, doors }) => (
              <div key={floor} className="turf-floor" role="group" aria-label={floor === 0 ? tt('ground') : tt('floor', { floor })}>
                <span className="turf-floor-label">{floor === 0 ? tt('ground') : floor}</span>
                {doors.map((door) => (
                  <button
                    key={door.id}
                    type="button"
                    className={`turf-door turf-${doorState(shown(door))}${queued.has(door.id) ? ' turf-pending' : ''}`}
                    data-door={door.label}
                    data-pending={queued.has(door.id) || undefined}
                    aria-pressed={selected.has(door.id)}
                    aria-label={tt('door', { label: door.label, state: stateText(door) })}
                    disabled={door.doNotKnock}
                    onClick={() => toggle(door.id)}
                  >
                    <span aria-hidden="true">{door.label.replace(/^\d+-/, '')}</span>
                    <span aria-hidden="true" className="turf-mark">
                      {MARK[doorState(shown(door))]}
                    </span>
                  </button>
                ))}
              </div>
            ))}
          </div>
        </section>
      ))}

      <div className="turf-actions" aria-live="polite">
        <p>
          {selected.size > 0 ? tt('selected', { count: selected.size }) : saved != null ? tt(saved.queued ? 'queued' : 'saved', { count: saved.count }) : ''}
        </p>
        <button
          type="button"
          className="button button-primary"
          disabled={selected.size === 0 || busy}
          onClick={() => void record(ConversationOutcome.NOT_HOME)}
        >
          {tt('notHome')}
        </button>
        <button type="button" className="button" disabled={selected.size === 0 || busy} onClick={() => void record(ConversationOutcome.REFUSED)}>
          {tt('refused')}
        </button>
        <button type="button" className="button" disabled={selected.size === 0} onClick={() => setSelected(new Set())}>
          {tt('clear')}
        </button>
        {selected.size === 1 ? (
          // One door: a talk there is the field form, opened on that door.
          <Link className="button" to={fieldDoorLink(id, [...selected][0]!)}>
            {tt('talkAtDoor')}
          </Link>
        ) : null}
      </div>

      <section className="panel" aria-labelledby="revisit-title">
        <h2 id="revisit-title">{tt('revisit')}</h2>
        <p className="muted">{tt('revisitIntro', { days: REVISIT_DAYS })}</p>
        {revisit.data && revisit.data.revisitList.length === 0 ? <p>{tt('revisitNone')}</p> : null}
        <ul className="list">
          {revisit.data?.revisitList.map((door) => (
            <li key={door.id}>
              {door.building.name ?? `${door.building.number} ${door.building.street}`} · {door.floor === 0 ? tt('ground') : tt('floor', { floor: door.floor })}{' '}
              · {door.label}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
