import { z } from 'zod';
import type { RouteContract } from './api-contract';
import { list, OkSchema, params, SHEET_TYPES } from './api-contract';
import { STAFF_ROUTES } from './api-routes-staff';
import {
  AvailabilitySchema,
  BookingListItemSchema,
  BookingListQuerySchema,
  BookingViewSchema,
  CheckInAnswerSchema,
  FeedbackExportQuerySchema,
  FeedbackQuerySchema,
  NikQuerySchema,
  OptInViewSchema,
} from './api-views';
import {
  AvailabilityQuerySchema,
  BookingNikSchema,
  CheckInBodySchema,
  CreateBookingBodySchema,
  MoveBookingBodySchema,
} from './booking';
import { BuildingSchema } from './building-schemas';
import { OptInBodySchema } from './notifications';
import {
  CatalogueSchema,
  CreateDeviceBodySchema,
  DeviceSelfSchema,
  HealthSchema,
  IssuedTicketSchema,
  IssueTicketBodySchema,
  LoginBodySchema,
  LoginResponseSchema,
  TrackingViewSchema,
} from './rest';
import {
  FeedbackBodySchema,
  FeedbackSchema,
  SurveyBodySchema,
  SurveyFormSchema,
  SurveyStatusSchema,
} from './survey';
import { KioskSurveyStatusSchema, TicketNumberSchema } from './survey-channels';

export type { RouteContract } from './api-contract';

// The routes anyone may call (visitors, citizens) and sign-in; staff routes: api-routes-staff.ts.

const health = {
  'GET /api/health': { response: HealthSchema },
  'GET /api/openapi.json': {
    response: z.looseObject({
      openapi: z.literal('3.1.0'),
      paths: z.record(z.string(), z.unknown()),
    }),
  },
} as const;

const auth = {
  'POST /api/auth/login': { body: LoginBodySchema, response: LoginResponseSchema },
  'POST /api/auth/logout': { response: OkSchema },
  'POST /api/devices': {
    body: CreateDeviceBodySchema,
    status: 201,
    response: z.object({ id: z.string(), token: z.string() }),
  },
  'GET /api/devices/me': { response: DeviceSelfSchema },
} as const;

const catalogue = {
  'GET /api/services': { response: CatalogueSchema },
  'GET /api/building': { response: BuildingSchema },
  'POST /api/tickets': { body: IssueTicketBodySchema, status: 201, response: IssuedTicketSchema },
  'GET /api/tickets/:code': { params: params('code'), response: TrackingViewSchema },
} as const;

/** The number on a ticket as a visitor types it at the kiosk: `A-001`, `a1`, `A 001`. */
const ticketNumber = z.object({ number: TicketNumberSchema });

const survey = {
  'GET /api/survey/form': { response: SurveyFormSchema },
  'GET /api/tickets/:code/survey': { params: params('code'), response: SurveyStatusSchema },
  'POST /api/tickets/:code/survey': {
    params: params('code'),
    body: SurveyBodySchema,
    status: 201,
    response: OkSchema,
  },
  'GET /api/survey/kiosk/:number': { params: ticketNumber, response: KioskSurveyStatusSchema },
  'POST /api/survey/kiosk/:number': {
    params: ticketNumber,
    body: SurveyBodySchema,
    status: 201,
    response: OkSchema,
  },
  'POST /api/feedback': {
    body: FeedbackBodySchema,
    status: 201,
    response: z.object({ id: z.string(), laporUrl: z.string() }),
  },
  'GET /api/feedback': { query: FeedbackQuerySchema, response: list(FeedbackSchema) },
  'GET /api/feedback/export': { query: FeedbackExportQuerySchema, files: SHEET_TYPES },
} as const;

const bookings = {
  'GET /api/bookings/availability': {
    query: AvailabilityQuerySchema,
    response: AvailabilitySchema,
  },
  'POST /api/bookings': { body: CreateBookingBodySchema, status: 201, response: BookingViewSchema },
  'GET /api/bookings/:code': {
    params: params('code'),
    query: NikQuerySchema,
    response: BookingViewSchema,
  },
  'DELETE /api/bookings/:code': {
    params: params('code'),
    body: BookingNikSchema,
    response: BookingViewSchema,
  },
  'POST /api/bookings/:code/move': {
    params: params('code'),
    body: MoveBookingBodySchema,
    response: BookingViewSchema,
  },
  'GET /api/bookings/:code/calendar.ics': {
    params: params('code'),
    query: NikQuerySchema,
    files: ['text/calendar'],
  },
  'POST /api/bookings/:code/check-in': {
    params: params('code'),
    body: CheckInBodySchema,
    status: 201,
    response: CheckInAnswerSchema,
  },
  'GET /api/admin/bookings': {
    query: BookingListQuerySchema,
    response: z.object({ bookings: list(BookingListItemSchema) }),
    files: SHEET_TYPES,
  },
} as const;

const visitorNotifications = {
  'GET /api/notify/push-key': { response: z.object({ publicKey: z.string().nullable() }) },
  'GET /api/tickets/:code/notify': { params: params('code'), response: list(OptInViewSchema) },
  'POST /api/tickets/:code/notify': {
    params: params('code'),
    body: OptInBodySchema,
    status: 201,
    response: OptInViewSchema,
  },
  'DELETE /api/tickets/:code/notify': {
    params: params('code'),
    response: z.object({ removed: z.number() }),
  },
} as const;

/**
 * Every REST route of the hub by `METHOD /path`: the hub's route specs take their schemas from
 * here and the apps their paths and types, so neither can drift from the other.
 */
export const API_ROUTES = {
  ...health,
  ...auth,
  ...catalogue,
  ...survey,
  ...bookings,
  ...visitorNotifications,
  ...STAFF_ROUTES,
} satisfies Record<`${'GET' | 'POST' | 'PUT' | 'DELETE'} /api/${string}`, RouteContract>;

export type ApiRoutes = typeof API_ROUTES;
export type ApiRoute = keyof ApiRoutes;

type Schema<K extends ApiRoute, F extends keyof RouteContract> =
  ApiRoutes[K] extends Record<F, infer S extends z.ZodType> ? S : never;

/** What a route answers as JSON, and takes as path parameters, query and body. */
export type ApiReply<K extends ApiRoute> = z.output<Schema<K, 'response'>>;
export type ApiParams<K extends ApiRoute> = z.input<Schema<K, 'params'>>;
export type ApiQuery<K extends ApiRoute> = z.input<Schema<K, 'query'>>;
export type ApiBody<K extends ApiRoute> = z.input<Schema<K, 'body'>>;
/** The media types of a route's file answer. */
export type ApiFileType<K extends ApiRoute> = ApiRoutes[K] extends {
  files: readonly (infer T extends string)[];
}
  ? T
  : never;

/** Routes that answer JSON, and routes that answer with a file. */
export type JsonRoute = {
  [K in ApiRoute]: ApiRoutes[K] extends { response: z.ZodType } ? K : never;
}[ApiRoute];
export type FileRoute = {
  [K in ApiRoute]: ApiRoutes[K] extends { files: readonly string[] } ? K : never;
}[ApiRoute];
