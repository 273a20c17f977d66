import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, seg } from '../../api';
import {
  Button,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  Section,
  SelectField,
  Table,
} from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { StateBadge, useRoleName } from './evaluation-page';
import {
  EVALUATION_ROLES,
  type EvaluationListItem,
  type EvaluationRole,
  type EvaluationView,
  evaluationsApi,
  evaluationsBase,
} from './evaluation-types';
import { schoolYearOf, today } from './format';

/** The school years to evaluate: this one and the two before it. */
function yearChoices(): string[] {
  const start = Number(schoolYearOf(today()).slice(0, 4));
  return [0, -1, -2].map((n) => `${start + n}-${start + n + 1}`);
}

/** /regio/:regionId/evaluatie — the region's evaluations, and a new one. */
export function EvaluationListPage({ regionId }: { regionId: string }) {
  const { t } = useT();
  const list = useResource<EvaluationListItem[]>(evaluationsApi(regionId));
  const roleName = useRoleName();
  return (
    <>
      <Heading level={1}>{t('region.evaluation.heading')}</Heading>
      <Paragraph lead>{t('region.evaluation.intro')}</Paragraph>
      <Section title={t('region.evaluation.list.title')}>
        {list.error ? <ErrorMessage error={list.error} onRetry={() => void list.reload()} /> : null}
        {list.loading && !list.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
        {list.data && list.data.length === 0 ? (
          <Paragraph>{t('region.evaluation.list.none')}</Paragraph>
        ) : null}
        {list.data && list.data.length > 0 ? (
          <Table
            caption={t('region.evaluation.list.caption')}
            rowKey={(e) => e.id}
            rows={list.data}
            columns={[
              { key: 'year', header: t('region.evaluation.col.schoolYear'), cell: (e) => e.schoolYear },
              {
                key: 'state',
                header: t('region.evaluation.col.state'),
                cell: (e) => <StateBadge state={e.state} />,
              },
              {
                key: 'roles',
                header: t('region.evaluation.col.roles'),
                cell: (e) => e.roles.map(roleName).join(', '),
              },
              {
                key: 'responses',
                header: t('region.evaluation.col.responses'),
                numeric: true,
                cell: (e) => e.responses,
              },
              {
                key: 'open',
                header: t('region.evaluation.col.open'),
                cell: (e) => (
                  <Link to={`${evaluationsBase(regionId)}/${seg(e.id)}`}>
                    {t('region.evaluation.open', { schoolYear: e.schoolYear })}
                  </Link>
                ),
              },
            ]}
          />
        ) : null}
      </Section>
      <CreateForm regionId={regionId} taken={(list.data ?? []).map((e) => e.schoolYear)} />
    </>
  );
}

function CreateForm({ regionId, taken }: { regionId: string; taken: string[] }) {
  const { t, pick } = useT();
  const navigate = useNavigate();
  const id = useId();
  const choices = yearChoices();
  const [year, setYear] = useState(() => choices.find((c) => !taken.includes(c)) ?? choices[0]);
  const [roles, setRoles] = useState<EvaluationRole[]>([...EVALUATION_ROLES]);
  const [problem, setProblem] = useState<{ text: string; fieldId?: string }>();
  const [busy, setBusy] = useState(false);
  const roleName = useRoleName();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (roles.length === 0) {
      setProblem({
        text: t('region.evaluation.create.noRoles'),
        fieldId: `${id}-role-${EVALUATION_ROLES[0]}`,
      });
      return;
    }
    setBusy(true);
    try {
      const made = await api.post<EvaluationView>(evaluationsApi(regionId), { schoolYear: year, roles });
      navigate(`${evaluationsBase(regionId)}/${seg(made.id)}`);
    } catch (e) {
      setProblem({
        text: e instanceof ApiError ? pick(e.serverMessage) : t('state.error'),
        fieldId: `${id}-year`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('region.evaluation.create.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate className="ovs-evaluation-create">
        <ErrorSummary
          title={t('region.evaluation.create.errorTitle')}
          errors={problem ? [{ fieldId: problem.fieldId, message: problem.text }] : []}
        />
        <SelectField
          id={`${id}-year`}
          label={t('region.evaluation.create.schoolYear')}
          description={t('region.evaluation.create.schoolYearHint')}
          value={year}
          onChange={(e) => setYear(e.target.value)}
          options={choices.map((c) => ({ value: c, label: c }))}
        />
        <fieldset
          className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced"
          aria-describedby={`${id}-roles-hint`}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('region.evaluation.create.roles')}
          </legend>
          <div className="utrecht-form-field-description" id={`${id}-roles-hint`}>
            {t('region.evaluation.create.rolesHint')}
          </div>
          {EVALUATION_ROLES.map((role) => (
            <div key={role} className="utrecht-form-field utrecht-form-field--checkbox">
              <div className="utrecht-form-field__input">
                <input
                  type="checkbox"
                  id={`${id}-role-${role}`}
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                  checked={roles.includes(role)}
                  onChange={(e) =>
                    setRoles(
                      e.target.checked
                        ? EVALUATION_ROLES.filter((r) => r === role || roles.includes(r))
                        : roles.filter((r) => r !== role),
                    )
                  }
                />
              </div>
              <div className="utrecht-form-field__label">
                <label
                  className="utrecht-form-label utrecht-form-label--checkbox"
                  htmlFor={`${id}-role-${role}`}
                >
                  {roleName(role)}{' '}
                  <span className="ovs-muted">— {t(`region.evaluation.roleHint.${role}` as MessageKey)}</span>
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <Button type="submit" busy={busy}>
          {t('region.evaluation.create.submit')}
        </Button>
      </form>
    </Section>
  );
}
