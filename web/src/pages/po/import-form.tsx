import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError, api, type ServerMessage, seg } from '../../api';
import { Alert, Button, ErrorSummary, FileField, Paragraph } from '../../components';
import { useT } from '../../i18n';
import type { SavedDossier } from './types';

interface Problem {
  line?: number;
  column?: number;
  message?: ServerMessage;
}

/** The problems a refused XML carries (DOSSIER_INVALID: schema findings or the reader's problems). */
function problemsOf(error: ApiError): Problem[] {
  const list = (error.details.findings ?? error.details.problems) as unknown;
  return Array.isArray(list) ? (list as Problem[]).slice(0, 10) : [];
}

/**
 * Reads an OSO XML file from the school's administration (LAS): a new dossier (or a new version of a
 * pupil's dossier this year) from the worklist, or a new version of this dossier from its page.
 */
export function ImportForm({
  brin,
  dossierId,
  onImported,
}: {
  brin: string;
  /** When set: a new version of this dossier (refused when the file is about another pupil). */
  dossierId?: string;
  onImported(saved: SavedDossier, fileName: string): void;
}) {
  const { t, pick } = useT();
  const id = useId();
  const fileId = `${id}-file`;
  const input = useRef<HTMLInputElement>(null);
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const file = input.current?.files?.[0];
    if (!file) return setFieldError(t('po.import.noFile'));
    if (!/\.xml$/i.test(file.name) && !file.type.includes('xml')) return setFieldError(t('po.import.notXml'));
    setFieldError(undefined);
    setBusy(true);
    try {
      const saved = dossierId
        ? await api.put<SavedDossier>(`/api/gw/schools/${seg(brin)}/dossiers/${seg(dossierId)}`, file, {
            headers: { 'content-type': 'application/xml' },
          })
        : await api.postXml<SavedDossier>(`/api/gw/schools/${seg(brin)}/dossiers`, file);
      if (input.current) input.current.value = '';
      onImported(saved, file.name);
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  const problems = error ? problemsOf(error) : [];
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary
        title={t('form.errorSummary')}
        errors={fieldError ? [{ fieldId: fileId, message: fieldError }] : []}
      />
      <FileField
        inputRef={input}
        id={fileId}
        label={t('po.import.file')}
        description={t('po.import.fileHint')}
        error={fieldError || undefined}
        accept=".xml,application/xml,text/xml"
        className="ovs-po-file"
      />
      {error ? (
        <Alert type="error">
          <Paragraph>{t('po.import.refused')}</Paragraph>
          <Paragraph>{pick(error.serverMessage)}</Paragraph>
          {problems.length > 0 ? (
            <ul className="utrecht-unordered-list">
              {problems.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from one answer
                <li key={i}>
                  {p.line ? t('po.import.atLine', { line: p.line }) : null}
                  {p.message ? pick(p.message) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <Button type="submit" busy={busy}>
        {busy ? t('po.import.busy') : dossierId ? t('po.import.submitVersion') : t('po.import.submit')}
      </Button>
    </form>
  );
}
