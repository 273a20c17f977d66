import { ButtonLink, Heading, Paragraph, Section } from '../../components';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { OkrNav } from './okr-page';
import { type AddendumForm, okrApi, okrBase } from './okr-types';

/**
 * /regio/:regionId/okr/addendum — the regional addendum as schools will see it: only the OKR fields
 * that are not in the OSO gegevensset, by section; the blank form as a PDF to print.
 */
export function OkrAddendumPage({ regionId }: { regionId: string }) {
  const { t } = useT();
  const form = useResource<AddendumForm>(`${okrApi(regionId)}/addendum`);
  const data = form.data;
  return (
    <>
      <Heading level={1}>{t('region.okr.addendum.title')}</Heading>
      <Paragraph lead>{t('region.okr.addendum.intro')}</Paragraph>
      <OkrNav regionId={regionId} />
      {form.error ? <ErrorMessage error={form.error} onRetry={() => void form.reload()} /> : null}
      {form.loading && !data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {data && data.fieldCount === 0 ? (
        <section className="ovs-okr-empty" aria-labelledby="okr-addendum-empty">
          <Heading level={2} id="okr-addendum-empty">
            {t('region.okr.addendum.emptyTitle')}
          </Heading>
          <Paragraph>{t('region.okr.addendum.empty')}</Paragraph>
          <ButtonLink to={okrBase(regionId)}>{t('region.okr.coverage.toFields')}</ButtonLink>
        </section>
      ) : null}
      {data && data.fieldCount > 0 ? (
        <>
          <Paragraph>
            {t(data.fieldCount === 1 ? 'region.okr.addendum.countOne' : 'region.okr.addendum.count', {
              count: data.fieldCount,
            })}
          </Paragraph>
          <div className="ovs-okr-downloads">
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              href={`${okrApi(regionId)}/addendum.pdf`}
              download
            >
              {t('region.okr.addendum.pdf')}
            </a>
            <a className="utrecht-link" href={`${okrApi(regionId)}/addendum.pdf?lang=en`} download>
              {t('region.okr.addendum.pdfEnglish')}
            </a>
          </div>
          <Section title={t('region.okr.addendum.preview')}>
            <Paragraph>{t('region.okr.addendum.previewText')}</Paragraph>
            {data.sections.map((s) => (
              <div key={s.section ?? ''} className="ovs-okr-preview">
                <Heading level={3}>{s.section ?? t('region.okr.noSection')}</Heading>
                <dl className="ovs-okr-preview__list">
                  {s.fields.map((f) => (
                    <div key={f.id}>
                      <dt>{f.name}</dt>
                      <dd>{f.description ?? t('region.okr.addendum.noDescription')}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            ))}
          </Section>
          <Section title={t('region.okr.addendum.howTitle')}>
            <ol className="utrecht-ordered-list">
              <li className="utrecht-ordered-list__item">{t('region.okr.addendum.how1')}</li>
              <li className="utrecht-ordered-list__item">{t('region.okr.addendum.how2')}</li>
              <li className="utrecht-ordered-list__item">{t('region.okr.addendum.how3')}</li>
            </ol>
          </Section>
        </>
      ) : null}
    </>
  );
}
