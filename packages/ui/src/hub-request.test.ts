import { describe, expect, it } from 'vitest';
import { fieldErrors, hubAddress } from './hub-request';

describe('the address of a hub call', () => {
  it('when a route has path parameters, then each is filled in and escaped', () => {
    expect(hubAddress('POST /api/users/:id/password', { params: { id: 'u 1/2' } })).toEqual({
      method: 'POST',
      url: '/api/users/u%201%2F2/password',
    });
    expect(
      hubAddress('POST /api/agencies/:agencyId/services/:serviceId', {
        hub: 'http://10.0.0.2:8080',
        params: { agencyId: 'dukcapil', serviceId: 'ktp' },
      }).url,
    ).toBe('http://10.0.0.2:8080/api/agencies/dukcapil/services/ktp');
  });

  it('when a query has empty or missing values, then only the given ones are sent', () => {
    const query = {
      from: '2026-11-23',
      to: '2026-11-30',
      agencyId: '',
      actor: undefined,
      limit: 5,
    };
    expect(hubAddress('GET /api/reports/summary', { query }).url).toBe(
      '/api/reports/summary?from=2026-11-23&to=2026-11-30&limit=5',
    );
    expect(hubAddress('GET /api/reports/live', { query: {} }).url).toBe('/api/reports/live');
  });
});

describe('a refusal’s bad fields', () => {
  it('when the hub names fields, then a form finds each by its path', () => {
    const prefix = {
      path: 'services.2.prefix',
      rule: 'too_long' as const,
      values: { max: 2 },
      message: 'at most 2 characters',
    };
    const refusal = {
      ok: false as const,
      status: 400,
      error: {
        code: 'bad_request' as const,
        message: 'Invalid input',
        fields: [prefix],
      },
    };
    expect(fieldErrors(refusal)).toEqual({ 'services.2.prefix': prefix });
    expect(fieldErrors(null)).toEqual({});
  });
});
