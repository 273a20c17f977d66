import { Route, Routes, useParams } from 'react-router';
import { seg } from '../../api';
import { Link, Paragraph, StatusBadge, type Tone } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { NotFound } from '../../layout';
import { EvaluationDetailPage } from './evaluation-detail-page';
import { EvaluationFindingsPage } from './evaluation-findings-page';
import { EvaluationListPage } from './evaluation-list-page';
import { EvaluationResultsPage } from './evaluation-results-page';
import { type EvaluationRole, type EvaluationState, evaluationsBase } from './evaluation-types';
import { SubNav } from './ui';
import './evaluation.css';

/**
 * /regio/:regionId/evaluatie/* — the region's evaluation (issue 5): the evaluations per school year
 * and a new one (index); per evaluation its state and its links per role, its results with charts
 * and downloads, and the findings that the next school year's timeline shows.
 */
export function EvaluationPage({ regionId }: { regionId: string }) {
  return (
    <Routes>
      <Route index element={<EvaluationListPage regionId={regionId} />} />
      <Route path=":evaluationId" element={<WithId regionId={regionId} page="links" />} />
      <Route path=":evaluationId/resultaten" element={<WithId regionId={regionId} page="results" />} />
      <Route path=":evaluationId/bevindingen" element={<WithId regionId={regionId} page="findings" />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function WithId({ regionId, page }: { regionId: string; page: 'links' | 'results' | 'findings' }) {
  const { evaluationId = '' } = useParams();
  if (page === 'results') return <EvaluationResultsPage regionId={regionId} evaluationId={evaluationId} />;
  if (page === 'findings') return <EvaluationFindingsPage regionId={regionId} evaluationId={evaluationId} />;
  return <EvaluationDetailPage regionId={regionId} evaluationId={evaluationId} />;
}

/** The three parts of one evaluation, as a small menu under its heading. */
export function EvaluationNav({ regionId, evaluationId }: { regionId: string; evaluationId: string }) {
  const { t } = useT();
  const base = `${evaluationsBase(regionId)}/${seg(evaluationId)}`;
  const items = [
    { to: base, label: t('region.evaluation.sub.links'), end: true },
    { to: `${base}/resultaten`, label: t('region.evaluation.sub.results'), end: false },
    { to: `${base}/bevindingen`, label: t('region.evaluation.sub.findings'), end: false },
  ];
  return (
    <>
      <Paragraph>
        <Link to={evaluationsBase(regionId)}>{t('region.evaluation.back')}</Link>
      </Paragraph>
      <SubNav label={t('region.evaluation.sub.label')} items={items} />
    </>
  );
}

const STATE_TONE: Record<EvaluationState, Tone> = { concept: 'neutral', open: 'ok', gesloten: 'info' };

/** An evaluation's state as a badge with words. */
export function StateBadge({ state }: { state: EvaluationState }) {
  const { t } = useT();
  return (
    <StatusBadge tone={STATE_TONE[state]}>{t(`region.evaluation.state.${state}` as MessageKey)}</StatusBadge>
  );
}

/** A role's name in the chosen language. */
export function useRoleName(): (role: EvaluationRole) => string {
  const { t } = useT();
  return (role) => t(`region.evaluation.role.${role}` as MessageKey);
}
