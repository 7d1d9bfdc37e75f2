import { CoordinatorEntry, type Coordinator } from '../../src/assignment/coordinator-config.js';

/** A coordinator as the configuration would give it (defaults filled in by the schema). */
export function coordinator(id: string, fields: Partial<Omit<Coordinator, 'id'>> = {}): Coordinator {
  return CoordinatorEntry.parse({ id, name: `Coördinator ${id}`, capacity: 10, ...fields });
}

/** Open screenings per coordinator id. */
export function openCounts(counts: Record<string, number> = {}): ReadonlyMap<string, number> {
  return new Map(Object.entries(counts));
}
