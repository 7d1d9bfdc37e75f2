import type { CoordinatorCapacity } from '@signaalhub/contracts';
import { assertCalendarDate, isAbsentOn } from './coordinator-availability.js';
import type { Coordinator } from './coordinator-config.js';

/**
 * The capacity screen's lines: per coordinator open vs capacity, the absences not yet over and whether a
 * new screening may go to them today (by absence and load; a conflict depends on the screening). Conflict
 * declarations are about people and are left out.
 */
export function capacityOf(coordinators: readonly Coordinator[], openScreenings: ReadonlyMap<string, number>, today: string): CoordinatorCapacity[] {
  assertCalendarDate(today);
  return coordinators.map((coordinator) => {
    const open = openScreenings.get(coordinator.id) ?? 0;
    const absentToday = isAbsentOn(coordinator, today);
    const absences = coordinator.absences
      .filter((absence) => absence.to >= today)
      .map(({ from, to }) => ({ from, to }))
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    return {
      id: coordinator.id,
      name: coordinator.name,
      lead: coordinator.lead,
      open,
      capacity: coordinator.capacity,
      absences,
      absentToday,
      availableToday: !absentToday && open < coordinator.capacity,
    };
  });
}
