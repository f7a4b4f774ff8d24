import type { BuildingIndex } from './queue-state';

/** Where a visitor goes for a service or a counter: counter numbers and the zones they are in. */
export interface Place {
  /** Counter numbers, ascending, without repeats: [12, 13]. */
  counterNumbers: number[];
  /** The zones of those counters, in the building's zone order: "Lantai 1 — Aula Utama". */
  zones: { id: string; name: string }[];
}

function placeOf(index: BuildingIndex, counters: { number: number; zoneId: string }[]): Place {
  const numbers = [...new Set(counters.map((c) => c.number))].sort((a, b) => a - b);
  const zoneIds = new Set(counters.map((c) => c.zoneId));
  return {
    counterNumbers: numbers,
    zones: index.building.zones
      .filter((z) => zoneIds.has(z.id))
      .map((z) => ({ id: z.id, name: z.name })),
  };
}

/** The counters that serve a service, and where they are. */
export function placeOfService(index: BuildingIndex, serviceId: string): Place {
  return placeOf(index, index.countersByService.get(serviceId) ?? []);
}

/** One counter and its zone. */
export function placeOfCounter(index: BuildingIndex, counterId: string): Place {
  const counter = index.counters.get(counterId);
  return placeOf(index, counter ? [counter] : []);
}

/**
 * Counter numbers as people write them: "12", "12–13" for a run, "3, 5, 7–9" otherwise.
 * The word "Loket"/"Counter" is the UI's to add.
 */
export function counterNumbersText(numbers: readonly number[]): string {
  const runs: string[] = [];
  let start: number | undefined;
  let prev: number | undefined;
  const close = () => {
    if (start === undefined || prev === undefined) return;
    runs.push(start === prev ? String(start) : `${start}–${prev}`);
  };
  for (const n of numbers) {
    if (prev !== undefined && n === prev + 1) {
      prev = n;
      continue;
    }
    close();
    start = prev = n;
  }
  close();
  return runs.join(', ');
}
