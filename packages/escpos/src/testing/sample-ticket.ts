import type { TicketContent } from '../ticket-document';

/** A ticket as the demo building issues one, for tests here and in the apps. */
export const sampleTicket = (overrides: Partial<TicketContent> = {}): TicketContent => ({
  siteName: 'MPP Kota Bandung',
  agencyName: 'Disdukcapil',
  serviceName: 'Perekaman KTP-el',
  label: 'A-001',
  issuedAt: Date.UTC(2026, 10, 23, 2, 5), // Monday 23 November 2026, 09.05 WIB
  timeZone: 'Asia/Jakarta',
  peopleAhead: 3,
  estimatedWaitMinutes: 15,
  trackingUrl: 'http://192.168.1.10:8080/t/AB12CD34',
  ...overrides,
});
