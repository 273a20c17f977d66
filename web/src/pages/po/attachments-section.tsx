import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  ErrorSummary,
  FileField,
  Heading,
  Paragraph,
  Section,
  TextField,
} from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { formatSize } from './dates';
import type { AttachmentSummary, DossierOverview, SavedDossier } from './types';

const MAX_BYTES = 10 * 1024 * 1024;
const ALLOWED = [
  'pdf',
  'jpg',
  'jpeg',
  'png',
  'doc',
  'docx',
  'odf',
  'odt',
  'ods',
  'odp',
  'xls',
  'xlsx',
  'txt',
  'ppt',
  'pptx',
];

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
 * The dossier's attachments: the school's own (e.g. the regional OKR addendum), which it may add and
 * remove, and those that came with the administration's blocks. Each can be opened.
 */
export function AttachmentsSection({
  brin,
  dossier,
  mayWrite,
  onChanged,
}: {
  brin: string;
  dossier: DossierOverview;
  mayWrite: boolean;
  onChanged(saved: SavedDossier): void;
}) {
  const { t, pick, language } = useT();
  const id = useId();
  const fileId = `${id}-file`;
  const fileInput = useRef<HTMLInputElement>(null);
  const [omschrijving, setOmschrijving] = useState('');
  const [fileError, setFileError] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ text: string; version: number }>();
  const [removing, setRemoving] = useState<AttachmentSummary>();
  const base = `/api/gw/schools/${seg(brin)}/dossiers/${seg(dossier.dossierId)}`;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setDone(undefined);
    const file = fileInput.current?.files?.[0];
    const extension = file?.name.split('.').pop()?.toLowerCase() ?? '';
    const problem = !file
      ? t('po.attachments.error.noFile')
      : !ALLOWED.includes(extension)
        ? t('po.attachments.error.type')
        : file.size > MAX_BYTES
          ? t('po.attachments.error.tooLarge')
          : file.size === 0
            ? t('po.attachments.error.empty')
            : undefined;
    setFileError(problem);
    if (problem || !file) return;
    setBusy(true);
    try {
      const saved = await api.post<SavedDossier>(`${base}/attachments`, {
        version: dossier.version,
        fileName: file.name,
        ...(omschrijving.trim() ? { omschrijving: omschrijving.trim() } : {}),
        contentBase64: await readBase64(file),
      });
      setDone({
        text: t('po.attachments.added', { name: file.name, version: saved.version }),
        version: saved.version,
      });
      setOmschrijving('');
      if (fileInput.current) fileInput.current.value = '';
      onChanged(saved);
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (attachment: AttachmentSummary) => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.delete<SavedDossier>(
        `${base}/attachments/${attachment.position}?version=${dossier.version}`,
      );
      setRemoving(undefined);
      setDone({
        text: t('po.attachments.removed', { name: attachment.bestandsnaam, version: saved.version }),
        version: saved.version,
      });
      onChanged(saved);
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  const category = (c: string) => {
    const key = `po.category.${c}` as MessageKey;
    const text = t(key);
    return text === key ? c : text;
  };

  return (
    <Section title={t('po.attachments.title')}>
      <Paragraph>{t('po.attachments.intro')}</Paragraph>
      {mayWrite ? (
        <Paragraph>
          <ButtonLink to={`/school/${seg(brin)}/vertrek/${seg(dossier.dossierId)}/okr-addendum`}>
            {t('region.okr.poLink')}
          </ButtonLink>
        </Paragraph>
      ) : null}
      {dossier.attachments.length === 0 ? (
        <Paragraph>{t('po.attachments.none')}</Paragraph>
      ) : (
        <div className="utrecht-table-container">
          <table className="utrecht-table utrecht-table--html-table ovs-po-table ovs-po-table--compact">
            <caption className="utrecht-table__caption">{t('po.attachments.caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t('po.attachments.col.name')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('po.attachments.col.part')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('po.attachments.col.size')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('po.attachments.col.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {dossier.attachments.map((a) => (
                <tr key={a.position} className="utrecht-table__row">
                  <td className="utrecht-table__cell" data-label={t('po.attachments.col.name')}>
                    <strong>{a.bestandsnaam}</strong>
                    {a.omschrijving ? (
                      <>
                        <br />
                        <span className="ovs-muted">{a.omschrijving}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="utrecht-table__cell" data-label={t('po.attachments.col.part')}>
                    {category(a.category)}
                    {a.own ? null : (
                      <>
                        <br />
                        <span className="ovs-muted">{t('po.attachments.fromAdministration')}</span>
                      </>
                    )}
                  </td>
                  <td className="utrecht-table__cell" data-label={t('po.attachments.col.size')}>
                    {formatSize(a.size, language)}
                  </td>
                  <td className="utrecht-table__cell" data-label={t('po.attachments.col.actions')}>
                    <div className="ovs-po-row-actions">
                      <a className="utrecht-link" href={`${base}/attachments/${a.position}`} download>
                        {t('po.attachments.open')}
                        <span className="ovs-visually-hidden"> {a.bestandsnaam}</span>
                      </a>
                      {mayWrite && a.own ? (
                        <Button kind="subtle" onClick={() => setRemoving(a)} disabled={busy}>
                          {t('po.attachments.remove')}
                          <span className="ovs-visually-hidden"> {a.bestandsnaam}</span>
                        </Button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {removing ? (
        <Alert type="warning">
          <Paragraph>{t('po.attachments.removeConfirm', { name: removing.bestandsnaam })}</Paragraph>
          <ButtonGroup>
            <Button kind="danger" onClick={() => void remove(removing)} busy={busy}>
              {t('po.attachments.removeGo')}
            </Button>
            <Button kind="secondary" onClick={() => setRemoving(undefined)} disabled={busy}>
              {t('action.cancel')}
            </Button>
          </ButtonGroup>
        </Alert>
      ) : null}
      {error ? (
        <Alert type="error">
          <Paragraph>{pick(error.serverMessage)}</Paragraph>
        </Alert>
      ) : null}
      {done && done.version === dossier.version ? (
        <Alert type="ok">
          <Paragraph>{done.text}</Paragraph>
        </Alert>
      ) : null}

      {mayWrite ? (
        <form onSubmit={(e) => void add(e)} noValidate className="ovs-po-subform">
          <Heading level={3}>{t('po.attachments.add')}</Heading>
          <Paragraph>{t('po.attachments.addIntro')}</Paragraph>
          <ErrorSummary
            title={t('form.errorSummary')}
            errors={fileError ? [{ fieldId: fileId, message: fileError }] : []}
          />
          <FileField
            inputRef={fileInput}
            id={fileId}
            label={t('po.attachments.file')}
            description={t('po.attachments.fileHint')}
            error={fileError || undefined}
            accept={ALLOWED.map((e) => `.${e}`).join(',')}
            className="ovs-po-file"
          />
          <TextField
            label={t('po.attachments.omschrijving')}
            description={t('po.attachments.omschrijvingHint')}
            value={omschrijving}
            maxLength={200}
            onChange={(e) => setOmschrijving(e.target.value)}
          />
          <Button type="submit" kind="secondary" busy={busy}>
            {t('po.attachments.addButton')}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}
