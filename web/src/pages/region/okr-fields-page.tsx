import { type FormEvent, useId, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  Checkbox,
  ErrorSummary,
  Heading,
  Paragraph,
  RadioGroup,
} from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { formatDay } from './format';
import { CoverageBadge, CoverageSummary, OkrNav } from './okr-page';
import {
  bySection,
  type Coverage,
  type ElementRef,
  elementName,
  type OkrField,
  type OkrView,
  type OsoElementCatalogue,
  okrApi,
  okrBase,
  SURE_SCORE,
  type Suggestion,
} from './okr-types';
import { Notice } from './ui';

/**
 * /regio/:regionId/okr — every field of the region's OKR with what Overstap suggests it is in the
 * OSO gegevensset and why; the coordinator confirms, corrects (other elements, or "not in OSO")
 * or takes over all sure suggestions at once.
 */
export function OkrFieldsPage({ regionId }: { regionId: string }) {
  const { t, language } = useT();
  const okr = useResource<OkrView>(okrApi(regionId));
  const [notice, setNotice] = useState<{ text: string; key: string }>();
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [bulkError, setBulkError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const data = okr.data;
  const sure = data?.fields.filter(
    (f) => f.mapping === 'open' && (f.suggestions[0]?.score ?? 0) >= SURE_SCORE,
  ).length;

  const confirmSure = async () => {
    setBusy(true);
    setBulkError(undefined);
    try {
      const answer = await api.post<{ confirmed: number }>(`${okrApi(regionId)}/confirm-suggestions`, {});
      setNotice({ text: t('region.okr.fields.bulkDone', { count: answer.confirmed }), key: `${Date.now()}` });
      await okr.reload();
    } catch (e) {
      setBulkError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  const shown = (data?.fields ?? []).filter((f) => !onlyOpen || f.mapping === 'open');
  return (
    <>
      <Heading level={1}>{t('region.okr.title')}</Heading>
      <Paragraph lead>{t('region.okr.intro')}</Paragraph>
      <OkrNav regionId={regionId} />
      {notice ? <Notice title={notice.text} focusKey={notice.key} /> : null}
      {okr.error ? <ErrorMessage error={okr.error} onRetry={() => void okr.reload()} /> : null}
      {okr.loading && !data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {data && data.fields.length === 0 ? (
        <section className="ovs-okr-empty" aria-labelledby="okr-empty">
          <Heading level={2} id="okr-empty">
            {t('region.okr.fields.emptyTitle')}
          </Heading>
          <Paragraph>{t('region.okr.fields.empty')}</Paragraph>
          <ButtonLink kind="primary" to={`${okrBase(regionId)}/velden`}>
            {t('region.okr.fields.toUpload')}
          </ButtonLink>
        </section>
      ) : null}
      {data && data.fields.length > 0 ? (
        <>
          <CoverageSummary okr={data} />
          {data.source ? (
            <Paragraph>
              {data.source.fileName
                ? t('region.okr.fields.source', {
                    file: data.source.fileName,
                    date: formatDay(data.source.updatedAt.slice(0, 10), language),
                  })
                : t('region.okr.fields.sourceForm', {
                    date: formatDay(data.source.updatedAt.slice(0, 10), language),
                  })}
            </Paragraph>
          ) : null}
          <div className="ovs-okr-toolbar">
            {sure && sure > 0 ? (
              <div>
                <Paragraph>{t('region.okr.fields.bulkText', { count: sure })}</Paragraph>
                <Button kind="secondary" busy={busy} onClick={() => void confirmSure()}>
                  {t('region.okr.fields.bulk', { count: sure })}
                </Button>
              </div>
            ) : null}
            {data.summary.open > 0 || onlyOpen ? (
              <Checkbox
                label={t('region.okr.fields.onlyOpen', { count: data.summary.open })}
                checked={onlyOpen}
                onChange={(e) => setOnlyOpen(e.target.checked)}
              />
            ) : (
              <Paragraph>{t('region.okr.fields.allDecided')}</Paragraph>
            )}
          </div>
          {bulkError ? <ErrorMessage error={bulkError} /> : null}
          {shown.length === 0 && onlyOpen ? <Paragraph>{t('region.okr.fields.allDecided')}</Paragraph> : null}
          {bySection(shown).map((group) => (
            <section
              key={group.section ?? ''}
              className="ovs-okr-group"
              aria-labelledby={`okr-section-${group.fields[0].id}`}
            >
              <Heading level={2} id={`okr-section-${group.fields[0].id}`}>
                {group.section ?? t('region.okr.noSection')}
              </Heading>
              <ol className="ovs-okr-fields">
                {group.fields.map((field) => (
                  <li key={field.id}>
                    <FieldCard
                      regionId={regionId}
                      field={field}
                      onChanged={(text) => {
                        setNotice({ text, key: `${Date.now()}` });
                        void okr.reload();
                      }}
                    />
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}

/** How sure a suggestion is, in words. */
function sureness(score: number): 'high' | 'medium' | 'low' {
  if (score >= SURE_SCORE) return 'high';
  return score >= 0.6 ? 'medium' : 'low';
}

function SuggestionText({ suggestion }: { suggestion: Suggestion }) {
  const { t, language, pick } = useT();
  const r = suggestion.reason;
  const why =
    r.kind === 'synonym'
      ? t('region.okr.reason.synonym', { term: r.term })
      : r.kind === 'section'
        ? t('region.okr.reason.section', { term: r.term })
        : t('region.okr.reason.name', { label: r.label });
  return (
    <>
      {suggestion.notInOso ? (
        <strong>{t('region.okr.notInOso')}</strong>
      ) : (
        <strong>{suggestion.elements.map((e) => elementName(e, language)).join(' + ')}</strong>
      )}{' '}
      <span className="ovs-muted">
        ({why}; {t(`region.okr.sure.${sureness(suggestion.score)}` as MessageKey)})
      </span>
      {suggestion.notInOso && suggestion.nearest.length > 0 ? (
        <span className="ovs-okr-note">
          {t('region.okr.nearest', {
            elements: suggestion.nearest.map((e) => elementName(e, language)).join(', '),
          })}
        </span>
      ) : null}
      {suggestion.note ? <span className="ovs-okr-note">{pick(suggestion.note)}</span> : null}
    </>
  );
}

/**
 * What a field's elements are, and how each travels — said only where it differs from the field's
 * coverage (the badge or the heading already says that).
 */
export function ElementList({ elements, coverage }: { elements: ElementRef[]; coverage?: Coverage }) {
  const { t, language } = useT();
  return (
    <ul className="ovs-okr-elements">
      {elements.map((e) => (
        <li key={e.path}>
          <span className="ovs-okr-element">{elementName(e, language)}</span>
          {e.categoryLabel ? (
            <span className="ovs-muted">
              {' '}
              · {t('region.okr.category', { category: e.categoryLabel[language] })}
            </span>
          ) : null}
          {e.travel !== coverage ? (
            <span className="ovs-okr-travel"> {t(`region.okr.travel.${e.travel}` as MessageKey)}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function FieldCard({
  regionId,
  field,
  onChanged,
}: {
  regionId: string;
  field: OkrField;
  onChanged(text: string): void;
}) {
  const { t, pick } = useT();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const first = field.suggestions[0];
  const others = field.suggestions.slice(1);

  const decide = async (
    decision: { mapping: 'oso'; elements: string[] } | { mapping: 'not_in_oso' } | { mapping: 'open' },
    done: string,
  ) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.put(`${okrApi(regionId)}/fields/${seg(field.id)}/mapping`, decision);
      setEditing(false);
      onChanged(done);
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  const confirm = (s: Suggestion) =>
    void decide(
      s.notInOso ? { mapping: 'not_in_oso' } : { mapping: 'oso', elements: s.elements.map((e) => e.path) },
      t('region.okr.fields.confirmed', { name: field.name }),
    );

  return (
    <article className={`ovs-okr-field ovs-okr-field--${field.mapping}`} aria-labelledby={headingId}>
      <div className="ovs-okr-field__head">
        <Heading level={3} id={headingId}>
          {field.name}
        </Heading>
        <CoverageBadge coverage={field.coverage} />
      </div>
      {field.description ? <p className="utrecht-paragraph ovs-muted">{field.description}</p> : null}

      {field.mapping === 'open' ? (
        first ? (
          <>
            <p className="utrecht-paragraph">
              {t('region.okr.fields.suggestion')} <SuggestionText suggestion={first} />
            </p>
            {others.length > 0 ? (
              <div className="ovs-okr-others">
                <p className="utrecht-paragraph">{t('region.okr.fields.others')}</p>
                <ul>
                  {others.map((s) => (
                    <li key={s.notInOso ? 'not' : s.elements.map((e) => e.path).join('+')}>
                      <SuggestionText suggestion={s} />{' '}
                      <Button kind="subtle" disabled={busy} onClick={() => confirm(s)}>
                        {t('region.okr.fields.choose')}
                        <span className="ovs-visually-hidden">
                          {' '}
                          {t('region.okr.fields.forField', { name: field.name })}
                        </span>
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ) : (
          <p className="utrecht-paragraph">{t('region.okr.fields.noSuggestion')}</p>
        )
      ) : field.mapping === 'oso' ? (
        <div className="ovs-okr-mapped">
          <span className="ovs-okr-mapped__label">{t('region.okr.fields.mappedTo')}</span>
          <ElementList elements={field.elements} coverage={field.coverage} />
        </div>
      ) : (
        <p className="utrecht-paragraph">{t('region.okr.fields.inAddendum')}</p>
      )}

      {error ? (
        <Alert type="error">
          <Paragraph>{pick(error.serverMessage)}</Paragraph>
        </Alert>
      ) : null}

      {editing ? (
        <MappingEditor
          regionId={regionId}
          field={field}
          busy={busy}
          onCancel={() => setEditing(false)}
          onSave={(decision) => void decide(decision, t('region.okr.fields.corrected', { name: field.name }))}
        />
      ) : (
        <div className={`ovs-okr-actions${field.mapping === 'open' ? '' : ' ovs-okr-actions--compact'}`}>
          {field.mapping === 'open' && first ? (
            <Button kind="primary" busy={busy} onClick={() => confirm(first)}>
              {t('region.okr.fields.confirm')}
              <span className="ovs-visually-hidden">
                {' '}
                {t('region.okr.fields.forField', { name: field.name })}
              </span>
            </Button>
          ) : null}
          <Button kind="secondary" disabled={busy} onClick={() => setEditing(true)}>
            {field.mapping === 'open' ? t('region.okr.fields.correct') : t('region.okr.fields.change')}
            <span className="ovs-visually-hidden">
              {' '}
              {t('region.okr.fields.forField', { name: field.name })}
            </span>
          </Button>
          {field.mapping === 'open' && !first?.notInOso ? (
            <Button
              kind="subtle"
              disabled={busy}
              onClick={() =>
                void decide(
                  { mapping: 'not_in_oso' },
                  t('region.okr.fields.markedNotInOso', { name: field.name }),
                )
              }
            >
              {t('region.okr.fields.notInOso')}
              <span className="ovs-visually-hidden">
                {' '}
                {t('region.okr.fields.forField', { name: field.name })}
              </span>
            </Button>
          ) : null}
          {field.mapping !== 'open' ? (
            <Button
              kind="subtle"
              disabled={busy}
              onClick={() =>
                void decide({ mapping: 'open' }, t('region.okr.fields.reopened', { name: field.name }))
              }
            >
              {t('region.okr.fields.reopen')}
              <span className="ovs-visually-hidden">
                {' '}
                {t('region.okr.fields.forField', { name: field.name })}
              </span>
            </Button>
          ) : null}
        </div>
      )}
    </article>
  );
}

const MAX_PICKS = 3;

/** Correcting a field: elements of the gegevensset (up to three), or "not in OSO". */
function MappingEditor({
  regionId,
  field,
  busy,
  onCancel,
  onSave,
}: {
  regionId: string;
  field: OkrField;
  busy: boolean;
  onCancel(): void;
  onSave(decision: { mapping: 'oso'; elements: string[] } | { mapping: 'not_in_oso' }): void;
}) {
  const { t, language } = useT();
  const id = useId();
  const catalogue = useResource<OsoElementCatalogue>(`${okrApi(regionId)}/elements`);
  const initial =
    field.mapping === 'oso'
      ? field.elements.map((e) => e.path)
      : (field.suggestions.find((s) => !s.notInOso)?.elements.map((e) => e.path) ?? []);
  const [kind, setKind] = useState<'oso' | 'not_in_oso'>(
    field.mapping === 'not_in_oso' || (field.mapping === 'open' && field.suggestions[0]?.notInOso)
      ? 'not_in_oso'
      : 'oso',
  );
  const [picks, setPicks] = useState<string[]>(initial.length > 0 ? initial.slice(0, MAX_PICKS) : ['']);
  const [problem, setProblem] = useState<string>();
  const firstSelect = `${id}-element-0`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'not_in_oso') return onSave({ mapping: 'not_in_oso' });
    const chosen = [...new Set(picks.filter((p) => p !== ''))];
    if (chosen.length === 0) {
      setProblem(t('region.okr.editor.pickOne'));
      return;
    }
    setProblem(undefined);
    onSave({ mapping: 'oso', elements: chosen });
  };

  return (
    <form className="ovs-okr-editor" onSubmit={submit} noValidate>
      <ErrorSummary
        title={t('form.errorSummary')}
        errors={problem ? [{ fieldId: firstSelect, message: problem }] : []}
      />
      <RadioGroup
        legend={t('region.okr.editor.legend', { name: field.name })}
        name={`${id}-kind`}
        idPrefix={`${id}-kind`}
        value={kind}
        onChange={(v) => setKind(v as 'oso' | 'not_in_oso')}
        options={[
          { value: 'oso', label: t('region.okr.editor.oso') },
          { value: 'not_in_oso', label: t('region.okr.editor.notInOso') },
        ]}
      />
      {kind === 'oso' ? (
        <>
          {catalogue.error ? (
            <ErrorMessage error={catalogue.error} onRetry={() => void catalogue.reload()} />
          ) : null}
          {picks.map((value, index) => {
            const selectId = `${id}-element-${index}`;
            return (
              <div
                key={selectId}
                className={`utrecht-form-field utrecht-form-field--text${problem && index === 0 ? ' utrecht-form-field--invalid' : ''}`}
              >
                <div className="utrecht-form-field__label">
                  <label className="utrecht-form-label" htmlFor={selectId}>
                    {index === 0
                      ? t('region.okr.editor.element')
                      : t('region.okr.editor.elementMore', { n: index + 1 })}
                  </label>
                </div>
                {problem && index === 0 ? (
                  <div className="utrecht-form-field-error-message" id={`${selectId}-e`}>
                    {problem}
                  </div>
                ) : null}
                <div className="utrecht-form-field__input">
                  <select
                    id={selectId}
                    className="utrecht-select utrecht-select--html-select ovs-okr-select"
                    value={value}
                    aria-invalid={problem && index === 0 ? true : undefined}
                    aria-describedby={problem && index === 0 ? `${selectId}-e` : undefined}
                    onChange={(e) => setPicks(picks.map((p, i) => (i === index ? e.target.value : p)))}
                  >
                    <option value="">{t('region.okr.editor.choose')}</option>
                    {(catalogue.data?.categories ?? []).map((c) => (
                      <optgroup key={c.category} label={c.label[language]}>
                        {c.elements.map((e) => (
                          <option key={e.path} value={e.path}>
                            {elementName(e, language)}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </div>
              </div>
            );
          })}
          {picks.length < MAX_PICKS ? (
            <Button kind="subtle" onClick={() => setPicks([...picks, ''])}>
              {t('region.okr.editor.addElement')}
            </Button>
          ) : null}
        </>
      ) : (
        <Paragraph>{t('region.okr.editor.notInOsoText')}</Paragraph>
      )}
      <ButtonGroup>
        <Button type="submit" kind="primary" busy={busy}>
          {t('region.okr.editor.save')}
        </Button>
        <Button kind="secondary" disabled={busy} onClick={onCancel}>
          {t('action.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
