import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorSummary,
  FileField,
  Heading,
  Link,
  Paragraph,
  Section,
  Table,
  TextArea,
  TextField,
} from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { OkrNav } from './okr-page';
import {
  type FileProblem,
  type OkrField,
  type OkrImported,
  type OkrView,
  okrApi,
  okrBase,
} from './okr-types';
import { Notice } from './ui';

const MAX_BYTES = 2 * 1024 * 1024;
const TEMPLATE =
  '\uFEFFveldnaam;sectie;omschrijving\r\nSchooladvies;Advies;Definitief schooladvies\r\nWerkhouding;Ontwikkeling;Taakgerichtheid, concentratie en zelfstandigheid\r\n';

/** The file as base64 (what the API takes inside JSON). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * /regio/:regionId/okr/velden — the region delivers its OKR: a CSV or Excel file (all or nothing,
 * every problem per row), or one field at a time; and removes fields it no longer has.
 */
export function OkrUploadPage({ regionId }: { regionId: string }) {
  const { t } = useT();
  const okr = useResource<OkrView>(okrApi(regionId));
  const [notice, setNotice] = useState<{ text: string; key: string; extra?: string }>();
  const changed = (text: string, extra?: string) => {
    setNotice({ text, key: `${Date.now()}`, extra });
    void okr.reload();
  };
  return (
    <>
      <Heading level={1}>{t('region.okr.upload.title')}</Heading>
      <Paragraph lead>{t('region.okr.upload.intro')}</Paragraph>
      <OkrNav regionId={regionId} />
      {notice ? (
        <Notice title={notice.text} focusKey={notice.key}>
          {notice.extra ? <Paragraph>{notice.extra}</Paragraph> : null}
          <Paragraph>
            <Link to={okrBase(regionId)}>{t('region.okr.upload.toFields')}</Link>
          </Paragraph>
        </Notice>
      ) : null}
      {okr.error ? <ErrorMessage error={okr.error} onRetry={() => void okr.reload()} /> : null}
      <UploadForm regionId={regionId} hasFields={(okr.data?.fields.length ?? 0) > 0} onDone={changed} />
      <AddFieldForm regionId={regionId} onDone={changed} />
      {okr.data && okr.data.fields.length > 0 ? (
        <FieldTable regionId={regionId} fields={okr.data.fields} onRemoved={changed} />
      ) : null}
    </>
  );
}

function UploadForm({
  regionId,
  hasFields,
  onDone,
}: {
  regionId: string;
  hasFields: boolean;
  onDone(text: string, extra?: string): void;
}) {
  const { t, pick } = useT();
  const id = useId();
  const fileId = `${id}-file`;
  const input = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string>();
  const [problems, setProblems] = useState<FileProblem[]>([]);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setProblems([]);
    const file = input.current?.files?.[0];
    const extension = file?.name.split('.').pop()?.toLowerCase() ?? '';
    const problem = !file
      ? t('region.okr.upload.noFile')
      : !['csv', 'txt', 'xlsx'].includes(extension)
        ? t('region.okr.upload.type')
        : file.size > MAX_BYTES
          ? t('region.okr.upload.tooLarge')
          : file.size === 0
            ? t('region.okr.upload.emptyFile')
            : undefined;
    setFileError(problem);
    if (problem || !file) return;
    setBusy(true);
    try {
      const answer = await api.post<OkrImported>(`${okrApi(regionId)}/upload`, {
        fileName: file.name,
        contentBase64: await readBase64(file),
      });
      if (input.current) input.current.value = '';
      const extra = [
        answer.kept > 0 ? t('region.okr.upload.kept', { count: answer.kept }) : '',
        answer.ignoredColumns.length > 0
          ? t('region.okr.upload.ignored', { columns: answer.ignoredColumns.join(', ') })
          : '',
      ]
        .filter(Boolean)
        .join(' ');
      onDone(
        t('region.okr.upload.done', { count: answer.okr.fields.length, file: file.name }),
        extra || undefined,
      );
    } catch (e) {
      if (e instanceof ApiError && e.code === 'OKR_FILE_INVALID') {
        setProblems((e.details.problems as FileProblem[] | undefined) ?? []);
      }
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  const where = (p: FileProblem) => {
    const column = p.column ? t(`region.okr.column.${p.column}` as MessageKey).toLowerCase() : '';
    if (p.line === null) return '';
    return column
      ? t('region.okr.upload.lineColumn', { line: p.line, column })
      : t('region.okr.upload.line', { line: p.line });
  };

  return (
    <Section title={t('region.okr.upload.fileTitle')}>
      <Paragraph>{t('region.okr.upload.fileIntro')}</Paragraph>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">{t('region.okr.upload.col1')}</li>
        <li className="utrecht-unordered-list__item">{t('region.okr.upload.col2')}</li>
        <li className="utrecht-unordered-list__item">{t('region.okr.upload.col3')}</li>
      </ul>
      <Paragraph>
        <a
          className="utrecht-link"
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`}
          download="okr-sjabloon.csv"
        >
          {t('region.okr.upload.template')}
        </a>
      </Paragraph>
      {hasFields ? (
        <Alert type="warning">
          <Paragraph>{t('region.okr.upload.replaces')}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary
          title={t('form.errorSummary')}
          errors={fileError ? [{ fieldId: fileId, message: fileError }] : []}
        />
        <FileField
          inputRef={input}
          id={fileId}
          label={t('region.okr.upload.file')}
          description={t('region.okr.upload.fileHint')}
          error={fileError || undefined}
          accept={
            '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          }
          className="ovs-okr-file"
        />
        <Button type="submit" busy={busy}>
          {t('region.okr.upload.submit')}
        </Button>
      </form>
      {error ? (
        <div className="ovs-okr-problems">
          <Alert type="error">
            <Paragraph>{pick(error.serverMessage)}</Paragraph>
            {problems.length > 0 ? (
              <ul className="utrecht-unordered-list">
                {problems.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the server's list, in its order
                  <li key={i} className="utrecht-unordered-list__item">
                    {where(p) ? <strong>{where(p)}: </strong> : null}
                    {pick(p.message)}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        </div>
      ) : null}
    </Section>
  );
}

type Column = 'name' | 'section' | 'description';

function AddFieldForm({ regionId, onDone }: { regionId: string; onDone(text: string): void }) {
  const { t, pick } = useT();
  const id = useId();
  const [values, setValues] = useState<Record<Column, string>>({ name: '', section: '', description: '' });
  const [errors, setErrors] = useState<Partial<Record<Column, string>>>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const fieldId = (c: Column) => `${id}-${c}`;
  const set = (c: Column) => (e: { target: { value: string } }) =>
    setValues({ ...values, [c]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (values.name.trim() === '') {
      setErrors({ name: t('region.okr.add.nameMissing') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const added = await api.post<OkrField>(`${okrApi(regionId)}/fields`, {
        name: values.name,
        section: values.section.trim() || null,
        description: values.description.trim() || null,
      });
      setValues({ name: '', section: values.section, description: '' });
      onDone(t('region.okr.add.done', { name: added.name }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'OKR_FIELD_INVALID') {
        const problems =
          (e.details.problems as Array<{ column: Column | null; message: { nl: string; en: string } }>) ?? [];
        const next: Partial<Record<Column, string>> = {};
        for (const p of problems) if (p.column) next[p.column] = pick(p.message);
        setErrors(next);
      } else if (e instanceof ApiError && e.code === 'OKR_FIELD_EXISTS') {
        setErrors({ name: pick(e.serverMessage) });
      } else {
        setError(e instanceof ApiError ? e : undefined);
      }
    } finally {
      setBusy(false);
    }
  };

  const summary = (Object.keys(errors) as Column[])
    .filter((c) => errors[c])
    .map((c) => ({ fieldId: fieldId(c), message: errors[c] as string }));
  return (
    <Section title={t('region.okr.add.title')}>
      <Paragraph>{t('region.okr.add.intro')}</Paragraph>
      <form onSubmit={(e) => void submit(e)} noValidate className="ovs-okr-add">
        <ErrorSummary title={t('form.errorSummary')} errors={summary} />
        <TextField
          id={fieldId('name')}
          label={t('region.okr.add.name')}
          description={t('region.okr.add.nameHint')}
          required
          maxLength={200}
          value={values.name}
          error={errors.name}
          onChange={set('name')}
        />
        <TextField
          id={fieldId('section')}
          label={t('region.okr.add.section')}
          description={t('region.okr.add.sectionHint')}
          maxLength={200}
          value={values.section}
          error={errors.section}
          onChange={set('section')}
        />
        <TextArea
          id={fieldId('description')}
          label={t('region.okr.add.description')}
          rows={3}
          maxLength={1000}
          value={values.description}
          error={errors.description}
          onChange={set('description')}
        />
        <Button type="submit" kind="secondary" busy={busy}>
          {t('region.okr.add.submit')}
        </Button>
        {error ? <ErrorMessage error={error} /> : null}
      </form>
    </Section>
  );
}

function FieldTable({
  regionId,
  fields,
  onRemoved,
}: {
  regionId: string;
  fields: OkrField[];
  onRemoved(text: string): void;
}) {
  const { t, pick } = useT();
  const [removing, setRemoving] = useState<OkrField>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const remove = async (field: OkrField) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.delete(`${okrApi(regionId)}/fields/${seg(field.id)}`);
      setRemoving(undefined);
      onRemoved(t('region.okr.remove.done', { name: field.name }));
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('region.okr.list.title', { count: fields.length })}>
      {removing ? (
        <div className="ovs-region-confirm" role="alert">
          <Paragraph>{t('region.okr.remove.confirm', { name: removing.name })}</Paragraph>
          <ButtonGroup>
            <Button kind="danger" busy={busy} onClick={() => void remove(removing)}>
              {t('region.okr.remove.go')}
            </Button>
            <Button kind="secondary" disabled={busy} onClick={() => setRemoving(undefined)}>
              {t('action.cancel')}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
      {error ? (
        <Alert type="error">
          <Paragraph>{pick(error.serverMessage)}</Paragraph>
        </Alert>
      ) : null}
      <Table
        caption={t('region.okr.list.caption')}
        rowKey={(f) => f.id}
        rows={fields}
        columns={[
          { key: 'position', header: t('region.okr.list.position'), cell: (f) => f.position, numeric: true },
          { key: 'name', header: t('region.okr.column.name'), cell: (f) => <strong>{f.name}</strong> },
          { key: 'section', header: t('region.okr.column.section'), cell: (f) => f.section ?? '—' },
          {
            key: 'remove',
            header: t('region.okr.list.actions'),
            cell: (f) => (
              <Button
                kind="subtle"
                className="ovs-region-remove"
                disabled={busy}
                onClick={() => setRemoving(f)}
              >
                {t('region.okr.remove.button')}
                <span className="ovs-visually-hidden"> {f.name}</span>
              </Button>
            ),
          },
        ]}
      />
    </Section>
  );
}
