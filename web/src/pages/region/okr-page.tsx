import { Route, Routes } from 'react-router';
import { StatusBadge, type Tone } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { NotFound } from '../../layout';
import { OkrAddendumPage } from './okr-addendum-page';
import { OkrCoveragePage } from './okr-coverage-page';
import { OkrFieldsPage } from './okr-fields-page';
import { COVERAGES, type Coverage, type OkrView, okrBase } from './okr-types';
import { OkrUploadPage } from './okr-upload-page';
import { SubNav } from './ui';
import './okr.css';

/**
 * /regio/:regionId/okr/* — the region's own transfer report (OKR) beside the OSO gegevensset:
 * the fields with Overstap's suggestions to confirm or correct (index), delivering the OKR as a
 * file or field by field (velden), what travels with OSO and what not (dekking), and the regional
 * addendum that schools fill in for what does not (addendum).
 */
export function OkrPage({ regionId }: { regionId: string }) {
  return (
    <Routes>
      <Route index element={<OkrFieldsPage regionId={regionId} />} />
      <Route path="velden" element={<OkrUploadPage regionId={regionId} />} />
      <Route path="dekking" element={<OkrCoveragePage regionId={regionId} />} />
      <Route path="addendum" element={<OkrAddendumPage regionId={regionId} />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/** The OKR pages' own menu: four steps of one task. */
export function OkrNav({ regionId }: { regionId: string }) {
  const { t } = useT();
  const base = okrBase(regionId);
  const items = [
    { to: base, label: t('region.okr.nav.fields'), end: true },
    { to: `${base}/velden`, label: t('region.okr.nav.upload'), end: false },
    { to: `${base}/dekking`, label: t('region.okr.nav.coverage'), end: false },
    { to: `${base}/addendum`, label: t('region.okr.nav.addendum'), end: false },
  ];
  return <SubNav label={t('region.okr.nav.label')} items={items} />;
}

export const COVERAGE_TONE: Record<Coverage, Tone> = {
  open: 'warning',
  travels: 'ok',
  travelsIfDelivered: 'ok',
  viaPlatform: 'ok',
  forbidden: 'neutral',
  addendum: 'info',
};

/** A field's coverage as a badge with words. */
export function CoverageBadge({ coverage }: { coverage: Coverage }) {
  const { t } = useT();
  return (
    <StatusBadge tone={COVERAGE_TONE[coverage]}>
      {t(`region.okr.coverage.${coverage}` as MessageKey)}
    </StatusBadge>
  );
}

/** The counts per coverage, as a short list of badges (only the kinds that occur). */
export function CoverageSummary({ okr }: { okr: OkrView }) {
  const { t } = useT();
  const shown = COVERAGES.filter((c) => okr.summary[c] > 0);
  return (
    <div className="ovs-okr-summary">
      <p className="utrecht-paragraph">
        {t(okr.summary.total === 1 ? 'region.okr.summary.totalOne' : 'region.okr.summary.total', {
          count: okr.summary.total,
        })}
      </p>
      <ul className="ovs-okr-summary__list">
        {shown.map((c) => (
          <li key={c}>
            <StatusBadge tone={COVERAGE_TONE[c]}>
              {t(`region.okr.summary.${c}` as MessageKey, { count: okr.summary[c] })}
            </StatusBadge>
          </li>
        ))}
      </ul>
    </div>
  );
}
