import { useQuery } from '@apollo/client/react';
import { Link } from '../../../../router';
import { useFormat } from '../../../../i18n/format';
import { BuildingProgressQuery } from '../../../turf/graphql/turf';
import { useTurfT } from '../../../turf/messages';

/**
 * "Immeubles": per building, doors knocked and talked out of its doors, linking to the
 * turf page. Loaded lazily by the dashboard (its own chunk, never in /field's bundle).
 */
export default function BuildingsSection({ campaignId }: { campaignId: string }) {
  const tt = useTurfT();
  const format = useFormat();
  const { data, error } = useQuery(BuildingProgressQuery, { variables: { campaignId }, fetchPolicy: 'cache-and-network' });
  const turf = `/campaigns/${encodeURIComponent(campaignId)}/turf`;

  return (
    <section aria-labelledby="dash-buildings" className="panel" data-section="buildings">
      <h2 id="dash-buildings">{tt('buildings')}</h2>
      {/* Not an alert: the rest of the dashboard stands without this block. */}
      {error && !data ? <p className="muted">{tt('buildingsUnavailable')}</p> : null}
      {data && data.buildings.length === 0 ? <p className="muted">{tt('none')}</p> : null}
      {data?.buildings.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{tt('building')}</th>
              <th scope="col">{tt('knocked')}</th>
              <th scope="col">{tt('talked')}</th>
              <th scope="col">{tt('doors')}</th>
            </tr>
          </thead>
          <tbody>
            {data.buildings.map((b) => (
              <tr key={b.id} data-building={b.id}>
                <th scope="row">
                  <Link to={turf}>{b.name ?? `${b.number} ${b.street}`}</Link>
                </th>
                <td data-figure="knocked">{format.number(b.knocked)}</td>
                <td data-figure="talked">{format.number(b.talked)}</td>
                <td data-figure="doors">{format.number(b.doorCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>
        <Link to={turf}>{tt('openGrid')}</Link>
      </p>
    </section>
  );
}
