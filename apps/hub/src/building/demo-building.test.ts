import { BuildingSchema, parseInput } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { readDemoBuilding } from './first-start';

describe('the demo building', () => {
  const building = readDemoBuilding();

  it('when loaded, then it has the size a real MPP has', () => {
    expect(building.agencies.length).toBeGreaterThanOrEqual(12);
    expect(building.services.length).toBeGreaterThanOrEqual(30);
    expect(building.counters.length).toBeGreaterThanOrEqual(30);
    expect(building.zones).toHaveLength(3);
  });

  it('when loaded, then every service is served by a counter and shows its six public components', () => {
    for (const service of building.services) {
      expect(
        building.counters.some((c) => c.services.some((l) => l.serviceId === service.id)),
      ).toBe(true);
      expect(service.standard.requirements.length).toBeGreaterThan(0);
      expect(service.standard.procedure.length).toBeGreaterThan(0);
    }
  });

  it.each([
    [
      'a duplicate prefix',
      (b: ReturnType<typeof readDemoBuilding>) => (b.services[1]!.prefix = b.services[0]!.prefix),
      'prefix_used',
    ],
    [
      'a counter in an unknown zone',
      (b: ReturnType<typeof readDemoBuilding>) => (b.counters[0]!.zoneId = 'basement'),
      'unknown_zone',
    ],
    [
      "a counter serving another agency's service",
      (b: ReturnType<typeof readDemoBuilding>) => {
        const foreign = b.services.find((s) => s.agencyId !== b.counters[0]!.agencyId)!;
        b.counters[0]!.services.push({ serviceId: foreign.id, weight: 1 });
      },
      'other_agency_service',
    ],
    [
      'a lowercase prefix',
      (b: ReturnType<typeof readDemoBuilding>) => (b.services[0]!.prefix = 'a'),
      'prefix_letters',
    ],
  ])('when the building has %s, then validation names the rule it breaks', (_case, spoil, rule) => {
    const copy = structuredClone(building);
    spoil(copy);
    const result = parseInput(BuildingSchema, copy);
    expect(result.ok ? [] : result.error.fields?.map((f) => f.rule)).toContain(rule);
  });
});
