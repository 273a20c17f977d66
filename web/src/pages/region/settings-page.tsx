import { type FormEvent, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import { Button, ErrorSummary, Heading, Paragraph, RadioGroup, TextField } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import type { RegionOverview, RegionSettings } from './types';
import { Notice } from './ui';

type Field = keyof RegionSettings;
const ORDER: readonly Field[] = [
  'registrationsPerPupil',
  'dossierOrder',
  'platform',
  'platformName',
  'eindtoetsRoute',
  'holidayRegion',
  'minGapSchoolDays',
];
/** The id a summary links to: the first radio of a group, or the text field. */
const IDS: Record<Field, string> = {
  registrationsPerPupil: 'settings-registrations-one',
  dossierOrder: 'settings-order-first_preference',
  platform: 'settings-platform-none',
  platformName: 'settings-platform-name',
  eindtoetsRoute: 'settings-eindtoets-oso',
  holidayRegion: 'settings-holiday-noord',
  minGapSchoolDays: 'settings-min-gap',
};

/**
 * /regio/:regionId/instellingen — the region's rules: registrations per pupil and the order in which
 * a dossier goes, the regional platform (then every school needs a delivery point for it), how the
 * final test result travels, the holiday region and the shortest gap between deadlines.
 */
export function SettingsPage({ regionId }: { regionId: string }) {
  const { t } = useT();
  const region = useResource<RegionOverview>(`/api/region/regions/${seg(regionId)}`);
  return (
    <>
      <Heading level={1}>{t('region.settings.title')}</Heading>
      <Paragraph lead>{t('region.settings.intro')}</Paragraph>
      {region.error ? <ErrorMessage error={region.error} onRetry={() => void region.reload()} /> : null}
      {region.loading && !region.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {region.data ? <SettingsForm regionId={regionId} initial={region.data.settings} /> : null}
    </>
  );
}

function SettingsForm({ regionId, initial }: { regionId: string; initial: RegionSettings }) {
  const { t, pick } = useT();
  const [values, setValues] = useState<RegionSettings>(initial);
  const [minGap, setMinGap] = useState(String(initial.minGapSchoolDays));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error'; key: string }>();
  const [busy, setBusy] = useState(false);
  const set = (changes: Partial<RegionSettings>) => setValues({ ...values, ...changes });
  const option = (group: string, value: string) => ({
    value,
    label: t(`region.settings.${group}.${value}` as MessageKey),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const found: Partial<Record<Field, string>> = {};
    const several = values.registrationsPerPupil === 'several';
    if (several && !values.dossierOrder) found.dossierOrder = t('region.settings.error.order');
    if (values.platform === 'other' && !values.platformName?.trim())
      found.platformName = t('region.settings.error.platformName');
    if (values.eindtoetsRoute === 'platform' && values.platform === 'none')
      found.eindtoetsRoute = t('region.settings.error.eindtoets');
    const gap = Number(minGap);
    if (!/^\d+$/.test(minGap.trim()) || gap < 1 || gap > 30)
      found.minGapSchoolDays = t('region.settings.error.minGap');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const body: RegionSettings = {
        ...values,
        dossierOrder: several ? values.dossierOrder : null,
        platformName: values.platform === 'other' ? (values.platformName ?? '').trim() : null,
        minGapSchoolDays: gap,
      };
      const saved = await api.put<{ settings: RegionSettings }>(
        `/api/region/regions/${seg(regionId)}/settings`,
        body,
      );
      setValues(saved.settings);
      setNotice({ text: t('region.settings.saved'), tone: 'ok', key: `${Date.now()}` });
    } catch (e) {
      const field = e instanceof ApiError ? e.details.field : undefined;
      if (
        e instanceof ApiError &&
        typeof field === 'string' &&
        (ORDER as readonly string[]).includes(field)
      ) {
        setErrors({ [field]: pick(e.serverMessage) });
      } else {
        setNotice({
          text: e instanceof ApiError ? pick(e.serverMessage) : t('state.error'),
          tone: 'error',
          key: `${Date.now()}`,
        });
      }
    } finally {
      setBusy(false);
    }
  };

  const summary = ORDER.flatMap((f) =>
    errors[f] ? [{ fieldId: IDS[f], message: errors[f] as string }] : [],
  );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="ovs-region-settings">
      {notice ? <Notice tone={notice.tone} title={notice.text} focusKey={notice.key} /> : null}
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <RadioGroup
        legend={t('region.settings.registrations.legend')}
        name="registrationsPerPupil"
        idPrefix="settings-registrations"
        value={values.registrationsPerPupil}
        onChange={(v) => set({ registrationsPerPupil: v as RegionSettings['registrationsPerPupil'] })}
        options={[option('registrations', 'one'), option('registrations', 'several')]}
        error={errors.registrationsPerPupil}
      />
      {values.registrationsPerPupil === 'several' ? (
        <RadioGroup
          legend={t('region.settings.order.legend')}
          description={t('region.settings.order.hint')}
          name="dossierOrder"
          idPrefix="settings-order"
          value={values.dossierOrder ?? undefined}
          onChange={(v) => set({ dossierOrder: v as RegionSettings['dossierOrder'] })}
          options={[option('order', 'first_preference'), option('order', 'after_placement')]}
          error={errors.dossierOrder}
        />
      ) : null}
      <RadioGroup
        legend={t('region.settings.platform.legend')}
        description={t('region.settings.platform.hint')}
        name="platform"
        idPrefix="settings-platform"
        value={values.platform}
        onChange={(v) => set({ platform: v as RegionSettings['platform'] })}
        options={['none', 'onderwijs_transparant', 'triple_w_ict', 'other'].map((v) => option('platform', v))}
        error={errors.platform}
      />
      {values.platform === 'other' ? (
        <TextField
          id={IDS.platformName}
          label={t('region.settings.platformName')}
          value={values.platformName ?? ''}
          maxLength={200}
          error={errors.platformName}
          onChange={(e) => set({ platformName: e.target.value })}
        />
      ) : null}
      <RadioGroup
        legend={t('region.settings.eindtoets.legend')}
        description={t('region.settings.eindtoets.hint')}
        name="eindtoetsRoute"
        idPrefix="settings-eindtoets"
        value={values.eindtoetsRoute}
        onChange={(v) => set({ eindtoetsRoute: v as RegionSettings['eindtoetsRoute'] })}
        options={[option('eindtoets', 'oso'), option('eindtoets', 'platform')]}
        error={errors.eindtoetsRoute}
      />
      <RadioGroup
        legend={t('region.settings.holiday.legend')}
        description={t('region.settings.holiday.hint')}
        name="holidayRegion"
        idPrefix="settings-holiday"
        value={values.holidayRegion}
        onChange={(v) => set({ holidayRegion: v as RegionSettings['holidayRegion'] })}
        options={['noord', 'midden', 'zuid'].map((v) => option('holiday', v))}
        error={errors.holidayRegion}
      />
      <TextField
        id={IDS.minGapSchoolDays}
        label={t('region.settings.minGap')}
        description={t('region.settings.minGap.hint')}
        inputMode="numeric"
        value={minGap}
        maxLength={2}
        className="ovs-region-number"
        error={errors.minGapSchoolDays}
        onChange={(e) => setMinGap(e.target.value)}
      />
      <Button type="submit" busy={busy}>
        {t('region.settings.save')}
      </Button>
    </form>
  );
}
