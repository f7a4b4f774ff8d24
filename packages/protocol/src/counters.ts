import { z } from 'zod';

// The supervisor's side of the counter client: who works for the agency, and moving a desk.

export const StaffMemberSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['supervisor', 'officer']),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

export const AgencyStaffSchema = z.object({ staff: z.array(StaffMemberSchema) });
export type AgencyStaff = z.infer<typeof AgencyStaffSchema>;

/** Hands a counter to an officer of its agency; the commandId makes a retry safe. */
export const AssignCounterBodySchema = z.strictObject({
  commandId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8–64 letters, digits, - or _'),
  officerId: z.string().min(1).max(64),
});
export type AssignCounterBody = z.infer<typeof AssignCounterBodySchema>;

export const AssignedCounterSchema = z.object({
  counterId: z.string(),
  officerId: z.string().nullable(),
  status: z.enum(['closed', 'open', 'paused']),
});
export type AssignedCounter = z.infer<typeof AssignedCounterSchema>;
