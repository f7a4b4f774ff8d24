import { describe, expect, it } from 'vitest';
import type { Building } from './building';
import { counterNumbersText, placeOfCounter, placeOfService } from './place';
import { indexBuilding } from './queue-state';

const counter = (id: string, number: number, zoneId: string, services: string[]) => ({
  id,
  agencyId: 'a',
  zoneId,
  name: `Loket ${number}`,
  number,
  selection: 'order' as const,
  services: services.map((serviceId) => ({ serviceId, weight: 1 })),
});

const building = {
  zones: [
    { id: 'l1', name: 'Lantai 1' },
    { id: 'l2', name: 'Lantai 2' },
  ],
  counters: [
    counter('c13', 13, 'l1', ['ktp']),
    counter('c12', 12, 'l1', ['ktp', 'kk']),
    counter('c20', 20, 'l2', ['kk']),
  ],
  services: [],
  agencies: [],
} as unknown as Building;

describe('counterNumbersText', () => {
  it.each([
    [[], ''],
    [[3], '3'],
    [[12, 13], '12–13'],
    [[3, 5, 7, 8, 9], '3, 5, 7–9'],
    [[1, 2, 4], '1–2, 4'],
  ])('%j reads %s', (numbers, text) => {
    expect(counterNumbersText(numbers)).toBe(text);
  });
});

describe('placeOfService / placeOfCounter', () => {
  const index = indexBuilding(building);
  it('When a service is served on one floor, then its counters and that floor', () => {
    expect(placeOfService(index, 'ktp')).toEqual({
      counterNumbers: [12, 13],
      zones: [{ id: 'l1', name: 'Lantai 1' }],
    });
  });
  it('When a service spans floors, then both floors in building order', () => {
    expect(placeOfService(index, 'kk').zones.map((z) => z.id)).toEqual(['l1', 'l2']);
  });
  it('When nothing serves it, then no place', () => {
    expect(placeOfService(index, 'none')).toEqual({ counterNumbers: [], zones: [] });
    expect(placeOfCounter(index, 'none')).toEqual({ counterNumbers: [], zones: [] });
  });
  it('When one counter, then its number and zone', () => {
    expect(placeOfCounter(index, 'c20')).toEqual({
      counterNumbers: [20],
      zones: [{ id: 'l2', name: 'Lantai 2' }],
    });
  });
});
