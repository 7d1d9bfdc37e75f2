/*
 * POST /api/signals until the item is on the meeting agenda (issue 4, acceptance 7), against the bare
 * openpgp chain (sign+encrypt → decrypt+verify) in the same run: same keys, same signal-sized
 * plaintext, same operations in flight, rounds alternating which goes first. Target: ratio ≥ 0.7.
 * Figures merge into .bench/latest.json under `intakeToAgenda`.
 *
 * The compiled signal-intake and meeting services run as processes, as in production, with bench-only
 * schemas, queue prefix and consumer groups on REDIS_URL and DATABASE_URL. Kafka is a private broker
 * (same distribution and settings as the stack's): topic names are fixed constants, so on the shared
 * broker every run would leave ~1,400 sealed bench signals on the stack's own signal topic.
 *
 * Run (after `npx tsc -b`): npx tsx --conditions=source bench/intake-to-agenda.bench.ts
 * Diagnosis: BENCH_SERVICE_NODE_OPTIONS is passed to both services as NODE_OPTIONS (e.g. a profiler's --import).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MUNICIPALITIES, IDEMPOTENCY_KEY_HEADER, Queues, type MunicipalityId, type SignalSubmissionInput } from '@signaalhub/contracts';
import { loadKeyringFromDirectory, OPENPGP_CONFIG, REPLAY_KEY_PREFIX } from '@signaalhub/envelope';
import { IDENTITY_HEADER, issueIdentityToken } from '@signaalhub/identity';
import { ensurePartyKeys } from '@signaalhub/stack';
import { eventually, freePort, ServiceProcess, startPrivateKafka } from '@signaalhub/test-infra';
import { Redis } from 'ioredis';
import { createMessage, decrypt, encrypt, readMessage } from 'openpgp';
import pg from 'pg';
import { alternatingRounds, median, mergeBenchFigures, percentile } from './bench-figures.js';

const ROUNDS = 5;
const SIGNALS_PER_ROUND = 200;
const WARM_UP = 300;
/** Fixed for the recorded figure; BENCH_IN_FLIGHT only for diagnosis (where waiting turns into CPU). */
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 8);
const TARGET_RATIO = 0.7;
const PASSPHRASE = 'bench-passphrase';
const RECIPIENTS_BESIDES_MUNICIPALITY = ['politie-bes', 'riec-mn'];

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:16379';
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://signaalhub@127.0.0.1:15432/signaalhub';
const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const intakeSchema = `bench_intake_${run}`;
const meetingSchema = `bench_meeting_${run}`;
const slug = run.replaceAll('_', '-');
const queuePrefix = `bench-${slug}`;
const meetingReplayNamespace = `bench-meeting-${slug}`;
// The intake names its replay namespace after its schema.
const intakeReplayNamespace = intakeSchema.replaceAll('_', '-');
const municipalities = DEFAULT_MUNICIPALITIES.map((municipality) => municipality.id);
const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
/** Wall-clock milliseconds with sub-millisecond resolution, comparable with PostgreSQL's now(). */
const wallClockMs = (): number => performance.timeOrigin + performance.now();

/** A typical inspector's signal: a business, a person and a vehicle, two indicators, a paragraph of text. */
function submission(municipality: string, index: number): SignalSubmissionInput {
  return {
    municipality,
    theme: 'autobranche',
    location: { postcode: '3761AB', huisnummer: { number: (index % 500) + 1 } },
    subjects: [
      { kind: 'business', kvkNumber: String(10_000_000 + index), tradeName: 'Autobedrijf De Eem B.V.' },
      { kind: 'person', name: 'Jan de Vries', birthDate: '1980-02-29' },
      { kind: 'vehicle', kenteken: '12-ABC-3' },
    ],
    indicators: ['contante-betalingen', 'snel-wisselende-voorraad'],
    freeText:
      'Bij een integrale controle trof de toezichthouder een bedrijfsruimte aan met veel dure voertuigen en nauwelijks ' +
      'klanten. De voorraad wisselt wekelijks, betalingen gaan volgens buren contant en de administratie was niet ' +
      'beschikbaar. Op het terrein stonden voertuigen met buitenlandse kentekens. Graag bespreken in het overleg.',
    distribution: { recipients: [`gemeente-${municipality}`, ...RECIPIENTS_BESIDES_MUNICIPALITY] },
  };
}


interface RoundFigures {
  readonly perSecond: number;
  readonly latenciesMs: number[];
  /** Hub rounds only: per stage, each signal's share of its latency (see `stagesOf`). */
  readonly stagesMs?: Record<Stage, number[]>;
}

/**
 * Where a signal's time goes, from timestamps the hub writes anyway. PostgreSQL's now() is the start of
 * the writing transaction: the outbox's created_at is taken after sealing, its published_at when the
 * relay's claim began (before the Kafka send), so "kafka → queue" includes the send. The audit entry's
 * time is taken once its writer holds the chain lock. The first three stages make up the POST's
 * response time; "relay wait" runs from the outbox insert, so it overlaps them.
 */
const STAGES = ['validate+seal', 'store+audit lock', 'audit+reply', 'relay wait', 'kafka → queue', 'queue wait', 'worker'] as const;
type Stage = (typeof STAGES)[number];

// ---------------------------------------------------------------------------------------------- set-up
say(`intake → agenda bench: keys, private Kafka broker, services (run ${run})`);
const keysDir = mkdtempSync(join(tmpdir(), 'signaalhub-bench-keys-'));
ensurePartyKeys(keysDir, PASSPHRASE);
const keyring = await loadKeyringFromDirectory(keysDir, PASSPHRASE);
const kafka = await startPrivateKafka();
const identitySecret = randomBytes(32).toString('hex');
const database = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });

const common = {
  KAFKA_BROKERS: kafka.brokers.join(','),
  REDIS_URL: redisUrl,
  DATABASE_URL: databaseUrl,
  KEYS_DIR: keysDir,
  HUB_KEY_PASSPHRASE: PASSPHRASE,
  IDENTITY_TOKEN_SECRET: identitySecret,
  // The production default: logging is part of what a signal costs.
  LOG_LEVEL: 'info',
  // Diagnosis only, e.g. `--import=<file>` of a profiler; passed to both services as NODE_OPTIONS.
  ...(process.env.BENCH_SERVICE_NODE_OPTIONS === undefined ? {} : { NODE_OPTIONS: process.env.BENCH_SERVICE_NODE_OPTIONS }),
};
const [intakePort, meetingPort] = [await freePort(), await freePort()];
const intakeUrl = `http://127.0.0.1:${intakePort}`;
const processes = [
  ServiceProcess.start('signal-intake', {
    ...common,
    SIGNAL_INTAKE_PORT: String(intakePort),
    SIGNAL_INTAKE_DB_SCHEMA: intakeSchema,
    KAFKA_GROUP_ID: `bench-intake-${slug}`,
  }),
  ServiceProcess.start('meeting', {
    ...common,
    MEETING_PORT: String(meetingPort),
    MEETING_DATABASE_SCHEMA: meetingSchema,
    MEETING_QUEUE_PREFIX: queuePrefix,
    MEETING_REPLAY_NAMESPACE: meetingReplayNamespace,
    KAFKA_GROUP_ID: `bench-meeting-${slug}`,
  }),
];

// The load generator shares the two cores with the hub, so it should cost little: plain node:http on
// kept-alive connections costs about half of what fetch costs per request.
const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
const postSignal = (identityToken: string, body: string): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const request = httpRequest(
      `${intakeUrl}/api/signals`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          [IDENTITY_HEADER]: identityToken,
          [IDEMPOTENCY_KEY_HEADER]: randomUUID(),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body: text });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });

/** Servers by the command name the kernel gives their processes; every such process on the machine counts. */
const SERVER_COMMANDS: Record<string, string> = { java: 'kafka', postgres: 'postgresql', 'redis-server': 'redis' };

/**
 * Linux only (elsewhere empty): CPU milliseconds used so far by this process, the services it started,
 * and the servers (all Kafka brokers, PostgreSQL and Redis processes on the machine, idle ones too).
 */
function cpuMsByPart(): Record<string, number> {
  const ticksToMs = 10; // USER_HZ is 100 on Linux
  const read = (pid: string): { ppid: string; cpuMs: number; name: string } | undefined => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      return { ppid: fields[1] ?? '', cpuMs: (Number(fields[11]) + Number(fields[12])) * ticksToMs, name };
    } catch {
      return undefined;
    }
  };
  const usage: Record<string, number> = {};
  const self = read(String(process.pid));
  if (self === undefined) return usage;
  usage.bench = self.cpuMs;
  for (const pid of readdirSync('/proc').filter((name) => /^[0-9]+$/.test(name))) {
    const found = read(pid);
    if (found === undefined) continue;
    const server = SERVER_COMMANDS[found.name];
    if (server !== undefined) usage[server] = (usage[server] ?? 0) + found.cpuMs;
    if (found.ppid !== String(process.pid)) continue;
    const command = ((): string => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        return '';
      }
    })();
    const service = ['signal-intake', 'meeting'].find((name) => command.includes(`services/${name}/dist/main.js`));
    if (service !== undefined) usage[service] = found.cpuMs;
  }
  return usage;
}

/**
 * Linux only (elsewhere 0): CPU milliseconds the whole machine has been busy, all cores together. Over a
 * hub round it covers what the per-process figures miss (Kafka, PostgreSQL, Redis); other work on the
 * machine counts too, so it is an upper bound.
 */
function machineBusyMs(): number {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: busy is all but idle and iowait.
    const total = fields.slice(0, 8).reduce((sum, ticks) => sum + ticks, 0);
    return (total - (fields[3] ?? 0) - (fields[4] ?? 0)) * 10;
  } catch {
    return 0;
  }
}

/** A service that died makes every later wait time out: say which one, with its last words. */
function assertServicesRunning(): void {
  for (const child of processes) {
    if (!child.running) throw new Error(`a service exited during the bench; its log ends with:\n${child.log.slice(-2_000)}`);
  }
}

async function cleanUp(): Promise<void> {
  agent.destroy();
  for (const child of processes) child.stop('SIGTERM');
  const stopped = Promise.all(processes.map((child) => child.exited));
  const deadline = new Promise((resolve) => setTimeout(resolve, 15_000).unref());
  await Promise.race([stopped, deadline]);
  for (const child of processes) if (child.running) child.stop('SIGKILL');
  await stopped;
  await database.query(`DROP SCHEMA IF EXISTS ${intakeSchema} CASCADE; DROP SCHEMA IF EXISTS ${meetingSchema} CASCADE`).catch(() => undefined);
  for (const match of [`${queuePrefix}:*`, `${REPLAY_KEY_PREFIX}:${meetingReplayNamespace}:*`, `${REPLAY_KEY_PREFIX}:${intakeReplayNamespace}:*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1_000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  }
  await redis.quit();
  await database.end();
  await kafka.dispose();
  rmSync(keysDir, { recursive: true, force: true });
}

try {
  for (const url of [intakeUrl, `http://127.0.0.1:${meetingPort}`]) {
    await eventually(
      async () => {
        assertServicesRunning();
        return (await fetch(`${url}/health/ready`).catch(() => undefined))?.ok ? true : undefined;
      },
      { timeoutMs: 120_000, what: `${url} to be ready`, intervalMs: 250 },
    );
  }

  // A fresh token per request, as the web application does: services refuse tokens older than a few minutes.
  const inspectorToken = (municipality: string): Promise<string> =>
    issueIdentityToken({ userId: `inspecteur.${municipality}`, party: `gemeente-${municipality}`, roles: ['inspector'] }, { secret: identitySecret });

  // ------------------------------------------------------------------------------------- the hub's chain
  let posted = 0;

  /** Each signal's latency runs from the start of its POST to the agenda row's own insert time (added_at). */
  async function measurePipeline(count: number): Promise<RoundFigures> {
    const startedAt = new Map<string, number>();
    const answeredAt = new Map<string, number>();
    const municipalityOf = new Map<string, string>();
    let next = 0;
    const roundStart = wallClockMs();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < count) {
          next += 1;
          const index = posted++;
          const municipality = municipalities[index % municipalities.length] ?? 'soest';
          // Minted before the clock starts: the latency is the hub's, not the test client's.
          const identityToken = await inspectorToken(municipality);
          const start = wallClockMs();
          const response = await postSignal(identityToken, JSON.stringify(submission(municipality, index)));
          if (response.status !== 201) throw new Error(`POST /api/signals answered ${response.status}: ${response.body}`);
          const id = (JSON.parse(response.body) as { id: string }).id;
          startedAt.set(id, start);
          answeredAt.set(id, wallClockMs());
          municipalityOf.set(id, municipality);
        }
      }),
    );
    const ids = [...startedAt.keys()];
    // Only decides when the round is over; the timings come from the rows, not from this poll.
    const rows = await eventually(
      async () => {
        assertServicesRunning();
        const result = await database.query<{ message_id: string; added_ms: number }>(
          `SELECT message_id, (extract(epoch FROM added_at) * 1000)::float8 AS added_ms FROM ${meetingSchema}.agenda_items WHERE message_id = ANY($1::uuid[])`,
          [ids],
        );
        return result.rows.length === ids.length ? result.rows : undefined;
      },
      { timeoutMs: 180_000, what: `${ids.length} signals on the agenda`, intervalMs: 100 },
    );
    const latenciesMs = rows.map((row) => row.added_ms - (startedAt.get(row.message_id) ?? Number.NaN));
    const lastOnAgenda = Math.max(...rows.map((row) => row.added_ms));
    const perSecond = count / ((lastOnAgenda - roundStart) / 1000);
    // Read after the round's clock stopped, so the breakdown costs the measurement nothing.
    const stagesMs = await stagesOf(rows, startedAt, answeredAt, municipalityOf);
    return { perSecond, latenciesMs, stagesMs };
  }

  async function stagesOf(
    rows: readonly { message_id: string; added_ms: number }[],
    startedAt: ReadonlyMap<string, number>,
    answeredAt: ReadonlyMap<string, number>,
    municipalityOf: ReadonlyMap<string, string>,
  ): Promise<Record<Stage, number[]>> {
    const ids = rows.map((row) => row.message_id);
    const outbox = await database.query<{ message_id: string; created_ms: number; claimed_ms: number }>(
      `SELECT message_id, (extract(epoch FROM created_at) * 1000)::float8 AS created_ms, (extract(epoch FROM published_at) * 1000)::float8 AS claimed_ms
         FROM ${intakeSchema}.outbox WHERE message_id = ANY($1::uuid[])`,
      [ids],
    );
    const outboxOf = new Map(outbox.rows.map((row) => [row.message_id, row]));
    const audit = await database.query<{ object_id: string; at_ms: number }>(
      `SELECT object_id, (extract(epoch FROM at) * 1000)::float8 AS at_ms FROM ${intakeSchema}.audit_log
        WHERE action = 'signal.submit' AND result = 'allowed' AND object_id = ANY($1::text[])`,
      [ids],
    );
    const auditedAt = new Map(audit.rows.map((row) => [row.object_id, row.at_ms]));
    const jobs = redis.pipeline();
    // BullMQ's job hash: `<prefix>:<queue>:<job id>`, job id = message id; times in epoch ms.
    for (const id of ids) jobs.hmget(`${queuePrefix}:${Queues.agenda(municipalityOf.get(id) as MunicipalityId)}:${id}`, 'timestamp', 'processedOn');
    const jobTimes = ((await jobs.exec()) ?? []).map(([, value]) => (value as (string | null)[]).map(Number));
    const stages = Object.fromEntries(STAGES.map((stage) => [stage, [] as number[]])) as Record<Stage, number[]>;
    rows.forEach((row, index) => {
      const start = startedAt.get(row.message_id) ?? Number.NaN;
      const stored = outboxOf.get(row.message_id);
      const [queuedAt = Number.NaN, processedOn = Number.NaN] = jobTimes[index] ?? [];
      if (stored === undefined) return;
      const audited = auditedAt.get(row.message_id) ?? Number.NaN;
      stages['validate+seal'].push(stored.created_ms - start);
      stages['store+audit lock'].push(audited - stored.created_ms);
      stages['audit+reply'].push((answeredAt.get(row.message_id) ?? Number.NaN) - audited);
      stages['relay wait'].push(stored.claimed_ms - stored.created_ms);
      stages['kafka → queue'].push(queuedAt - stored.claimed_ms);
      stages['queue wait'].push(processedOn - queuedAt);
      stages.worker.push(row.added_ms - processedOn);
    });
    return stages;
  }

  // --------------------------------------------------------------------------------------- the baseline
  // The plaintext the intake signs: the signal plus the signed routing facts (see EnvelopeSealer).
  const plaintext = new TextEncoder().encode(
    JSON.stringify({
      messageId: randomUUID(),
      sender: 'gemeente-soest',
      recipients: ['gemeente-soest', ...RECIPIENTS_BESIDES_MUNICIPALITY],
      issuedAt: new Date().toISOString(),
      headerDigest: `sha256:${randomBytes(32).toString('hex')}`,
      payload: {
        id: randomUUID(),
        reportedAt: new Date().toISOString(),
        reporter: { party: 'gemeente-soest', userId: 'inspecteur.soest' },
        ...submission('soest', 0),
      },
    }),
  );
  const senderKey = await keyring.privateKey('gemeente-soest');
  const bareRecipients = ['gemeente-soest', ...RECIPIENTS_BESIDES_MUNICIPALITY].map((party) => keyring.publicKey(party));

  async function bareChain(): Promise<void> {
    const armored = await encrypt({
      message: await createMessage({ binary: plaintext }),
      encryptionKeys: bareRecipients,
      signingKeys: senderKey,
      config: OPENPGP_CONFIG,
    });
    await decrypt({
      message: await readMessage({ armoredMessage: armored, config: OPENPGP_CONFIG }),
      decryptionKeys: senderKey,
      verificationKeys: keyring.publicKey('gemeente-soest'),
      expectSigned: true,
      format: 'binary',
      config: OPENPGP_CONFIG,
    });
  }

  async function measureBare(count: number): Promise<RoundFigures> {
    let next = 0;
    const latenciesMs: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < count) {
          next += 1;
          const start = performance.now();
          await bareChain();
          latenciesMs.push(performance.now() - start);
        }
      }),
    );
    return { perSecond: count / ((performance.now() - started) / 1000), latenciesMs };
  }

  // ----------------------------------------------------------------------------------------- the rounds
  say('warm-up');
  await measureBare(WARM_UP);
  await measurePipeline(WARM_UP);
  const hubCpuMs: Record<string, number> = {};
  const machineMs = { hub: 0, bare: 0 };
  const measureHub = async (count: number): Promise<RoundFigures> => {
    const before = cpuMsByPart();
    const machineBefore = machineBusyMs();
    const figures = await measurePipeline(count);
    machineMs.hub += machineBusyMs() - machineBefore;
    for (const [name, ms] of Object.entries(cpuMsByPart())) hubCpuMs[name] = (hubCpuMs[name] ?? 0) + ms - (before[name] ?? 0);
    return figures;
  };
  const measureBareRound = async (count: number): Promise<RoundFigures> => {
    const machineBefore = machineBusyMs();
    const figures = await measureBare(count);
    machineMs.bare += machineBusyMs() - machineBefore;
    return figures;
  };
  const line = (round: string, order: string, b: RoundFigures, e: RoundFigures): string =>
    [
      round.padEnd(6),
      order.padEnd(14),
      b.perSecond.toFixed(1).padStart(8),
      percentile(b.latenciesMs, 50).toFixed(0).padStart(8),
      percentile(b.latenciesMs, 99).toFixed(0).padStart(8),
      e.perSecond.toFixed(1).padStart(10),
      percentile(e.latenciesMs, 50).toFixed(0).padStart(8),
      percentile(e.latenciesMs, 99).toFixed(0).padStart(8),
      (e.perSecond / b.perSecond).toFixed(3).padStart(7),
    ].join(' ');
  say(`\n${SIGNALS_PER_ROUND} signals per round, ${IN_FLIGHT} in flight, plaintext ${plaintext.byteLength} bytes`);
  say(`${'round'.padEnd(6)} ${'order'.padEnd(14)} ${'bare/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'agenda/s'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'ratio'.padStart(7)}`);
  const { bare, service: pipeline } = await alternatingRounds(
    ROUNDS,
    () => measureBareRound(SIGNALS_PER_ROUND),
    () => measureHub(SIGNALS_PER_ROUND),
    (round, bareFirst, b, e) => {
      say(line(String(round + 1), bareFirst ? 'bare first' : 'hub first', b, e));
    },
  );

  const stageP50 = Object.fromEntries(
    STAGES.map((stage) => [stage, Math.round(percentile(pipeline.flatMap((round) => round.stagesMs?.[stage] ?? []), 50))]),
  ) as Record<Stage, number>;
  say(`\nwhere a signal's time goes (p50 per stage, ms; the first three are the POST, "relay wait" overlaps them): ${STAGES.map((stage) => `${stage} ${stageP50[stage]}`).join(', ')}`);

  // CPU per signal (the bench's own includes its HTTP client and the breakdown queries; the servers'
  // include idle brokers and databases of other stacks): on a machine with few cores this, not waiting,
  // is what caps throughput.
  const hundredths = (value: number): number => Math.round(value * 100) / 100;
  const cpuMsPerSignal = Object.fromEntries(Object.entries(hubCpuMs).map(([name, ms]) => [name, hundredths(ms / (ROUNDS * SIGNALS_PER_ROUND))]));
  const machineCpuMsPerSignal = hundredths(machineMs.hub / (ROUNDS * SIGNALS_PER_ROUND));
  const machineCpuMsPerBareOperation = hundredths(machineMs.bare / (ROUNDS * SIGNALS_PER_ROUND));
  // With every core busy, CPU per signal alone bounds the throughput, whatever the waiting.
  const cores = availableParallelism();
  const cpuBoundSignalsPerSecond = Math.round((cores * 1000) / machineCpuMsPerSignal);
  say(`CPU ms per signal in hub rounds: ${Object.entries(cpuMsPerSignal).map(([name, ms]) => `${name} ${ms}`).join(', ')}`);
  say(
    `whole machine, all cores: ${machineCpuMsPerSignal} CPU ms per signal against ${machineCpuMsPerBareOperation} per bare operation; ` +
      `${cores} cores allow at most ${cpuBoundSignalsPerSecond} signals/s at this cost ` +
      `(ratio ≤ ${(cpuBoundSignalsPerSecond / median(bare.map((round) => round.perSecond))).toFixed(2)})`,
  );

  const bareLatencies = bare.flatMap((round) => round.latenciesMs);
  const pipelineLatencies = pipeline.flatMap((round) => round.latenciesMs);
  const ratio = median(pipeline.map((round) => round.perSecond)) / median(bare.map((round) => round.perSecond));
  const figures = {
    description: 'POST /api/signals until the item is in the agenda table vs bare openpgp sign+encrypt → decrypt+verify (per second, median of rounds)',
    plaintextBytes: plaintext.byteLength,
    inFlight: IN_FLIGHT,
    rounds: ROUNDS,
    signalsPerRound: SIGNALS_PER_ROUND,
    bareOpsPerSecond: Math.round(median(bare.map((round) => round.perSecond))),
    bareP50Ms: Math.round(percentile(bareLatencies, 50)),
    bareP99Ms: Math.round(percentile(bareLatencies, 99)),
    signalsOnAgendaPerSecond: Math.round(median(pipeline.map((round) => round.perSecond))),
    intakeToAgendaP50Ms: Math.round(percentile(pipelineLatencies, 50)),
    intakeToAgendaP99Ms: Math.round(percentile(pipelineLatencies, 99)),
    stageP50Ms: stageP50,
    cpuMsPerSignal,
    machineCpuMsPerSignal,
    machineCpuMsPerBareOperation,
    cpuBoundSignalsPerSecond,
    ratio: Math.round(ratio * 1000) / 1000,
    target: TARGET_RATIO,
    meetsTarget: ratio >= TARGET_RATIO,
    rounds_: { bare: bare.map((round) => Math.round(round.perSecond)), intakeToAgenda: pipeline.map((round) => Math.round(round.perSecond)) },
  };
  await mergeBenchFigures('intakeToAgenda', figures);
  say(
    `\nPOST → agenda: ${figures.signalsOnAgendaPerSecond}/s (p50 ${figures.intakeToAgendaP50Ms} ms, p99 ${figures.intakeToAgendaP99Ms} ms); ` +
      `bare chain ${figures.bareOpsPerSecond}/s (p50 ${figures.bareP50Ms} ms, p99 ${figures.bareP99Ms} ms); ` +
      `ratio ${figures.ratio} (target ≥ ${TARGET_RATIO}) ${figures.meetsTarget ? 'OK' : 'BELOW TARGET'}`,
  );
  process.exitCode = figures.meetsTarget ? 0 : 1;
} catch (error) {
  process.stderr.write(`intake → agenda bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
