import type { Building } from '@antre/domain';
import type { FieldErrors } from '@antre/ui';
import { Check, Checks, toggle } from '../components/Checks';
import { SelectField, TextField } from '../components/ConfigField';
import type { DeviceDraft, PrinterKind } from './device-draft';
import { DisplayFields } from './DisplayFields';
import { errorUnder } from '../field-paths';
import type { Translate } from '../messages';

type Errors = FieldErrors;

/** Where a device works and how: zones or agencies, then its printer or its board. */
export function DevicePlaceFields(props: {
  draft: DeviceDraft;
  onChange: (draft: DeviceDraft) => void;
  errors: Errors;
  building: Building;
  t: Translate;
}) {
  const { draft, errors, building, t } = props;
  const set = (change: Partial<DeviceDraft>) => props.onChange({ ...draft, ...change });
  if (draft.role === 'display') return <DisplayFields {...props} />;
  if (draft.role !== 'kiosk') return null;
  const k = draft.kiosk;
  const setK = (change: Partial<DeviceDraft['kiosk']>) => set({ kiosk: { ...k, ...change } });
  const e = (path: string) => errorUnder(errors, `settings.${path}`);
  return (
    <>
      <Checks
        legend={t('placeTitle')}
        hint={t('agenciesHint')}
        error={errorUnder(errors, 'agencyIds')}
      >
        {building.agencies.map((a) => (
          <Check
            key={a.id}
            label={a.shortName}
            checked={draft.agencyIds.includes(a.id)}
            onChange={(on) => set({ agencyIds: toggle(draft.agencyIds, a.id, on) })}
          />
        ))}
      </Checks>
      <h3 className="wide">{t('printerTitle')}</h3>
      <SelectField
        label={t('printerKind')}
        value={k.printerKind}
        options={[
          ...(k.printerKind === '' ? [{ value: '', label: t('printerNone') }] : []),
          { value: 'tcp', label: t('printerTcp') },
          { value: 'device', label: t('printerDevice') },
          { value: 'shell', label: t('printerShell') },
          { value: 'virtual', label: t('printerVirtual') },
        ]}
        onChange={(kind) => setK({ printerKind: kind as PrinterKind })}
        error={e('printer.kind') ?? (errors['settings.printer'] || undefined)}
      />
      {k.printerKind === '' && (
        <p className="form-warning" role="note" data-testid="no-printer-warning">
          {t('noPrinterWarning')}
        </p>
      )}
      {k.printerKind === 'tcp' && (
        <>
          <TextField
            label={t('host')}
            value={k.host}
            onChange={(host) => setK({ host })}
            error={e('printer.host')}
          />
          <TextField
            label={t('port')}
            value={k.port}
            onChange={(port) => setK({ port })}
            error={e('printer.port')}
          />
        </>
      )}
      {k.printerKind === 'device' && (
        <TextField
          label={t('devicePath')}
          value={k.path}
          onChange={(path) => setK({ path })}
          error={e('printer.path')}
        />
      )}
      <SelectField
        label={t('model')}
        value={k.model}
        options={[
          { value: 'epson', label: t('modelEpson') },
          { value: 'generic', label: t('modelGeneric') },
        ]}
        onChange={(model) => setK({ model: model as 'epson' | 'generic' })}
        error={e('model')}
      />
      <SelectField
        label={t('paperWidth')}
        value={String(k.paperWidth)}
        options={[80, 58].map((n) => ({ value: String(n), label: t('mm', { n }) }))}
        onChange={(w) => setK({ paperWidth: w === '58' ? 58 : 80 })}
        error={e('paperWidth')}
      />
      <TextField
        label={t('idleSeconds')}
        value={k.idleSeconds}
        onChange={(idleSeconds) => setK({ idleSeconds })}
        error={e('idleSeconds')}
      />
      <TextField
        label={t('footer')}
        value={k.footer}
        onChange={(footer) => setK({ footer })}
        error={e('footer')}
      />
    </>
  );
}
