import { ButtonLink, Heading, Paragraph, Section, Table } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { ElementList } from './okr-fields-page';
import { CoverageSummary, OkrNav } from './okr-page';
import { type Coverage, type OkrField, type OkrView, okrApi, okrBase } from './okr-types';

/** The order in which the coverage page tells the story: what goes, what may go, what does not. */
const ORDER: readonly Coverage[] = [
  'travels',
  'travelsIfDelivered',
  'viaPlatform',
  'forbidden',
  'addendum',
  'open',
];

/**
 * /regio/:regionId/okr/dekking — the OKR laid beside the OSO gegevensset: per kind of coverage the
 * fields of the report, with the elements that carry them, so that the region sees at a glance what
 * travels with every dossier, what only when the school delivers it, what the standard keeps out of
 * a po→vo dossier and what the addendum must ask for.
 */
export function OkrCoveragePage({ regionId }: { regionId: string }) {
  const { t } = useT();
  const okr = useResource<OkrView>(okrApi(regionId));
  const data = okr.data;
  return (
    <>
      <Heading level={1}>{t('region.okr.coverage.title')}</Heading>
      <Paragraph lead>{t('region.okr.coverage.intro')}</Paragraph>
      <OkrNav regionId={regionId} />
      {okr.error ? <ErrorMessage error={okr.error} onRetry={() => void okr.reload()} /> : null}
      {okr.loading && !data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {data && data.fields.length === 0 ? (
        <>
          <Paragraph>{t('region.okr.fields.empty')}</Paragraph>
          <ButtonLink kind="primary" to={`${okrBase(regionId)}/velden`}>
            {t('region.okr.fields.toUpload')}
          </ButtonLink>
        </>
      ) : null}
      {data && data.fields.length > 0 ? (
        <>
          <CoverageSummary okr={data} />
          {ORDER.map((coverage) => {
            const fields = data.fields.filter((f) => f.coverage === coverage);
            if (fields.length === 0) return null;
            return <CoverageSection key={coverage} coverage={coverage} fields={fields} regionId={regionId} />;
          })}
        </>
      ) : null}
    </>
  );
}

function CoverageSection({
  coverage,
  fields,
  regionId,
}: {
  coverage: Coverage;
  fields: OkrField[];
  regionId: string;
}) {
  const { t } = useT();
  const key = (part: string) => `region.okr.coverage.${coverage}.${part}` as MessageKey;
  return (
    <Section
      title={t(key('title'), { count: fields.length })}
      actions={
        coverage === 'addendum' ? (
          <ButtonLink to={`${okrBase(regionId)}/addendum`}>{t('region.okr.coverage.toAddendum')}</ButtonLink>
        ) : coverage === 'open' ? (
          <ButtonLink to={okrBase(regionId)}>{t('region.okr.coverage.toFields')}</ButtonLink>
        ) : undefined
      }
    >
      <Paragraph>{t(key('text'))}</Paragraph>
      <div className="ovs-okr-coverage-table">
        <Table
          caption={t(key('caption'), { count: fields.length })}
          rowKey={(f) => f.id}
          rows={fields}
          columns={[
            {
              key: 'field',
              header: t('region.okr.coverage.colField'),
              cell: (f) => (
                <>
                  <strong>{f.name}</strong>
                  {f.section ? <span className="ovs-region-detail ovs-muted">{f.section}</span> : null}
                </>
              ),
            },
            {
              key: 'oso',
              header: t('region.okr.coverage.colOso'),
              cell: (f) =>
                f.mapping === 'oso' ? (
                  <ElementList elements={f.elements} coverage={f.coverage} />
                ) : f.mapping === 'not_in_oso' ? (
                  t('region.okr.notInOso')
                ) : (
                  t('region.okr.coverage.undecided')
                ),
            },
          ]}
        />
      </div>
    </Section>
  );
}
