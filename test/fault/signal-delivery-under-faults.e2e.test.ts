import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DEFAULT_MUNICIPALITIES, IDEMPOTENCY_KEY_HEADER, type SignalSubmissionInput } from '@signaalhub/contracts';
import { IDENTITY_HEADER, issueIdentityToken } from '@signaalhub/identity';
import {
  eventually,
  freePort,
  ServiceProcess,
  startPrivateKafka,
  testInfrastructure,
  uniqueName,
  type PrivateKafka,
} from '@signaalhub/test-infra';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * DESIGN.md §8.2: an accepted signal survives a crash of any one component. While 1,000 signals are
 * posted, the meeting service and the Kafka broker are SIGKILLed and restarted; afterwards every accepted
 * signal is on exactly one agenda, once.
 */
const SIGNALS = 1_000;
const IN_FLIGHT = 8;
const infrastructure = testInfrastructure();
const started = Date.now();
const progress = (line: string): void => {
  process.stdout.write(`[fault-test +${Math.round((Date.now() - started) / 1000)} s] ${line}\n`);
};
const municipalities = DEFAULT_MUNICIPALITIES.map((municipality) => municipality.id);

function submission(municipality: string, index: number): SignalSubmissionInput {
  return {
    municipality,
    theme: 'autobranche',
    location: { postcode: '3761AB', huisnummer: { number: (index % 500) + 1 } },
    subjects: [{ kind: 'business', kvkNumber: String(10_000_000 + index) }],
    indicators: ['contante-betalingen'],
    freeText: 'Storingstest',
    distribution: { recipients: [`gemeente-${municipality}`, 'politie-bes', 'riec-mn'] },
  };
}

describe('signal delivery under faults', () => {
  const run = uniqueName('fault').replaceAll('-', '_');
  const database = new pg.Pool({ connectionString: infrastructure.databaseUrl, max: 2 });
  let kafka: PrivateKafka;
  let intakeUrl: string;
  let intakeEnv: Record<string, string>;
  let meetingEnv: Record<string, string>;
  const processes: ServiceProcess[] = [];

  const supervision = { active: true };
  let supervisor: Promise<void> = Promise.resolve();
  /** Like systemd's Restart=always: a meeting service that cannot reach Kafka at start-up exits and is started again. */
  const superviseMeeting = async (): Promise<void> => {
    for (let attempt = 1; supervision.active && attempt <= 30; attempt++) {
      const code = await start('meeting', meetingEnv).exited;
      progress(`meeting exited (${String(code)}), restart ${attempt}`);
    }
  };

  const start = (service: 'signal-intake' | 'meeting', env: Record<string, string>): ServiceProcess => {
    const child = ServiceProcess.start(service, env);
    processes.push(child);
    return child;
  };

  beforeAll(async () => {
    kafka = await startPrivateKafka();
    const common = {
      KAFKA_BROKERS: kafka.brokers.join(','),
      REDIS_URL: infrastructure.redisUrl,
      DATABASE_URL: infrastructure.databaseUrl,
      KEYS_DIR: infrastructure.keysDir,
      HUB_KEY_PASSPHRASE: infrastructure.keyPassphrase,
      IDENTITY_TOKEN_SECRET: infrastructure.identitySecret,
      LOG_LEVEL: 'info',
    };
    const intakePort = await freePort();
    intakeUrl = `http://127.0.0.1:${intakePort}`;
    intakeEnv = { ...common, SIGNAL_INTAKE_PORT: String(intakePort), SIGNAL_INTAKE_DB_SCHEMA: `intake_${run}`, KAFKA_GROUP_ID: `intake-${run}`, OUTBOX_POLL_MS: '200' };
    meetingEnv = {
      ...common,
      MEETING_PORT: String(await freePort()),
      MEETING_DATABASE_SCHEMA: `meeting_${run}`,
      MEETING_QUEUE_PREFIX: `fault-${run}`,
      MEETING_REPLAY_NAMESPACE: `fault-${run}`.replaceAll('_', '-'),
      KAFKA_GROUP_ID: `meeting-${run}`,
    };
    start('signal-intake', intakeEnv);
    start('meeting', meetingEnv);
    await eventually(async () => ((await fetch(`${intakeUrl}/health/live`).catch(() => undefined))?.ok ? true : undefined), {
      timeoutMs: 60_000,
      what: 'signal-intake to listen',
    });
  });

  afterAll(async () => {
    supervision.active = false;
    for (const child of processes) child.stop('SIGKILL');
    await Promise.all(processes.map((child) => child.exited));
    await supervisor;
    // Kept as artifacts: what each process said while the faults happened.
    mkdirSync('test-results/fault', { recursive: true });
    processes.forEach((child, index) => {
      writeFileSync(`test-results/fault/process-${index}.log`, child.log);
    });
    await database.query(`DROP SCHEMA IF EXISTS intake_${run} CASCADE; DROP SCHEMA IF EXISTS meeting_${run} CASCADE`);
    await database.end();
    await kafka.dispose();
  });

  it('puts every accepted signal on exactly one agenda, once, although the meeting service and the broker were killed', { timeout: 540_000 }, async () => {
    // A fresh token per request, as the web application does: services refuse tokens older than a few minutes.
    const token = (municipality: string): Promise<string> =>
      issueIdentityToken({ userId: `inspecteur.${municipality}`, party: `gemeente-${municipality}`, roles: ['inspector'] }, { secret: infrastructure.identitySecret });
    const accepted = new Map<string, string>(); // signal id → municipality
    const refused: number[] = [];
    const faults: Promise<void>[] = [];
    const meeting = processes[1];
    const faultAt = new Map<number, () => Promise<void>>([
      [200, async () => {
        meeting?.stop('SIGKILL');
        await meeting?.exited;
      }],
      [350, () => kafka.kill()],
      [550, () => kafka.start()],
      [700, () => {
        supervisor = superviseMeeting();
        return Promise.resolve();
      }],
    ]);

    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < SIGNALS) {
          const index = next++;
          const fault = faultAt.get(index);
          if (fault !== undefined) {
            progress(`fault at signal ${index}`);
            faults.push(fault());
          }
          if (index % 100 === 0) progress(`posting signal ${index}, accepted ${accepted.size}`);
          const municipality = municipalities[index % municipalities.length] ?? 'soest';
          const response = await fetch(`${intakeUrl}/api/signals`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: await token(municipality), [IDEMPOTENCY_KEY_HEADER]: randomUUID() },
            body: JSON.stringify(submission(municipality, index)),
            signal: AbortSignal.timeout(60_000),
          }).catch(() => undefined);
          if (response === undefined) {
            refused.push(0);
            continue;
          }
          if (response.status === 201) accepted.set(((await response.json()) as { id: string }).id, municipality);
          else refused.push(response.status);
        }
      }),
    );
    await Promise.all(faults);
    progress(`posted; accepted ${accepted.size}, refused ${refused.length}`);

    // Accepting does not depend on Kafka or the meeting service: the outbox holds what the broker cannot take.
    expect(refused).toEqual([]);
    expect(accepted.size).toBe(SIGNALS);

    const onAgenda = await eventually(
      async () => {
        const rows = await database
          .query<{ message_id: string; municipality: string }>(`SELECT message_id, municipality FROM meeting_${run}.agenda_items`)
          .catch(() => ({ rows: [] }));
        if (rows.rows.length < accepted.size) progress(`on the agenda: ${rows.rows.length}`);
        return rows.rows.length >= accepted.size ? rows.rows : undefined;
      },
      { timeoutMs: 120_000, what: `${accepted.size} agenda items`, intervalMs: 5_000 },
    );
    expect(onAgenda).toHaveLength(accepted.size);
    for (const row of onAgenda) expect(accepted.get(row.message_id), row.message_id).toBe(row.municipality);
  });
});
