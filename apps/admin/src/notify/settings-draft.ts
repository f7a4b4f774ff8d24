import type { NotifySettings } from '@antre/protocol';

export const OVERRIDE_FIELDS = ['nearAhead', 'waitOverTargetMinutes', 'maxWaiting'] as const;
export type OverrideField = (typeof OVERRIDE_FIELDS)[number];
export type OverrideDraft = Record<OverrideField, string>;

const NUMBER_FIELDS = [
  'nearAhead',
  'waitOverTargetMinutes',
  'maxWaiting',
  'pauseLimitMinutes',
  'retentionDays',
  'perRecipientPerHour',
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

/** The settings as the form edits them: numbers as typed, "" for no channel or all agencies. */
export type SettingsDraft = Record<NumberField, string> & {
  phoneChannelId: string;
  staffChannelId: string;
  services: Record<string, OverrideDraft>;
  staffPhones: { agencyId: string; phone: string }[];
};

const shown = (n: number | undefined): string => (n === undefined ? '' : String(n));
// An empty or unreadable number goes to the hub as null, which names the field.
const whole = (text: string): number => (text.trim() === '' ? NaN : Number(text));

export function settingsDraft(s: NotifySettings): SettingsDraft {
  return {
    ...(Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(s[f])])) as Record<
      NumberField,
      string
    >),
    phoneChannelId: s.phoneChannelId ?? '',
    staffChannelId: s.staffChannelId ?? '',
    services: Object.fromEntries(
      Object.entries(s.services).map(([id, o]) => [
        id,
        {
          nearAhead: shown(o.nearAhead),
          waitOverTargetMinutes: shown(o.waitOverTargetMinutes),
          maxWaiting: shown(o.maxWaiting),
        },
      ]),
    ),
    staffPhones: s.staffPhones.map((p) => ({ agencyId: p.agencyId ?? '', phone: p.phone })),
  };
}

/** Only what a service sets itself: an empty override is no override. */
function overridesOf(services: SettingsDraft['services']): NotifySettings['services'] {
  const result: NotifySettings['services'] = {};
  for (const [id, o] of Object.entries(services)) {
    const set = OVERRIDE_FIELDS.filter((f) => o[f].trim() !== '');
    if (set.length > 0) result[id] = Object.fromEntries(set.map((f) => [f, whole(o[f])]));
  }
  return result;
}

export function settingsOf(d: SettingsDraft): NotifySettings {
  return {
    ...(Object.fromEntries(NUMBER_FIELDS.map((f) => [f, whole(d[f])])) as Record<
      NumberField,
      number
    >),
    phoneChannelId: d.phoneChannelId || null,
    staffChannelId: d.staffChannelId || null,
    services: overridesOf(d.services),
    staffPhones: d.staffPhones.map((p) => ({ agencyId: p.agencyId || null, phone: p.phone })),
  };
}
