import type { FieldErrors } from '@antre/ui';
import type { Agency } from './building-drafts';
import { TextField } from '../components/ConfigField';
import { LogoPicker } from '../components/LogoPicker';
import type { Translate } from '../messages';

/** An agency: name, short name (shown on kiosk buttons), contact and logo. */
export function AgencyForm(props: {
  t: Translate;
  draft: Agency;
  onChange: (next: Agency) => void;
  errors: FieldErrors;
}) {
  const { t, draft: a, onChange, errors: e } = props;
  const set = (patch: Partial<Agency>) => onChange({ ...a, ...patch });
  return (
    <div className="form-grid">
      <TextField
        label={t('name')}
        value={a.name}
        onChange={(name) => set({ name })}
        error={e.name ?? e.id}
      />
      <TextField
        label={t('shortName')}
        value={a.shortName}
        onChange={(shortName) => set({ shortName })}
        error={e.shortName}
      />
      <TextField
        label={t('contact')}
        value={a.contact ?? ''}
        onChange={(contact) => set({ contact })}
        error={e.contact}
      />
      <LogoPicker
        t={t}
        name={a.shortName || a.name}
        logo={a.logo}
        onChange={(logo) => set({ logo })}
        error={e.logo}
      />
    </div>
  );
}
