import { APP_FILTER } from '@nestjs/core';
import { AccessErrorFilter, AuditedAccess } from '@signaalhub/access';
import { AuditLog } from '@signaalhub/audit';
import { ConfigError } from '@signaalhub/config';
import { createEventBus, type EventBus } from '@signaalhub/bus';
import { municipalityPartyId, TOPIC_DEFINITIONS } from '@signaalhub/contracts';
import type { Logger } from '@signaalhub/logging';
import { TransactionalOutbox } from '@signaalhub/outbox';
import { type ComposedService, connectDurableRedis, loadServiceKeys, openServiceDatabase } from '@signaalhub/service-kit';
import { kafkaProbe, outboxBacklogProbe, postgresProbe, redisProbe } from '@signaalhub/service-kit';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { RegistryAccessPolicy } from './access/registry-access-policy.js';
import type { PermitRegistryConfig } from './config.js';
import { PERMIT_REGISTRY_MIGRATIONS } from './database/migrations.js';
import { EstablishmentRegister } from './establishments/establishment-register.js';
import { EstablishmentStore } from './establishments/establishment-store.js';
import { EstablishmentsController } from './http/establishments.controller.js';
import { MunicipalRecords } from './registry/registry-records.js';
import { loadRegistrySettings, type RegistrySettings } from './registry/registry-settings.js';

/** Audit actor of this service when it acts on its own (Kafka events). */
export const SERVICE_NAME = 'permit-registry';

/** Everything the service is made of, built once from the configuration (the composition root). */
export interface PermitRegistryService extends ComposedService {
  readonly bus: EventBus;
  readonly postgres: pg.Pool;
  readonly redis: Redis;
  readonly settings: RegistrySettings;
}

/** `clock`: the application clock every date reads (tests shift it; the service uses the system's). */
export async function composePermitRegistry({ config, logger, clock = (): Date => new Date() }: { config: PermitRegistryConfig; logger: Logger; clock?: () => Date }): Promise<PermitRegistryService> {
  // Keys and the registry file are configuration too: either broken exits 78 before anything connects.
  const { keyring, matchTokenKey } = await loadServiceKeys(config.KEYS_DIR, config.HUB_KEY_PASSPHRASE);
  const municipalities = config.PERMIT_REGISTRY_MUNICIPALITIES;
  const keyless = municipalities.filter((municipality) => !keyring.canActAs(municipalityPartyId(municipality)));
  if (keyless.length > 0) throw new ConfigError(keyless.map((municipality) => `PERMIT_REGISTRY_MUNICIPALITIES: no private key for ${municipalityPartyId(municipality)} in KEYS_DIR`));
  const loaded = await loadRegistrySettings('PERMIT_REGISTRY_CONFIG_FILE', config.PERMIT_REGISTRY_CONFIG_FILE);
  if (!loaded.ok) throw new ConfigError(loaded.problems);
  const { settings } = loaded;
  const schema = config.PERMIT_REGISTRY_DATABASE_SCHEMA;

  const redis = await connectDurableRedis(config.REDIS_URL);
  const postgres = await openServiceDatabase({ url: config.DATABASE_URL, schema, migrations: PERMIT_REGISTRY_MIGRATIONS, maxConnections: 10 });
  const audit = await AuditLog.open(postgres, schema);
  const bus = createEventBus({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, logger });
  await bus.provision(TOPIC_DEFINITIONS, { replicationFactor: config.KAFKA_REPLICATION_FACTOR });
  const outbox = new TransactionalOutbox({ pool: postgres, databaseUrl: config.DATABASE_URL, schema, producer: bus.createProducer(), logger });

  const records = new MunicipalRecords(keyring, municipalities);
  const policy = new RegistryAccessPolicy(municipalities);
  const access = new AuditedAccess(audit, logger.child({ component: 'access' }));
  const establishments = new EstablishmentRegister({
    store: new EstablishmentStore(postgres, schema),
    records,
    policy,
    access,
    settings,
    matchTokenKey,
    logger,
    clock,
  });

  return {
    bus,
    postgres,
    redis,
    settings,
    controllers: [EstablishmentsController],
    providers: [
      { provide: APP_FILTER, useClass: AccessErrorFilter },
      { provide: AuditedAccess, useValue: access },
      { provide: EstablishmentRegister, useValue: establishments },
    ],
    probes: [postgresProbe(postgres), redisProbe(redis), kafkaProbe(bus)],
    backlogs: [outboxBacklogProbe(outbox)],
    start: () => outbox.start(),
    stop: () => outbox.stop(),
    // After stop: the relay no longer uses the producer, the pool or Redis.
    close: async () => {
      await bus.close();
      await Promise.all([redis.quit(), postgres.end()]);
    },
  };
}
