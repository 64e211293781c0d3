import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { WinSize } from '@rapport/shared';
import { errorMessage } from '../../../../apollo/errors';
import type { CampaignDashboardQuery as DashboardData } from '../../../../gql/graphql';
import { useT } from '../../../../i18n';
import { useFormat } from '../../../../i18n/format';
import { label } from '../../../../i18n/labels';
import { Disclosure } from '../../../shell/components/Disclosure';
import { ChoiceGroup, FormErrors, SelectField, TextField } from '../../../shell/components/fields';
import { keys, toInstant, useFormErrors } from '../../../shell/useFormErrors';
import { MarkWinCelebratedMutation, RecordWinMutation } from '../../graphql/workspace';
import { REFETCH, type WorkspaceCampaign } from './workspace';

type WinRow = DashboardData['campaignProgress']['wins'][number];

/** The wins, newest first; "celebrated" in one tap; a new win recorded (with the demand it answers). */
export function WinsSection({ campaignId, wins, demands }: { campaignId: string; wins: readonly WinRow[]; demands: WorkspaceCampaign['demands'] | undefined }) {
  const t = useT();
  const format = useFormat();
  const toCelebrate = wins.filter((w) => !w.celebrated);
  return (
    <section aria-labelledby="dash-wins" className="panel" data-section="wins">
      <h2 id="dash-wins">{t('dashboard.wins')}</h2>
      {wins.length ? (
        <>
          <p data-figure="toCelebrate">{t('dashboard.toCelebrate', { count: format.number(toCelebrate.length) })}</p>
          <ul className="wins">
            {wins.map((win) => (
              <WinItem key={win.id} win={win} />
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('dashboard.noWins')}</p>
      )}
      <Disclosure label={t('wins.add')}>{(close) => <RecordWinForm campaignId={campaignId} demands={demands ?? []} onDone={close} />}</Disclosure>
    </section>
  );
}

/** The answer markWinCelebrated can only give (typed with its __typename, so the cache finds the win). */
function celebrated(id: string) {
  const win = { __typename: 'Win' as const, id, celebrated: true, celebratedAt: new Date().toISOString() };
  return win;
}

function WinItem({ win }: { win: WinRow }) {
  const t = useT();
  const format = useFormat();
  const [celebrate, { loading, error }] = useMutation(MarkWinCelebratedMutation);
  return (
    <li className={win.celebrated ? 'win' : 'win win-pending'} data-win={win.id}>
      <strong>{win.title}</strong>{' '}
      <span className="muted">
        <time dateTime={win.wonAt}>{format.date(win.wonAt)}</time> · {label(t, 'winSize', win.size)}
      </span>{' '}
      {win.celebrated ? (
        <span className="tag tag-quiet">{t('wins.celebrated')}</span>
      ) : (
        <>
          <span className="tag">{t('dashboard.celebrate')}</span>{' '}
          <button
            type="button"
            className="button button-secondary"
            disabled={loading}
            onClick={() =>
              // Safe to show at once: the answer can only be this win, celebrated.
              void celebrate({
                variables: { id: win.id },
                optimisticResponse: { markWinCelebrated: celebrated(win.id) },
                ...REFETCH,
              }).catch(() => undefined)
            }
          >
            {t('wins.markCelebrated', { title: win.title })}
          </button>
          {error ? (
            <span className="field-error" role="alert">
              {' '}
              {errorMessage(error, t)}
            </span>
          ) : null}
        </>
      )}
    </li>
  );
}

function RecordWinForm({ campaignId, demands, onDone }: { campaignId: string; demands: WorkspaceCampaign['demands']; onDone: () => void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [size, setSize] = useState<WinSize>(WinSize.SMALL);
  const [demandId, setDemandId] = useState('');
  const [wonAt, setWonAt] = useState('');
  const { fields, errors, submit, busy } = useFormErrors(keys('title', 'size', 'demandId', 'wonAt'));
  const [record] = useMutation(RecordWinMutation);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(() => record({ variables: { input: { campaignId, title, size, demandId: demandId || null, wonAt: toInstant(wonAt) } }, ...REFETCH })).then(
          (ok) => ok && onDone(),
        );
      }}
    >
      <FormErrors title={t('form.errorTitle')} errors={errors.general} />
      <TextField label={t('wins.title')} name="title" value={title} onValue={setTitle} error={fields['title']} required />
      <ChoiceGroup
        legend={t('wins.size')}
        name="size"
        value={size}
        options={[WinSize.SMALL, WinSize.MAJOR].map((s) => ({ value: s, label: label(t, 'winSize', s) }))}
        onValue={setSize}
        error={fields['size']}
      />
      {demands.length ? (
        <SelectField
          label={t('wins.demand')}
          name="demandId"
          value={demandId}
          options={[{ value: '', label: t('wins.noDemand') }, ...demands.map((d) => ({ value: d.id, label: d.title }))]}
          onValue={setDemandId}
          error={fields['demandId']}
          hint={t('wins.demandHint')}
        />
      ) : null}
      <TextField label={t('wins.wonAt')} name="wonAt" type="date" value={wonAt} onValue={setWonAt} error={fields['wonAt']} hint={t('wins.wonAtHint')} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('wins.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
