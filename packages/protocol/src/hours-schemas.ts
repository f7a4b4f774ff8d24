import { WEEKDAYS } from '@antre/domain';
import { z } from 'zod';
import { rule } from './field-rules';

export const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, rule('clock_time'));

export const DayHoursSchema = z
  .strictObject({ open: clock, close: clock })
  .refine((h) => h.open < h.close, { message: rule('closes_before_opens') });

export const WeeklyHoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((d) => [d, DayHoursSchema.nullable().optional()])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodOptional<z.ZodNullable<typeof DayHoursSchema>>
  >,
);
