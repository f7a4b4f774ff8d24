import { z } from 'zod';
import {
  AuditListSchema,
  AuditQuerySchema,
  BuildingFileSchema,
  CreatedUserSchema,
  CreateUserBodySchema,
  LogoBodySchema,
  LogoSavedSchema,
  PasswordResetSchema,
  PublicAddressSchema,
  SaveBuildingResponseSchema,
  ServicePatchSchema,
  UpdateUserBodySchema,
  UserListSchema,
  UserViewSchema,
} from './admin';
import {
  AUDIO_MEDIA_TYPES,
  BOARD_MEDIA_TYPES,
  list,
  LOGO_MEDIA_TYPES,
  params,
  SHEET_TYPES,
} from './api-contract';
import {
  ChannelViewSchema,
  DeliveriesQuerySchema,
  DeliveryViewSchema,
  AlarmViewSchema,
  GatewayPresetSchema,
  LiveExportQuerySchema,
  LiveQuerySchema,
  LogoQuerySchema,
  MessageTextsSchema,
  PairingPollQuerySchema,
  SavedTextSchema,
} from './api-views';
import { BuildingSchema, SiteSettingsSchema } from './building-schemas';
import { AgencyStaffSchema, AssignCounterBodySchema, AssignedCounterSchema } from './counters';
import { DisplayBoardSchema, MediaItemSchema } from './display';
import { DeviceAlertSchema } from './kiosk';
import {
  ChannelBodySchema,
  NotifySettingsSchema,
  NotifyTextBodySchema,
  TestSendBodySchema,
} from './notifications';
import {
  ApprovePairingBodySchema,
  DeviceSummarySchema,
  PairingStatusSchema,
  PairingTicketSchema,
  PendingPairingSchema,
  RejectPairingBodySchema,
  RequestPairingBodySchema,
  UpdateDeviceBodySchema,
} from './pairing';
import {
  ExportQuerySchema,
  LiveReportSchema,
  ReportQuerySchema,
  SummaryReportSchema,
} from './reports';
import { IkmExportQuerySchema, IkmQuerySchema, IkmReportSchema } from './survey';
import {
  SaveTicketTemplateBodySchema,
  TicketPreviewBodySchema,
  TicketPreviewSchema,
  TicketTemplateViewSchema,
} from './ticket-template';

// The routes of staff, devices and the admin; the public ones are in api-routes.ts.

const devices = {
  'GET /api/devices/alerts': { response: z.object({ alerts: list(DeviceAlertSchema) }) },
  'POST /api/pairing': {
    body: RequestPairingBodySchema,
    status: 201,
    response: PairingTicketSchema,
  },
  'GET /api/pairing/:id': {
    params: params('id'),
    query: PairingPollQuerySchema,
    response: PairingStatusSchema,
  },
  'GET /api/pairing': { response: z.object({ pending: list(PendingPairingSchema) }) },
  'POST /api/pairing/approve': {
    body: ApprovePairingBodySchema,
    response: z.object({ deviceId: z.string(), pairingId: z.string() }),
  },
  'POST /api/pairing/reject': {
    body: RejectPairingBodySchema,
    response: z.object({ pairingId: z.string() }),
  },
  'GET /api/devices': { response: z.object({ devices: list(DeviceSummarySchema) }) },
  'POST /api/devices/:id': {
    params: params('id'),
    body: UpdateDeviceBodySchema,
    response: DeviceSummarySchema,
  },
  'POST /api/devices/:id/revoke': { params: params('id'), response: DeviceSummarySchema },
  'GET /api/kiosk/ticket-template': { response: z.object({ template: z.string() }) },
} as const;

const display = {
  'GET /api/display/board': { response: DisplayBoardSchema },
  'GET /api/display/media': { response: list(MediaItemSchema) },
  'PUT /api/display/media/:file': {
    params: params('file'),
    uploads: BOARD_MEDIA_TYPES,
    status: 201,
    response: MediaItemSchema,
  },
  'DELETE /api/display/media/:file': { params: params('file'), response: list(MediaItemSchema) },
  'GET /api/media/:file': { params: params('file'), files: BOARD_MEDIA_TYPES },
  'GET /api/audio/:lang/:clip': { params: params('lang', 'clip'), files: AUDIO_MEDIA_TYPES },
} as const;

const building = {
  'PUT /api/building': { body: BuildingSchema, response: SaveBuildingResponseSchema },
  'PUT /api/building/site': { body: SiteSettingsSchema, response: SaveBuildingResponseSchema },
  'GET /api/building/export': { response: BuildingFileSchema },
  'POST /api/building/import': { body: BuildingFileSchema, response: SaveBuildingResponseSchema },
  'POST /api/agencies/:agencyId/services/:serviceId': {
    params: params('agencyId', 'serviceId'),
    body: ServicePatchSchema,
    response: SaveBuildingResponseSchema,
  },
  'GET /api/site/address': { response: PublicAddressSchema },
  'GET /api/logos/site': { query: LogoQuerySchema, files: LOGO_MEDIA_TYPES },
  'PUT /api/logos/site': { body: LogoBodySchema, response: LogoSavedSchema },
  'DELETE /api/logos/site': { response: LogoSavedSchema },
  'GET /api/logos/agencies/:id': {
    params: params('id'),
    query: LogoQuerySchema,
    files: LOGO_MEDIA_TYPES,
  },
  'PUT /api/logos/agencies/:id': {
    params: params('id'),
    body: LogoBodySchema,
    response: LogoSavedSchema,
  },
  'DELETE /api/logos/agencies/:id': { params: params('id'), response: LogoSavedSchema },
  'GET /api/ticket-template': { response: TicketTemplateViewSchema },
  'PUT /api/ticket-template': {
    body: SaveTicketTemplateBodySchema,
    response: TicketTemplateViewSchema,
  },
  'POST /api/ticket-template/preview': {
    body: TicketPreviewBodySchema,
    response: TicketPreviewSchema,
  },
} as const;

const people = {
  'GET /api/users': { response: UserListSchema },
  'POST /api/users': { body: CreateUserBodySchema, status: 201, response: CreatedUserSchema },
  'POST /api/users/:id': {
    params: params('id'),
    body: UpdateUserBodySchema,
    response: UserViewSchema,
  },
  'POST /api/users/:id/unlock': { params: params('id'), response: UserViewSchema },
  'POST /api/users/:id/deactivate': { params: params('id'), response: UserViewSchema },
  'POST /api/users/:id/password': { params: params('id'), response: PasswordResetSchema },
  'GET /api/audit': { query: AuditQuerySchema, response: AuditListSchema },
  'GET /api/counters/staff': { response: AgencyStaffSchema },
  'POST /api/counters/:counterId/assign': {
    params: params('counterId'),
    body: AssignCounterBodySchema,
    response: AssignedCounterSchema,
  },
} as const;

const reports = {
  'GET /api/reports/summary': { query: ReportQuerySchema, response: SummaryReportSchema },
  'GET /api/reports/live': { query: LiveQuerySchema, response: LiveReportSchema },
  'GET /api/reports/live/export': { query: LiveExportQuerySchema, files: SHEET_TYPES },
  'GET /api/reports/export': { query: ExportQuerySchema, files: SHEET_TYPES },
  'GET /api/reports/ikm': { query: IkmQuerySchema, response: IkmReportSchema },
  'GET /api/reports/ikm/export': { query: IkmExportQuerySchema, files: SHEET_TYPES },
} as const;

const notifyAdmin = {
  'GET /api/admin/notify/channels': { response: list(ChannelViewSchema) },
  'POST /api/admin/notify/channels': {
    body: ChannelBodySchema,
    status: 201,
    response: ChannelViewSchema,
  },
  'PUT /api/admin/notify/channels/:id': {
    params: params('id'),
    body: ChannelBodySchema,
    response: ChannelViewSchema,
  },
  'DELETE /api/admin/notify/channels/:id': {
    params: params('id'),
    response: z.object({ removed: z.boolean() }),
  },
  'GET /api/admin/notify/presets': { response: list(GatewayPresetSchema) },
  'GET /api/admin/notify/settings': { response: NotifySettingsSchema },
  'PUT /api/admin/notify/settings': { body: NotifySettingsSchema, response: NotifySettingsSchema },
  'GET /api/admin/notify/texts': { response: list(MessageTextsSchema) },
  'PUT /api/admin/notify/texts': { body: NotifyTextBodySchema, response: SavedTextSchema },
  'POST /api/admin/notify/test': {
    body: TestSendBodySchema,
    status: 202,
    response: z.object({ seq: z.number().nullable() }),
  },
  'GET /api/admin/notify/deliveries': {
    query: DeliveriesQuerySchema,
    response: list(DeliveryViewSchema),
  },
  'GET /api/alarms': { response: list(AlarmViewSchema) },
} as const;

/** Every route for signed-in staff and registered devices. */
export const STAFF_ROUTES = {
  ...devices,
  ...display,
  ...building,
  ...people,
  ...reports,
  ...notifyAdmin,
} as const;
