import { Alert, Paragraph, Section, StatusBadge } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { fieldOf, findingsCount, SECTION_ORDER, type SectionName, sectionOf } from './labels';
import type { DossierOverview, Finding } from './types';

/**
 * The findings of the current version in plain words, grouped by the part of the dossier their path
 * points to (school, pupil, advice, …), errors first; the rule id and line only as a detail. Those
 * that only say the parents have not inspected this version yet (inspectionFindings) come apart, as
 * the open step they are — not as errors for the school to fix.
 */
export function FindingsSection({ dossier, mayWrite }: { dossier: DossierOverview; mayWrite: boolean }) {
  const { t, pick } = useT();
  const groups = new Map<SectionName, Finding[]>();
  for (const f of dossier.findings) {
    const section = sectionOf(f);
    groups.set(section, [...(groups.get(section) ?? []), f]);
  }
  const ordered = SECTION_ORDER.filter((s) => groups.has(s));
  return (
    <Section title={t('po.findings.title')}>
      <Paragraph>{t('po.findings.intro')}</Paragraph>
      {dossier.findings.length === 0 ? (
        <Alert type="ok">
          <Paragraph>
            {dossier.inspectionFindings.length > 0 ? t('po.findings.noneOwn') : t('po.findings.none')}
          </Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>
            <strong>{findingsCount(t, dossier)}</strong>
          </Paragraph>
          {ordered.map((section) => {
            const list = [...(groups.get(section) ?? [])].sort(
              (a, b) => Number(b.severity === 'fout') - Number(a.severity === 'fout'),
            );
            return (
              <div key={section} className="ovs-po-finding-group">
                <h3 className="utrecht-heading-3">{t(`po.section.${section}` as MessageKey)}</h3>
                <ul className="ovs-po-findings">
                  {list.map((f) => {
                    const field = fieldOf(t, f);
                    return (
                      <li
                        key={`${f.rule}-${f.path}-${f.line}`}
                        className={`ovs-po-finding ovs-po-finding--${f.severity}`}
                      >
                        <StatusBadge tone={f.severity === 'fout' ? 'error' : 'warning'}>
                          {f.severity === 'fout' ? t('po.findings.fout') : t('po.findings.waarschuwing')}
                        </StatusBadge>{' '}
                        {field ? <strong>{field}: </strong> : null}
                        {pick(f.message)}
                        <span className="ovs-po-finding__detail">
                          {t('po.findings.detail', { rule: f.rule, line: f.line })}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
          {dossier.errorCount > 0 ? (
            <Paragraph>{mayWrite ? t('po.findings.fixHint') : t('po.findings.fixHintReadOnly')}</Paragraph>
          ) : null}
        </>
      )}
      {dossier.inspectionFindings.length > 0 ? (
        <div className="ovs-po-finding-group">
          <h3 className="utrecht-heading-3">{t('po.findings.inspectionTitle')}</h3>
          <Paragraph>{t('po.findings.inspectionText')}</Paragraph>
          <ul className="ovs-po-findings">
            {dossier.inspectionFindings.map((f) => (
              <li key={`${f.rule}-${f.path}-${f.line}`} className="ovs-po-finding ovs-po-finding--inzage">
                <StatusBadge tone="info">{t('po.findings.inspectionBadge')}</StatusBadge> {pick(f.message)}
                <span className="ovs-po-finding__detail">
                  {t('po.findings.detail', { rule: f.rule, line: f.line })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
}
