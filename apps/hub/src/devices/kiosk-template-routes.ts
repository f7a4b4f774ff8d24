import { defineRoute } from '../http/routes';

/**
 * A kiosk in the Electron shell prints on its own printer: it fetches the admin's ticket
 * template here and passes it with each print call (packages/shell checks it again).
 */
export function kioskTemplateRoutes(templateOf: () => Promise<string>) {
  return [
    defineRoute({
      route: 'GET /api/kiosk/ticket-template',
      summary: "The admin's ticket template, for a kiosk that prints on its own printer",
      tag: 'devices',
      access: ['kiosk'],
      handle: async () => ({ template: await templateOf() }),
    }),
  ];
}
