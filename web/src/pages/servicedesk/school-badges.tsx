import { StatusBadge } from '../../components';
import { useT } from '../../i18n';
import { dutchDay, formatDate } from './format';
import type { Admission } from './types';

/** Whether a school may exchange today, in words: admitted, qualified from a later day, ended, or not. */
export function AdmissionBadge({
  admission,
}: {
  admission: Pick<Admission, 'qualified' | 'qualifiedFrom' | 'qualifiedUntil' | 'admittedToday'>;
}) {
  const { t, language } = useT();
  if (admission.admittedToday) return <StatusBadge tone="ok">{t('sd.admission.admitted')}</StatusBadge>;
  if (admission.qualified && admission.qualifiedFrom && admission.qualifiedFrom > dutchDay()) {
    return (
      <StatusBadge tone="info">
        {t('sd.admission.from', { date: formatDate(admission.qualifiedFrom, language) })}
      </StatusBadge>
    );
  }
  if (admission.qualified && admission.qualifiedUntil) {
    return (
      <StatusBadge tone="warning">
        {t('sd.admission.ended', { date: formatDate(admission.qualifiedUntil, language) })}
      </StatusBadge>
    );
  }
  return <StatusBadge tone="neutral">{t('sd.admission.notAdmitted')}</StatusBadge>;
}
