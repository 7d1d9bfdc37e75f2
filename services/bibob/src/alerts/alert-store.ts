import type { DeadlineAlertMoment, ScreeningDeadline, ScreeningDeadlineAlertJobData } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { Pool } from 'pg';
import type { ScreeningDeadlines } from './alert-plan.js';

/** A screening whose alert jobs may not follow its latest change (or, on start, every open one). */
export interface ScheduleCandidate {
  readonly id: string;
  readonly closed: boolean;
  readonly updatedAt: Date;
  readonly jobIds: readonly string[];
}

/** An alert as a coordinator sees it in the pool. */
export interface FiredAlert {
  readonly screeningId: string;
  readonly deadline: ScreeningDeadline;
  readonly deadlineDate: string;
  readonly moment: DeadlineAlertMoment;
  readonly firedAt: string;
  /** Fired for the deadline the screening has now (a later move leaves older alerts in the record). */
  readonly current: boolean;
}

/** The alert schedule and the fired alerts, in the pool's schema (migration 0011_deadline_alerts). */
export class AlertStore {
  private readonly s: string;

  constructor(private readonly pool: Pool, schema: string) {
    this.s = quotedSchema(schema);
  }

  /** `all`: every open screening plus any changed since it was scheduled (start-up); else only the changed. */
  async candidates(all: boolean): Promise<ScheduleCandidate[]> {
    return this.select(`a.screening_id IS NULL OR s.updated_at <> a.follows_update ${all ? `OR s.phase <> 'afgesloten'` : ''}`, []);
  }

  /** One screening as it is now, whether or not its alerts follow it (a step just changed it). */
  async candidate(screeningId: string): Promise<ScheduleCandidate | undefined> {
    return (await this.select('s.id = $1', [screeningId]))[0];
  }

  private async select(where: string, values: readonly unknown[]): Promise<ScheduleCandidate[]> {
    const result = await this.pool.query<{ id: string; closed: boolean; updated_at: Date; job_ids: string[] | null }>(
      `SELECT s.id, s.phase = 'afgesloten' AS closed, s.updated_at, a.job_ids
       FROM ${this.s}.screenings s LEFT JOIN ${this.s}.screening_alert_schedule a ON a.screening_id = s.id
       WHERE ${where}`,
      [...values],
    );
    return result.rows.map((row) => ({ id: row.id, closed: row.closed, updatedAt: row.updated_at, jobIds: row.job_ids ?? [] }));
  }

  async markScheduled(candidate: ScheduleCandidate, deadlines: ScreeningDeadlines, jobIds: readonly string[]): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.s}.screening_alert_schedule (screening_id, follows_update, decision_date, lbb_advice_date, job_ids)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (screening_id) DO UPDATE SET follows_update = EXCLUDED.follows_update, decision_date = EXCLUDED.decision_date,
         lbb_advice_date = EXCLUDED.lbb_advice_date, job_ids = EXCLUDED.job_ids`,
      [candidate.id, candidate.updatedAt, deadlines.uitersteBeslisdatum, deadlines.lbbAdviesUiterlijk, jobIds],
    );
  }

  /** Stores the alert once, however often its job runs; true when this call stored it. */
  async record(alert: ScreeningDeadlineAlertJobData, firedAt: Date): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO ${this.s}.screening_alerts (screening_id, deadline, deadline_date, moment, fired_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [alert.screeningId, alert.deadline, alert.deadlineDate, alert.moment, firedAt],
    );
    return result.rowCount === 1;
  }

  /** The alerts of these screenings, oldest first. */
  async alertsOf(screeningIds: readonly string[]): Promise<FiredAlert[]> {
    if (screeningIds.length === 0) return [];
    const result = await this.pool.query<FiredAlert>(
      `SELECT f.screening_id AS "screeningId", f.deadline, to_char(f.deadline_date, 'YYYY-MM-DD') AS "deadlineDate", f.moment,
              to_char(f.fired_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "firedAt",
              COALESCE(f.deadline_date = CASE f.deadline WHEN 'uitersteBeslisdatum' THEN a.decision_date ELSE a.lbb_advice_date END, false) AS current
       FROM ${this.s}.screening_alerts f LEFT JOIN ${this.s}.screening_alert_schedule a ON a.screening_id = f.screening_id
       WHERE f.screening_id = ANY($1::uuid[])
       ORDER BY f.fired_at, f.deadline, f.moment`,
      [screeningIds],
    );
    return result.rows;
  }
}
