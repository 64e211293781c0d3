import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from '../../../router';
import { errorMessage } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { BuildingsQuery } from '../graphql/turf';
import { floorsOf } from '../grid';
import { useTurfT } from '../messages';

/** The building's /field link, as its QR code says: a volunteer scans it on the landing. */
export const fieldLink = (origin: string, buildingId: string) => `${origin}/field?building=${encodeURIComponent(buildingId)}`;

/** A QR code as inline SVG; the `uqr` library loads only with this page. */
function BuildingQr({ url, label }: { url: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('uqr').then(({ renderSVG }) => {
      if (live) setSvg(renderSVG(url, { ecc: 'M', border: 2 }));
    });
    return () => {
      live = false;
    };
  }, [url]);
  return <div className="walk-qr" role="img" aria-label={label} data-url={url} dangerouslySetInnerHTML={svg ? { __html: svg } : undefined} />;
}

/** /campaigns/:id/turf?sheet — the printable walk sheet: A4, one building per page, doors to tick, a QR code to /field. */
export function WalkSheetPage() {
  const tt = useTurfT();
  const t = useT();
  const { id = '' } = useParams();
  usePageTitle(tt('sheet'));
  const { data, loading, error } = useQuery(BuildingsQuery, { variables: { campaignId: id } });
  return (
    <section className="page walk-sheet">
      <p className="no-print">
        <Link to={`/campaigns/${encodeURIComponent(id)}/turf`}>{tt('title')}</Link>{' '}
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {tt('print')}
        </button>
      </p>
      <h1 className="no-print">{tt('sheet')}</h1>
      {loading && !data ? <p role="status">{tt('loading')}</p> : null}
      {error ? (
        <p className="alert" role="alert">
          {errorMessage(error, t)}
        </p>
      ) : null}
      {data?.buildings.map((building) => {
        const title = building.name ?? `${building.number} ${building.street}`;
        return (
          <article key={building.id} className="walk-page" aria-labelledby={`sheet-${building.id}`}>
            <header className="walk-header">
              <div>
                <h2 id={`sheet-${building.id}`}>{title}</h2>
                <p>
                  {building.number} {building.street}
                </p>
                <p className="muted">{tt('sheetHint')}</p>
              </div>
              <BuildingQr url={fieldLink(window.location.origin, building.id)} label={tt('qr', { name: title })} />
            </header>
            <table className="walk-grid">
              <caption className="visually-hidden">{tt('sheetGrid', { name: title })}</caption>
              <tbody>
                {floorsOf(building.doors).map(({ floor, doors }) => (
                  <tr key={floor}>
                    <th scope="row">{floor === 0 ? tt('ground') : floor}</th>
                    {doors.map((door) => (
                      <td key={door.id}>
                        <span className="walk-box" aria-hidden="true" /> {door.label}
                        {door.doNotKnock ? ' ✕' : ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        );
      })}
    </section>
  );
}
