import { APP_FILTER } from '@nestjs/core';
import { AccessErrorFilter, AuditedAccess } from '@signaalhub/access';
import { AuditLog } from '@signaalhub/audit';
import { createEventBus, type BusProducer, type EventBus } from '@signaalhub/bus';
import { TOPIC_DEFINITIONS } from '@signaalhub/contracts';
import { DEFAULT_FRESHNESS_WINDOW, EnvelopeOpener, EnvelopeSealer, RedisReplayStore, storedEnvelopeOpener, type PartyKeyring } from '@signaalhub/envelope';
import type { Logger } from '@signaalhub/logging';
import { MatchTokenStore } from '@signaalhub/matching';
import { TransactionalOutbox } from '@signaalhub/outbox';
import {
  connectDurableRedis,
  kafkaProbe,
  loadServiceKeys,
  openServiceDatabase,
  outboxBacklogProbe,
  postgresProbe,
  redisProbe,
  type ComposedService,
  type JobWorkers,
} from '@signaalhub/service-kit';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ContentOpener } from './access/content-opener.js';
import { MeetingAccessPolicy } from './access/meeting-access-policy.js';
import { ActionStore } from './actions/action-store.js';
import { ActionTracker } from './actions/action-tracker.js';
import { SignalAdmission } from './admission/signal-admission.js';
import { AgendaQueues } from './agenda/agenda-queues.js';
import { AgendaReader } from './agenda/agenda-reader.js';
import { AgendaStore } from './agenda/agenda-store.js';
import { MUNICIPALITY_LIST, type MeetingConfig } from './config.js';
import { DecisionRecorder } from './decisions/decision-recorder.js';
import { DecisionStore } from './decisions/decision-store.js';
import { MEETING_MIGRATIONS } from './database/migrations.js';
import { ItemHistoryReader } from './history/item-history-reader.js';
import { ItemHistoryStore } from './history/item-history-store.js';
import { ActionsController } from './http/actions.controller.js';
import { AgendaController } from './http/agenda.controller.js';
import { HistoryController } from './http/history.controller.js';
import { MeetingAgendaController } from './http/meeting-agenda.controller.js';
import { InformationRequestsController } from './http/information-requests.controller.js';
import { MeetingsController } from './http/meetings.controller.js';
import { InformationRequestIntake } from './information/information-request-intake.js';
import { HandoverAnswerIntake } from './handovers/handover-answer-intake.js';
import { HandoverAnswerStore } from './handovers/handover-answer-store.js';
import { InformationRequestReader } from './information/information-request-reader.js';
import { InformationRequestStore } from './information/information-request-store.js';
import { InformationResponder } from './information/information-responder.js';
import { meetingJobWorkers } from './jobs/meeting-jobs.js';
import { MeetingAgendaStore } from './meetings/meeting-agenda-store.js';
import { MeetingAgendas } from './meetings/meeting-agendas.js';
import { MeetingCalendar } from './meetings/meeting-calendar.js';
import { MeetingStore } from './meetings/meeting-store.js';
import { ActionReminders } from './reminders/action-reminders.js';

/** Audit actor of this service when it acts on its own (Kafka events). */
export const SERVICE_NAME = 'meeting';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Everything the service is made of, built once from the configuration (the composition root). */
export interface MeetingService extends ComposedService {
  readonly config: MeetingConfig;
  readonly logger: Logger;
  readonly bus: EventBus;
  readonly redis: Redis;
  readonly bullmqConnection: Redis;
  readonly postgres: pg.Pool;
  readonly keyring: PartyKeyring;
  readonly audit: AuditLog;
  readonly queues: AgendaQueues;
  /** The workers of every job the service runs (agenda queues and reminders). */
  readonly workers: JobWorkers;
  readonly reminders: ActionReminders;
  readonly actions: ActionTracker;
  /** The application clock: real time shifted by MEETING_CLOCK_OFFSET_SECONDS. */
  readonly clock: () => Date;
  readonly outbox: TransactionalOutbox;
  readonly admission: SignalAdmission;
  readonly reader: AgendaReader;
  readonly decisions: DecisionRecorder;
  readonly meetings: MeetingStore;
  readonly calendar: MeetingCalendar;
  readonly history: ItemHistoryReader;
  readonly meetingAgendas: MeetingAgendas;
  /** Information requests to the municipalities it serves: received from Kafka, read and answered over HTTP. */
  readonly informationIntake: InformationRequestIntake;
  readonly handoverAnswers: HandoverAnswerIntake;
  readonly informationReader: InformationRequestReader;
  readonly informationResponder: InformationResponder;
  readonly policy: MeetingAccessPolicy;
  readonly access: AuditedAccess;
  /** Starts workers, the reminders (reconciled, then swept) and the outbox relay (the Kafka consumer is the skeleton's). */
  start(): Promise<void>;
  /** Stops them (idempotent). */
  stop(): Promise<void>;
  /** Stops them if still running, then closes every client. */
  close(): Promise<void>;
}

/**
 * `clock` replaces the application clock (real time shifted by MEETING_CLOCK_OFFSET_SECONDS) that the date
 * rules and reminders read: tests pass a fixed one; it is never set over HTTP.
 */
export async function composeMeeting({ config, logger, clock: givenClock }: { config: MeetingConfig; logger: Logger; clock?: () => Date }): Promise<MeetingService> {
  // Keys are configuration too: a broken key directory or passphrase exits 78 before anything connects.
  const { keyring } = await loadServiceKeys(config.KEYS_DIR, config.HUB_KEY_PASSPHRASE);
  const schema = config.MEETING_DATABASE_SCHEMA;
  const prefix = config.MEETING_QUEUE_PREFIX;

  const redis = await connectDurableRedis(config.REDIS_URL);
  // BullMQ needs its own connection that retries forever instead of failing commands.
  const bullmqConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const postgres = await openServiceDatabase({ url: config.DATABASE_URL, schema, migrations: MEETING_MIGRATIONS, maxConnections: 10 });
  const audit = await AuditLog.open(postgres, schema);

  const bus = createEventBus({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, logger });
  await bus.provision(TOPIC_DEFINITIONS, { replicationFactor: config.KAFKA_REPLICATION_FACTOR });
  const deadLetterProducer: BusProducer = bus.createProducer();
  await deadLetterProducer.connect();

  const opener = new EnvelopeOpener(keyring, {
    replayStore: new RedisReplayStore(redis, config.MEETING_REPLAY_NAMESPACE),
    window: { maxAgeMs: config.ENVELOPE_MAX_AGE_DAYS * DAY_MS, clockSkewMs: DEFAULT_FRESHNESS_WINDOW.clockSkewMs },
  });
  const sealer = new EnvelopeSealer(keyring);

  const municipalities = config.MUNICIPALITIES;
  const queues = new AgendaQueues(bullmqConnection, municipalities, prefix);
  const agenda = new AgendaStore(postgres, schema);
  const tokens = new MatchTokenStore(postgres, schema);
  const offsetMs = config.MEETING_CLOCK_OFFSET_SECONDS * 1000;
  const clock = givenClock ?? ((): Date => new Date(Date.now() + offsetMs));
  const actionStore = new ActionStore(postgres, schema);
  const reminders = new ActionReminders(actionStore, bullmqConnection, prefix, config.ACTION_REMINDER_LEAD_DAYS, logger, clock);
  const workers = meetingJobWorkers({ connection: bullmqConnection, prefix, municipalities, agenda, reminders, logger });
  const outbox = new TransactionalOutbox({ pool: postgres, databaseUrl: config.DATABASE_URL, schema, producer: bus.createProducer(), logger });
  const policy = new MeetingAccessPolicy(municipalities, config.MEETING_PARTNER_PARTIES);
  const access = new AuditedAccess(audit, logger);

  const admission = new SignalAdmission({
    opener,
    queues,
    agenda,
    tokens,
    inbox: { service: SERVICE_NAME, deadLetters: deadLetterProducer, audit, logger },
  });
  const storedOpener = storedEnvelopeOpener(keyring);
  const reader = new AgendaReader(agenda, tokens, policy, access, storedOpener);
  const calendar = new MeetingCalendar(clock);
  const historyStore = new ItemHistoryStore(postgres, schema);
  const contents = new ContentOpener(storedOpener, access);
  const handoverAnswerStore = new HandoverAnswerStore(postgres, schema);
  const history = new ItemHistoryReader(agenda, historyStore, handoverAnswerStore, tokens, policy, access, contents);
  const handoverAnswers = new HandoverAnswerIntake({
    opener,
    store: handoverAnswerStore,
    municipalities,
    riecParty: config.RIEC_PARTY,
    inbox: { service: SERVICE_NAME, deadLetters: deadLetterProducer, audit, logger },
  });
  const informationRequests = new InformationRequestStore(postgres, schema);
  const informationIntake = new InformationRequestIntake({
    opener,
    store: informationRequests,
    municipalities,
    inbox: { service: SERVICE_NAME, deadLetters: deadLetterProducer, audit, logger },
  });
  const informationReader = new InformationRequestReader(informationRequests, policy, access, storedOpener);
  const informationResponder = new InformationResponder({
    pool: postgres,
    store: informationRequests,
    reader: informationReader,
    agenda,
    outbox: outbox.writer,
    sealer,
    storedOpener,
    access,
    logger,
  });
  const decisions = new DecisionRecorder({
    pool: postgres,
    agenda,
    decisions: new DecisionStore(schema),
    history: historyStore,
    outbox: outbox.writer,
    reminders,
    sealer,
    keyring,
    policy,
    access,
    logger,
    riecParty: config.RIEC_PARTY,
    clock,
  });
  const actions = new ActionTracker({
    pool: postgres,
    actions: actionStore,
    reminders,
    sealer,
    opener: storedOpener,
    policy,
    access,
    logger,
    leadDays: config.ACTION_REMINDER_LEAD_DAYS,
    clock,
  });

  const meetings = new MeetingStore(postgres, schema);
  const meetingAgendas = new MeetingAgendas({
    meetings,
    planned: new MeetingAgendaStore(postgres, schema),
    agenda,
    history: historyStore,
    tokens,
    policy,
    access,
    contents,
    calendar,
  });
  let stopped: Promise<void> | undefined;
  // Producers of work first (the relay), then the workers that consume it; once, however often asked.
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      await outbox.stop();
      await reminders.close();
      await workers.close();
      await queues.close();
    })());

  return {
    config,
    logger,
    bus,
    redis,
    bullmqConnection,
    postgres,
    keyring,
    audit,
    queues,
    workers,
    reminders,
    actions,
    clock,
    outbox,
    admission,
    reader,
    decisions,
    meetings,
    calendar,
    history,
    meetingAgendas,
    informationIntake,
    handoverAnswers,
    informationReader,
    informationResponder,
    policy,
    access,
    controllers: [AgendaController, HistoryController, MeetingsController, MeetingAgendaController, ActionsController, InformationRequestsController],
    providers: [
      { provide: APP_FILTER, useClass: AccessErrorFilter },
      { provide: MUNICIPALITY_LIST, useValue: municipalities },
      { provide: AgendaReader, useValue: reader },
      { provide: DecisionRecorder, useValue: decisions },
      { provide: ActionTracker, useValue: actions },
      { provide: MeetingStore, useValue: meetings },
      { provide: MeetingCalendar, useValue: calendar },
      { provide: ItemHistoryReader, useValue: history },
      { provide: MeetingAgendas, useValue: meetingAgendas },
      { provide: InformationRequestReader, useValue: informationReader },
      { provide: InformationResponder, useValue: informationResponder },
      { provide: MeetingAccessPolicy, useValue: policy },
      { provide: AuditedAccess, useValue: access },
    ],
    probes: [kafkaProbe(bus), redisProbe(redis), postgresProbe(postgres)],
    backlogs: [outboxBacklogProbe(outbox)],
    async start() {
      await workers.start();
      await reminders.start();
      await outbox.start();
    },
    stop,
    async close() {
      await stop();
      await bus.close();
      await bullmqConnection.quit();
      await redis.quit();
      await postgres.end();
    },
  };
}
