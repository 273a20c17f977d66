import { Button, Link, StatusBadge } from '../../components';
import { useT } from '../../i18n';
import { formatDate, nextStep, resultKey, STATE_TONE, schoolLabel, stateKey } from './labels';
import { pupilName, REQUESTABLE, type RegistrationListItem, type RegistrationState } from './types';

/** States whose "what next" is the last result's explanation: the result's name goes with it. */
const EXPLAINED_BY_RESULT: readonly RegistrationState[] = [
  'ontvangen',
  'wacht_op_klaarzetten',
  'niet_gevonden',
  'fout',
];

/**
 * The registrations as a table: the pupil (a link to the registration page), birth date, source
 * school, preference, the state as a badge, the last result in plain words with what to do next,
 * and — for who may — a "request" button. On a phone each row becomes a card (vo.css).
 */
export function RegistrationsTable({
  brin,
  rows,
  caption,
  names,
  mayRequest,
  busyId,
  onRequest,
}: {
  brin: string;
  rows: RegistrationListItem[];
  caption: string;
  names: ReadonlyMap<string, string>;
  mayRequest: boolean;
  busyId: string | undefined;
  onRequest(item: RegistrationListItem): void;
}) {
  const { t, pick, language } = useT();
  const columns = [
    { key: 'pupil', header: t('vo.list.col.pupil') },
    { key: 'school', header: t('vo.list.col.school') },
    { key: 'rank', header: t('vo.list.col.rank') },
    { key: 'state', header: t('vo.list.col.state') },
    { key: 'next', header: t('vo.list.col.next') },
    ...(mayRequest ? [{ key: 'action', header: t('vo.list.col.action') }] : []),
  ];
  const label = Object.fromEntries(columns.map((c) => [c.key, c.header]));
  return (
    <div className="utrecht-table-container utrecht-table-container--overflow-inline">
      <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color ovs-vo-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((c) => (
              <th key={c.key} scope="col" className="utrecht-table__header-cell">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((r) => {
            const name = pupilName(r.pupil);
            return (
              <tr key={r.registrationId} className="utrecht-table__row">
                <td className="utrecht-table__cell ovs-vo-pupil-cell" data-label={label.pupil}>
                  <div>
                    <Link to={`/school/${brin}/aanmeldingen/${r.registrationId}`} className="ovs-vo-name">
                      {name}
                    </Link>
                    <span className="ovs-vo-sub">
                      <span className="ovs-visually-hidden">{t('vo.list.col.birthDate')}: </span>
                      {formatDate(r.pupil.geboortedatum, language)}
                    </span>
                  </div>
                </td>
                <td className="utrecht-table__cell ovs-vo-school-cell" data-label={label.school}>
                  <div>{schoolLabel(r, names)}</div>
                </td>
                <td className="utrecht-table__cell" data-label={label.rank}>
                  <div>{r.preferenceRank ? t('vo.rank', { rank: r.preferenceRank }) : '—'}</div>
                </td>
                <td className="utrecht-table__cell" data-label={label.state}>
                  <div>
                    <StatusBadge tone={STATE_TONE[r.state]}>{t(stateKey(r.state))}</StatusBadge>
                  </div>
                </td>
                <td className="utrecht-table__cell ovs-vo-next-cell" data-label={label.next}>
                  <div>
                    {r.lastResult && EXPLAINED_BY_RESULT.includes(r.state) ? (
                      <strong className="ovs-vo-result">{t(resultKey(r.lastResult))}. </strong>
                    ) : null}
                    {nextStep(r, t, pick)}
                  </div>
                </td>
                {mayRequest ? (
                  <td className="utrecht-table__cell" data-label={label.action}>
                    {REQUESTABLE.includes(r.state) && r.state !== 'ingelezen' && r.state !== 'afgewezen' ? (
                      <Button
                        kind="secondary"
                        busy={busyId === r.registrationId}
                        disabled={busyId !== undefined && busyId !== r.registrationId}
                        onClick={() => onRequest(r)}
                      >
                        {r.received ? t('vo.list.requestAgain') : t('vo.list.request')}
                        <span className="ovs-visually-hidden">{t('vo.list.requestFor', { name })}</span>
                      </Button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
