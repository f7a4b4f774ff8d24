import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, PG_MIGRATIONS_DIR } from './paths';
import type { TestHub } from './testing/test-hub';
import { startTestHub } from './testing/test-hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => hub.close());

describe('the REST API', () => {
  it('when health is asked, then it reports ok with version and database state', async () => {
    const { status, body } = await hub.api('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      role: 'active',
      database: {
        engine: hub.onPostgres ? 'postgres' : 'sqlite',
        state: 'ok',
        migrations: readdirSync(hub.onPostgres ? PG_MIGRATIONS_DIR : MIGRATIONS_DIR).filter((f) =>
          f.endsWith('.sql'),
        ).length,
      },
      serviceDay: '2026-11-23',
    });
    expect(body.database).not.toHaveProperty('path');
    const asAdmin = await hub.api('/api/health', { token: await hub.login('admin') });
    expect((asAdmin.body.database as { path: string }).path).toMatch(
      hub.onPostgres ? /^postgres:\/\/.* \(schema b_test\)$/ : /antre\.db$/,
    );
  });

  it('when a person opens the hub address, then the home page links the catalogue and health', async () => {
    const response = await fetch(`${hub.url}/`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<a href="/api/services">Katalog layanan');
    expect(page).toContain('<a href="/api/health">');
    // The survey tablet is a mode of the counter app, offered only where that app is served.
    expect(page.includes('/counter/#/survei')).toBe(page.includes('<a href="/counter/">'));
  });

  it('when the public asks for the catalogue, then it gets agencies, services, standards and waiting counts', async () => {
    const { status, body } = await hub.api('/api/services');
    expect(status).toBe(200);
    const agencies = body.agencies as {
      services: { open: boolean; standard: { requirements: string[] } }[];
    }[];
    expect(agencies.length).toBeGreaterThanOrEqual(12);
    const services = agencies.flatMap((a) => a.services);
    expect(services.length).toBeGreaterThanOrEqual(30);
    expect(services.every((s) => s.standard.requirements.length > 0)).toBe(true);
    expect(services.some((s) => s.open)).toBe(true);
  });

  it('when an integration issues a ticket with an idempotency key twice, then one ticket exists and it can be tracked', async () => {
    const token = await hub.device('integration');
    const catalogue = (await hub.api('/api/services')).body as {
      agencies: { services: { id: string; open: boolean }[] }[];
    };
    const service = catalogue.agencies.flatMap((a) => a.services).find((s) => s.open)!;
    const headers = { 'idempotency-key': 'booking-portal-0001' };
    const first = await hub.api('/api/tickets', {
      token,
      body: { serviceId: service.id, priority: 'elderly' },
      headers,
    });
    const again = await hub.api('/api/tickets', {
      token,
      body: { serviceId: service.id, priority: 'elderly' },
      headers,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      number: 1,
      status: 'waiting',
      priority: 'elderly',
      ahead: 0,
    });
    expect(again.body.code).toBe(first.body.code);
    const tracked = await hub.api(
      first.body.trackUrl === `/t/${String(first.body.code)}`
        ? `/api/tickets/${String(first.body.code)}`
        : '/x',
    );
    expect(tracked).toMatchObject({
      status: 200,
      body: { label: first.body.label, status: 'waiting' },
    });
    expect(Object.keys(tracked.body)).not.toContain('officerId');
  });

  it('when the OpenAPI document is fetched, then it lists every endpoint', async () => {
    const { body } = await hub.api('/api/openapi.json');
    expect(Object.keys(body.paths as object)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/services',
        '/api/tickets',
        '/api/tickets/{code}',
      ]),
    );
  });
});
