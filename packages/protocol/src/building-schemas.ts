import type { Building } from '@antre/domain';
import { PRIORITY_KINDS } from '@antre/domain';
import { z } from 'zod';
import { safeLine, safeText } from './safe-text';
import { BookingPolicySchema, BookingSettingsSchema } from './booking-settings';
import { DayHoursSchema, WeeklyHoursSchema } from './hours-schemas';
export { DayHoursSchema, WeeklyHoursSchema } from './hours-schemas';
import { LogoSchema } from './logo';
import { rule } from './field-rules';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, rule('slug'));
const text = (max: number) => safeLine().min(1).max(max);
const paragraph = (max: number) => safeText().trim().min(1).max(max);
// The address printed in every ticket's QR: a bare origin a phone can open, never loopback.
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;
export const PublicUrlSchema = z
  .string()
  .trim()
  .max(200)
  .refine(
    (text) => {
      if (!/^https?:\/\/[^/?#\s@]+\/?$/i.test(text)) return false;
      try {
        return !LOOPBACK_HOST.test(new URL(text).hostname);
      } catch {
        return false;
      }
    },
    { message: rule('public_address') },
  );

export const SiteSchema = z.strictObject({
  name: text(120),
  logo: LogoSchema.optional(),
  timezone: z.enum(['WIB', 'WITA', 'WIT']),
  hours: WeeklyHoursSchema,
  holidays: z.array(z.strictObject({ date: z.iso.date(), name: text(120) })).max(400),
  fridayPrayerBreak: DayHoursSchema.nullable(),
  noShowRequeueMinutes: z.int().min(0).max(480),
  recallsBeforeNoShow: z.int().min(0).max(10),
  autoServeOnCall: z.boolean(),
  expireAfterCloseMinutes: z.int().min(0).max(720),
  publicUrl: PublicUrlSchema.optional(),
  bookingPolicy: BookingPolicySchema.optional(),
});

/** The site as its settings page saves it: the logo goes to its own endpoint. */
export const SiteSettingsSchema = SiteSchema.omit({ logo: true });
export type SiteSettings = z.output<typeof SiteSettingsSchema>;

export const ZoneSchema = z.strictObject({ id, name: text(120) });

export const AgencySchema = z.strictObject({
  id,
  name: text(200),
  shortName: text(60),
  contact: safeLine().max(200).optional(),
  logo: LogoSchema.optional(),
});

export const ServiceStandardSchema = z.strictObject({
  requirements: z.array(paragraph(500)).max(50),
  procedure: z.array(paragraph(500)).max(50),
  duration: paragraph(300),
  cost: paragraph(300),
  product: paragraph(300),
  complaints: paragraph(500),
});

export const PriorityRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('strict') }),
  z.strictObject({ kind: z.literal('interleave'), regularPerPriority: z.int().min(1).max(50) }),
]);

export const ServiceSchema = z.strictObject({
  id,
  agencyId: id,
  name: text(200),
  prefix: z.string().regex(/^[A-Z]{1,2}$/, rule('prefix_letters')),
  dailyQuota: z.int().min(1).max(9999).nullable(),
  hours: WeeklyHoursSchema.nullable(),
  targetWaitMinutes: z.int().min(1).max(600),
  defaultServiceMinutes: z.int().min(1).max(240),
  priorityRule: PriorityRuleSchema,
  standard: ServiceStandardSchema,
  active: z.boolean(),
  booking: BookingSettingsSchema.nullable().optional(),
});

export const CounterSchema = z.strictObject({
  id,
  agencyId: id,
  zoneId: id,
  name: text(120),
  number: z.int().min(1).max(999),
  selection: z.enum(['order', 'weight']),
  services: z
    .array(z.strictObject({ serviceId: id, weight: z.int().min(1).max(100) }))
    .min(1)
    .max(50),
});

export const PrioritySchema = z.enum(PRIORITY_KINDS);

/** A whole building, with the cross-references a database would otherwise enforce. */
export const BuildingSchema = z
  .strictObject({
    site: SiteSchema,
    zones: z.array(ZoneSchema).min(1),
    agencies: z.array(AgencySchema),
    services: z.array(ServiceSchema),
    counters: z.array(CounterSchema),
  })
  .superRefine((b, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    unique(
      b.zones.map((z) => z.id),
      (i) => issue(['zones', i, 'id'], rule('duplicate_id')),
    );
    unique(
      b.agencies.map((a) => a.id),
      (i) => issue(['agencies', i, 'id'], rule('duplicate_id')),
    );
    unique(
      b.services.map((s) => s.id),
      (i) => issue(['services', i, 'id'], rule('duplicate_id')),
    );
    unique(
      b.services.map((s) => s.prefix),
      (i) => issue(['services', i, 'prefix'], rule('prefix_used')),
    );
    unique(
      b.counters.map((c) => c.id),
      (i) => issue(['counters', i, 'id'], rule('duplicate_id')),
    );
    unique(
      b.counters.map((c) => String(c.number)),
      (i) => issue(['counters', i, 'number'], rule('number_used')),
    );
    const agencies = new Set(b.agencies.map((a) => a.id));
    const zones = new Set(b.zones.map((z) => z.id));
    const serviceAgency = new Map(b.services.map((s) => [s.id, s.agencyId]));
    b.services.forEach((s, i) => {
      if (!agencies.has(s.agencyId)) issue(['services', i, 'agencyId'], rule('unknown_agency'));
    });
    b.counters.forEach((c, i) => {
      if (!agencies.has(c.agencyId)) issue(['counters', i, 'agencyId'], rule('unknown_agency'));
      if (!zones.has(c.zoneId)) issue(['counters', i, 'zoneId'], rule('unknown_zone'));
      c.services.forEach((link, j) => {
        const owner = serviceAgency.get(link.serviceId);
        if (owner === undefined)
          issue(['counters', i, 'services', j, 'serviceId'], rule('unknown_service'));
        else if (owner !== c.agencyId)
          issue(['counters', i, 'services', j, 'serviceId'], rule('other_agency_service'));
      });
    });
  }) satisfies z.ZodType<Building>;

function unique(values: string[], onDuplicate: (index: number) => void): void {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(v)) onDuplicate(i);
    seen.add(v);
  });
}
