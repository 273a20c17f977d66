import { useNavigate } from 'react-router';
import { api, seg } from '../../api';
import { Heading, Link, Paragraph, Section } from '../../components';
import { useT } from '../../i18n';
import { emptySchool, SchoolForm, schoolBody } from './school-form';
import type { School } from './types';

/** /servicedesk/scholen/nieuw — register a school with the traffic center (not admitted yet). */
export function NewSchoolPage() {
  const { t } = useT();
  const navigate = useNavigate();
  return (
    <>
      <Paragraph>
        <Link to="/servicedesk/scholen">{t('sd.back.schools')}</Link>
      </Paragraph>
      <Heading level={1}>{t('sd.newSchool.title')}</Heading>
      <Paragraph lead>{t('sd.newSchool.intro')}</Paragraph>
      <Section title={t('sd.newSchool.details')}>
        <SchoolForm
          idPrefix="new-school"
          initial={emptySchool}
          submitLabel={t('sd.newSchool.submit')}
          onSubmit={async (values) => {
            const school = await api.post<School>('/api/tc/schools', {
              brin: values.brin,
              ...schoolBody(values),
            });
            navigate(`/servicedesk/scholen/${seg(school.brin)}`, {
              state: { notice: t('sd.newSchool.done', { name: school.name }) },
            });
          }}
        />
      </Section>
    </>
  );
}
