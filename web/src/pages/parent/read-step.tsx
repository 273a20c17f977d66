import { Button, ButtonGroup, Heading, Paragraph } from '../../components';
import { FocusHeading } from '../../components/focus-heading';
import { useT } from '../../i18n';
import type { InspectionSummary } from './inspection-api';

/**
 * Step 2: the frozen dossier exactly as it will be sent — the server's own rendering in a
 * sandboxed frame (no scripts, no same-origin rights) — with a PDF to keep, and what we will ask.
 */
export function ReadStep({
  summary,
  htmlUrl,
  pdfUrl,
  onNext,
}: {
  summary: InspectionSummary;
  htmlUrl: string;
  pdfUrl: string;
  onNext(): void;
}) {
  const { t } = useT();
  const name = summary.pupilFirstName;
  return (
    <>
      <div className="ovs-parent__narrow">
        <FocusHeading focusKey="read">
          {name ? t('parent.read.title', { name }) : t('parent.read.titleNoName')}
        </FocusHeading>
        <Paragraph lead>{t('parent.read.intro', { school: summary.schoolName })}</Paragraph>
        <section className="ovs-parent__asked" aria-labelledby="parent-asked">
          <Heading level={2} id="parent-asked">
            {t('parent.read.askedTitle')}
          </Heading>
          <ul className="utrecht-unordered-list">
            <li className="utrecht-unordered-list__item">{t('parent.read.askAgree')}</li>
            {summary.consentRequired ? (
              <li className="utrecht-unordered-list__item">{t('parent.read.askConsent')}</li>
            ) : null}
            {summary.viewAllowed ? (
              <li className="utrecht-unordered-list__item">{t('parent.read.askView')}</li>
            ) : null}
          </ul>
        </section>
      </div>

      <section className="ovs-parent__dossier" aria-labelledby="parent-dossier">
        <Heading level={2} id="parent-dossier">
          {t('parent.read.dossierTitle')}
        </Heading>
        <Paragraph>{t('parent.read.frameHelp')}</Paragraph>
        <iframe
          className="ovs-parent__frame"
          src={htmlUrl}
          title={t('parent.read.frameTitle', { name: name || t('parent.read.titleNoName') })}
          sandbox=""
          referrerPolicy="no-referrer"
        />
        <div className="ovs-parent__downloads">
          <a
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            href={pdfUrl}
            download="overstapdossier.pdf"
          >
            {t('parent.read.pdf')}
          </a>
          <a className="utrecht-link utrecht-link--html-a" href={htmlUrl}>
            {t('parent.read.openFull')}
          </a>
        </div>
        <Paragraph>
          <span className="ovs-muted">{t('parent.read.pdfHelp')}</span>
        </Paragraph>
      </section>

      <div className="ovs-parent__narrow">
        <section className="ovs-parent__note" aria-labelledby="parent-wrong">
          <Heading level={2} id="parent-wrong">
            {t('parent.read.wrongTitle')}
          </Heading>
          <Paragraph>{t('parent.read.wrongText')}</Paragraph>
        </section>
        <Paragraph>
          <span className="ovs-muted">{t('parent.read.time')}</span>
        </Paragraph>
        <ButtonGroup>
          <Button onClick={onNext}>{t('parent.read.next')}</Button>
        </ButtonGroup>
      </div>
    </>
  );
}
