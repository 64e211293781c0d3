import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Role } from '@rapport/shared';
import { isMember } from '../../auth/session';
import { errorMessage } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { AssignTurfMutation, TurfMembersQuery, type TurfUser } from '../graphql/turf';
import { useTurfT } from '../messages';

/** Organisers and leaders hand buildings to volunteers; everyone else only reads who has it. */
export const mayAssignTurf = (role: Role | undefined) => role != null && isMember(role);

interface Props {
  buildingId: string;
  buildingName: string;
  assignedTo: readonly TurfUser[];
  canAssign: boolean;
}

/** Who a building is assigned to, and (for organisers and leaders) a chooser of the members to change it. */
export function AssignTurf({ buildingId, buildingName, assignedTo, canAssign }: Props) {
  const tt = useTurfT();
  const t = useT();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState(false);
  // The members are asked for only when the chooser opens: most visits to the page only read the grid.
  const members = useQuery(TurfMembersQuery, { skip: !open });
  const [assign, assigning] = useMutation(AssignTurfMutation);

  const start = () => {
    setChosen(new Set(assignedTo.map((u) => u.id)));
    setSaved(false);
    setOpen(true);
  };
  const toggle = (userId: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(userId)) next.delete(userId);
      else next.add(userId);
      return next;
    });
  async function save() {
    // The answer carries the building's new assignees: the cache, and so the page, follows.
    await assign({ variables: { buildingIds: [buildingId], userIds: [...chosen] } });
    setOpen(false);
    setSaved(true);
  }
  // Allies cannot walk turf (no /field turf for them): only organisers and leaders are offered.
  const candidates = (members.data?.members ?? []).filter((m) => m.role !== Role.ALLY);
  const failure = members.error ?? assigning.error;

  return (
    <div className="turf-assign">
      <p>
        {assignedTo.length ? tt('assignedTo', { names: assignedTo.map((u) => u.displayName).join(', ') }) : tt('nobodyAssigned')}{' '}
        {canAssign ? (
          <button type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={open ? () => setOpen(false) : start}>
            {tt('assign')}
            <span className="visually-hidden"> {buildingName}</span>
          </button>
        ) : null}
      </p>
      <p role="status" className="save-status">
        {saved ? tt('assignSaved') : ''}
      </p>
      {canAssign && open ? (
        <form
          id={panelId}
          onSubmit={(event) => {
            event.preventDefault();
            void save().catch(() => undefined);
          }}
        >
          <fieldset className="choices">
            <legend>{tt('assignLegend', { name: buildingName })}</legend>
            {members.loading ? <p role="status">{tt('loading')}</p> : null}
            {members.data && candidates.length === 0 ? <p>{tt('noMembers')}</p> : null}
            <div className="choices-options">
              {candidates.map((member) => (
                <label key={member.id} className="choice">
                  <input type="checkbox" checked={chosen.has(member.id)} onChange={() => toggle(member.id)} />
                  <span>{member.displayName}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {failure ? (
            <p className="alert" role="alert">
              {errorMessage(failure, t)}
            </p>
          ) : null}
          <p>
            <button type="submit" className="button button-primary" disabled={assigning.loading || !members.data}>
              {tt('assignSave')}
            </button>{' '}
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {tt('assignCancel')}
            </button>
          </p>
        </form>
      ) : null}
    </div>
  );
}
