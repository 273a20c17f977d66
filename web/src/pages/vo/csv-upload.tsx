import { type FormEvent, useRef, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import { Alert, Button, ErrorSummary, FileField, Heading, Paragraph } from '../../components';
import { useT } from '../../i18n';
import type { CsvProblem } from './types';

/**
 * Registrations from a CSV file (POST …/registrations/csv): all or nothing. A refused file shows
 * every problem in a table — line, column, what is wrong — so the school can correct its
 * spreadsheet and try again. The template comes from GET …/registrations/csv-template.
 */
export function CsvUpload({
  brin,
  onSaved,
  onRefused,
}: {
  brin: string;
  onSaved(count: number, file: string): void;
  onRefused?(): void;
}) {
  const { t, pick } = useT();
  const fileId = 'vo-csv-file';
  const input = useRef<HTMLInputElement>(null);
  const [fieldError, setFieldError] = useState<string>();
  const [refused, setRefused] = useState<{
    file: string;
    lines: number;
    problems: CsvProblem[];
    omitted: number;
  }>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const base = `/api/gw/schools/${seg(brin)}/registrations`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    setRefused(undefined);
    const file = input.current?.files?.[0];
    if (!file) return setFieldError(t('vo.csv.noFile'));
    if (!/\.(csv|txt)$/i.test(file.name) && !/csv|text\/plain/.test(file.type)) {
      return setFieldError(t('vo.csv.notCsv'));
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      const result = await api.post<{ created: number }>(`${base}/csv`, file, {
        headers: { 'content-type': 'text/csv' },
      });
      if (input.current) input.current.value = '';
      onSaved(result.created, file.name);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'REGISTRATIONS_CSV_INVALID') {
        onRefused?.();
        setRefused({
          file: file.name,
          lines: Number(e.details.lines ?? 0),
          problems: (e.details.problems ?? []) as CsvProblem[],
          omitted: Number(e.details.omitted ?? 0),
        });
      } else {
        setFailure(e instanceof ApiError ? pick(e.serverMessage) : t('state.error'));
      }
    } finally {
      setBusy(false);
    }
  };

  const summary = fieldError
    ? [{ fieldId: fileId, message: fieldError }]
    : refused
      ? [
          {
            fieldId: 'vo-csv-problems',
            message:
              refused.problems.length + refused.omitted === 1
                ? t('vo.csv.summaryOne')
                : t('vo.csv.summary', { count: refused.problems.length + refused.omitted }),
          },
        ]
      : [];
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="ovs-vo-form">
      <Paragraph>{t('vo.csv.intro')}</Paragraph>
      <Paragraph>
        {t('vo.csv.columns')}{' '}
        <a className="utrecht-link" href={`${base}/csv-template`} download="aanmeldingen-sjabloon.csv">
          {t('vo.csv.template')}
        </a>
      </Paragraph>
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <FileField
        inputRef={input}
        id={fileId}
        label={t('vo.csv.file')}
        description={t('vo.csv.fileHint')}
        error={fieldError || undefined}
        accept=".csv,text/csv"
        className="ovs-vo-file"
      />
      {failure ? <Alert type="error">{failure}</Alert> : null}
      <Button type="submit" busy={busy}>
        {t('vo.csv.submit')}
      </Button>
      {refused ? (
        <div className="ovs-vo-csv-problems" id="vo-csv-problems" tabIndex={-1}>
          <Heading level={3}>{t('vo.csv.errorsTitle', { file: refused.file })}</Heading>
          <Paragraph>
            {refused.problems.length + refused.omitted === 1
              ? t('vo.csv.errorsCountOne', { lines: refused.lines })
              : t('vo.csv.errorsCount', {
                  count: refused.problems.length + refused.omitted,
                  lines: refused.lines,
                })}
          </Paragraph>
          <div className="utrecht-table-container utrecht-table-container--overflow-inline">
            <table className="utrecht-table utrecht-table--html-table ovs-vo-table ovs-vo-table--compact">
              <caption className="utrecht-table__caption ovs-visually-hidden">
                {t('vo.csv.errorsTitle', { file: refused.file })}
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th
                    scope="col"
                    className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column"
                  >
                    {t('vo.csv.col.line')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('vo.csv.col.column')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('vo.csv.col.problem')}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {refused.problems.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the server's list, shown as it came
                  <tr key={i} className="utrecht-table__row">
                    <td
                      className="utrecht-table__cell utrecht-table__cell--numeric-data"
                      data-label={t('vo.csv.col.line')}
                    >
                      {p.line ?? t('vo.csv.wholeFile')}
                    </td>
                    <td className="utrecht-table__cell" data-label={t('vo.csv.col.column')}>
                      {p.column ?? (p.line === null ? '—' : t('vo.csv.wholeLine'))}
                    </td>
                    <td className="utrecht-table__cell" data-label={t('vo.csv.col.problem')}>
                      {pick(p.message)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {refused.omitted > 0 ? (
            <Paragraph>{t('vo.csv.omitted', { count: refused.omitted })}</Paragraph>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
