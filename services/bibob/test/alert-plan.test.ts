import { describe, expect, it } from 'vitest';
import { alertFiresAt, alertJobs } from '../src/alerts/alert-plan.js';

const ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const HOUR_MS = 60 * 60 * 1000;

describe(alertJobs.name, () => {
  it('plans a lead-time and a deadline alert for each known deadline, the deadline one at the end of its day', () => {
    const sut = alertJobs(ID, { uitersteBeslisdatum: '2027-03-01', lbbAdviesUiterlijk: '2027-02-15' }, 48 * HOUR_MS);
    expect(sut.map((job) => [job.jobId, job.fireAt.toISOString()])).toEqual([
      [`${ID}-uitersteBeslisdatum-2027-03-01-nadert`, '2027-02-28T00:00:00.000Z'],
      [`${ID}-uitersteBeslisdatum-2027-03-01-verstreken`, '2027-03-02T00:00:00.000Z'],
      [`${ID}-lbbAdviesUiterlijk-2027-02-15-nadert`, '2027-02-14T00:00:00.000Z'],
      [`${ID}-lbbAdviesUiterlijk-2027-02-15-verstreken`, '2027-02-16T00:00:00.000Z'],
    ]);
  });

  it('plans nothing for a deadline an open suspension leaves open', () => {
    const sut = alertJobs(ID, { uitersteBeslisdatum: null, lbbAdviesUiterlijk: '2027-02-15' }, HOUR_MS);
    expect(sut.map((job) => job.data.deadline)).toEqual(['lbbAdviesUiterlijk', 'lbbAdviesUiterlijk']);
  });

  it('gives a moved deadline new job ids, so its old jobs can be told apart and removed', () => {
    const before = alertJobs(ID, { uitersteBeslisdatum: '2027-03-01', lbbAdviesUiterlijk: null }, HOUR_MS).map((job) => job.jobId);
    const after = alertJobs(ID, { uitersteBeslisdatum: '2027-03-08', lbbAdviesUiterlijk: null }, HOUR_MS).map((job) => job.jobId);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
  });
});

describe(alertFiresAt.name, () => {
  it('fires the deadline alert when the last allowed day has passed, crossing a year end', () => {
    expect(alertFiresAt({ deadlineDate: '2026-12-31', moment: 'verstreken' }, HOUR_MS).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
