import { WEEKDAYS } from '@antre/domain';
import { z } from 'zod';

export const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 07:30');

export const DayHoursSchema = z
  .strictObject({ open: clock, close: clock })
  .refine((h) => h.open < h.close, { message: 'closes before it opens' });

export const WeeklyHoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((d) => [d, DayHoursSchema.nullable().optional()])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodOptional<z.ZodNullable<typeof DayHoursSchema>>
  >,
);
