import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from '../../../router';
import { useMutation, useQuery } from '@apollo/client/react';
import { errorMessage } from '../../../apollo/errors';
import { QueryStatus } from '../../shell/components/QueryStatus';
import { useLocale, useT } from '../../../i18n';
import { useImportT, type ImportKey } from '../i18n';
import { SelectField, TextField } from '../../shell/components/fields';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { CancelImportMutation, ImportJobQuery, ImportJobsQuery, RunImportMutation } from '../graphql/imports';
import { downloadErrors, IMPORT_FIELDS, MAX_UPLOAD_BYTES, uploadSpreadsheet, type UploadRefusal } from '../upload';
import type { ImportJobsQuery as ImportJobsResult } from '../../../gql/graphql';

type ImportJobFieldsFragment = ImportJobsResult['importJobs'][number];

const ENDED = ['DONE', 'FAILED', 'CANCELLED'];

function refusalText(refusal: UploadRefusal, t: ReturnType<typeof useImportT>): string {
  const key = `rule.${refusal.rule}` as ImportKey;
  if (refusal.rule && key in ruleKeys) return t(key, refusal.params);
  if (refusal.status === 401) return t('rule.signIn');
  if (refusal.status === 403) return t('rule.forbidden');
  return refusal.message;
}
const ruleKeys: Record<string, true> = Object.fromEntries(
  [
    'importEmpty',
    'importTooLarge',
    'importNotSpreadsheet',
    'importNoHeader',
    'importTooManyColumns',
    'importTooManyRows',
    'importXlsxTooBig',
    'importUnreadable',
    'importCellTooLong',
  ].map((r) => [`rule.${r}`, true]),
);

/** The bar of a running import: a native progress element (role progressbar, with its values). */
export function ImportProgress({ job }: { job: ImportJobFieldsFragment }) {
  const t = useImportT();
  const done = job.status === 'DONE';
  const value = done ? job.totalRows : job.processedRows;
  return (
    <div className="import-progress">
      <progress
        id={`progress-${job.id}`}
        max={Math.max(job.totalRows, 1)}
        value={value}
        aria-valuemin={0}
        aria-valuemax={job.totalRows}
        aria-valuenow={value}
        aria-valuetext={t('progress.text', { done: value, total: job.totalRows })}
        aria-label={t('progress.label', { file: job.fileName })}
      />
      <p role="status">
        {t(`status.${job.status}` as ImportKey)}
        {job.dryRun ? ` (${t('dryRunShort')})` : ''} — {t('progress.text', { done: value, total: job.totalRows })}
      </p>
    </div>
  );
}

function Counts({ job }: { job: ImportJobFieldsFragment }) {
  const t = useImportT();
  return (
    <dl className="import-counts">
      {(['created', 'updated', 'skipped', 'failed'] as const).map((k) => (
        <div key={k}>
          <dt>{t(`count.${k}`)}</dt>
          <dd>{job[k]}</dd>
        </div>
      ))}
    </dl>
  );
}

/** /contacts/import — organisers: upload a spreadsheet (CSV or XLSX), and the imports so far. */
export function ImportPage() {
  const t = useImportT();
  const { locale } = useLocale();
  usePageTitle(t('title'));
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(ImportJobsQuery, { fetchPolicy: 'cache-and-network' });
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const date = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefusal(null);
    if (!file) return setRefusal(t('chooseFile'));
    if (file.size > MAX_UPLOAD_BYTES) return setRefusal(t('rule.importTooLarge', { max: 20 }));
    setSending(true);
    try {
      const result = await uploadSpreadsheet(file);
      if ('id' in result) navigate(`/contacts/import/${result.id}`);
      else setRefusal(refusalText(result.refused, t));
    } catch {
      setRefusal(t('network'));
    } finally {
      setSending(false);
    }
  }

  return (
    <section className="page">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <form className="form" onSubmit={submit} aria-busy={sending}>
        <div className="field">
          <label htmlFor="import-file">{t('file')}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-file-hint"
            aria-invalid={refusal ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <p id="import-file-hint" className="hint">
            {t('fileHint')}
          </p>
        </div>
        {refusal ? (
          <p role="alert" className="error">
            {refusal}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={sending}>
          {sending ? t('sending') : t('upload')}
        </button>
      </form>

      <h2>{t('list')}</h2>
      <QueryStatus loading={loading && !data} error={error} />
      {data?.importJobs.length === 0 ? <p>{t('none')}</p> : null}
      <ul className="list">
        {data?.importJobs.map((job) => (
          <JobLine key={job.id} job={job} date={date} />
        ))}
      </ul>
    </section>
  );
}

function JobLine({ job, date }: { job: ImportJobFieldsFragment; date: Intl.DateTimeFormat }) {
  const t = useImportT();
  return (
    <li>
      <Link to={`/contacts/import/${job.id}`}>{job.fileName}</Link> — {date.format(new Date(job.createdAt as string))} —{' '}
      {t(`status.${job.status}` as ImportKey)}
      {job.dryRun ? ` (${t('dryRunShort')})` : ''} — {t('progress.text', { done: job.processedRows, total: job.totalRows })}
    </li>
  );
}

/** /contacts/import/:id — the analysis, the mapping (a select per column), dry run then run, progress (polled: survives a reload), errors. */
export function ImportJobPage() {
  const t = useImportT();
  const appT = useT();
  usePageTitle(t('title'));
  const { id = '' } = useParams();
  const { data, loading, error, startPolling, stopPolling } = useQuery(ImportJobQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const job = data?.importJob;
  const [run, running] = useMutation(RunImportMutation);
  const [cancel, cancelling] = useMutation(CancelImportMutation);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [tags, setTags] = useState('');
  const [downloadError, setDownloadError] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const status = job?.status;

  useEffect(() => {
    if (status === 'RUNNING') startPolling(700);
    else stopPolling();
    return () => stopPolling();
  }, [status, startPolling, stopPolling]);

  const chosen = useMemo(
    () => (job ? job.mapping.map((m) => ({ column: m.column, field: (m.column in mapping ? mapping[m.column] : (m.field ?? '')) || null })) : []),
    [job, mapping],
  );

  async function start(dryRun: boolean) {
    if (!job) return;
    const list = tags
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      await run({ variables: { id: job.id, mapping: chosen, dryRun, tags: list.length ? list : null } });
      startPolling(700);
    } catch {
      // shown from running.error
    }
  }

  if (!job) return <QueryStatus loading={loading} error={error ?? (data && !job ? new Error(t('notFound')) : undefined)} />;
  const editable = job.status === 'ANALYSED' || (job.status === 'DONE' && job.dryRun);
  const ended = ENDED.includes(job.status);

  return (
    <section className="page">
      <p>
        <Link to="/contacts/import">{t('back')}</Link>
      </p>
      <h1 ref={headingRef}>{job.fileName}</h1>
      <p>
        {t('analysis', { rows: job.totalRows, encoding: job.encoding })}
        {job.delimiter ? ` ${t('delimiter', { delimiter: job.delimiter === '\t' ? t('tab') : job.delimiter })}` : ''}
      </p>

      {job.status !== 'ANALYSED' ? <ImportProgress job={job} /> : null}
      {job.status !== 'ANALYSED' ? <Counts job={job} /> : null}

      {editable ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void start(false);
          }}
        >
          <h2>{t('mapping')}</h2>
          <p className="hint">{t('mappingHint')}</p>
          <ul className="list import-mapping">
            {job.mapping.map((m, i) => (
              <li key={m.column}>
                <SelectField
                  label={t('fieldFor', { column: m.column })}
                  name={`map-${i}`}
                  value={chosen[i]?.field ?? ''}
                  hint={m.samples.length ? t('samplesList', { values: m.samples.join(' · ') }) : undefined}
                  options={[{ value: '', label: t('ignore') }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}` as ImportKey) }))]}
                  onValue={(value) => setMapping({ ...mapping, [m.column]: value })}
                />
              </li>
            ))}
          </ul>
          <TextField label={t('tags')} name="tags" value={tags} onValue={setTags} hint={t('tagsHint')} />
          {running.error ? (
            <p role="alert" className="error">
              {errorMessage(running.error, appT)}
            </p>
          ) : null}
          <p className="page-actions">
            <button type="button" className="button button-secondary" disabled={running.loading} onClick={() => void start(true)}>
              {t('dryRun')}
            </button>
            <button type="submit" className="button" disabled={running.loading}>
              {t('run')}
            </button>
          </p>
        </form>
      ) : null}

      {!ended || editable ? (
        <p>
          <button type="button" className="button button-secondary" disabled={cancelling.loading} onClick={() => void cancel({ variables: { id: job.id } })}>
            {t('cancel')}
          </button>
        </p>
      ) : null}

      {job.errors.length ? (
        <>
          <h2>{t('errors', { count: job.failed })}</h2>
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setDownloadError(false);
                downloadErrors(job.id).catch(() => setDownloadError(true));
              }}
            >
              {t('downloadErrors')}
            </button>
          </p>
          {downloadError ? <p role="alert">{t('network')}</p> : null}
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('row')}</th>
                  <th scope="col">{t('column')}</th>
                  <th scope="col">{t('error')}</th>
                </tr>
              </thead>
              <tbody>
                {job.errors.map((e, i) => (
                  <tr key={`${e.row}-${i}`}>
                    <td>{e.row}</td>
                    <td>{e.field ?? '—'}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
