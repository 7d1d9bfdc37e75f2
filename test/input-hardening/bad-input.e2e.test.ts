import { randomUUID } from 'node:crypto';
import { createEventBus } from '@signaalhub/bus';
import { BIBOB_QUESTIONNAIRE, Topics, type AgendaEntry, type ApplicationSummary, type EstablishmentSummary, type InformationRequestSummary, type Meeting } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { createLogger } from '@signaalhub/logging';
import { INPUT_RULES, type InputRule } from '@signaalhub/service-kit';
import { eventually, RunningService, serviceEnv, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideWithActions, soestItems } from '../../services/meeting/test/support/agenda-items.js';
import { caller, startMeeting } from '../../services/meeting/test/support/running-meeting.js';
import { sealInformationRequest } from '../../services/meeting/test/support/sealed-information-requests.js';
import { randomKvkNumber, sealSignal } from '../../services/meeting/test/support/sealed-signals.js';
import { coordinator as poolCoordinator, LEAD, POOL, startBibob } from '../../services/bibob/test/support/running-bibob.js';
import { screeningForm } from '../../services/bibob/test/support/screening-requests.js';
import { periodsOf } from '../../services/riec-feed/src/projections/periods.js';
import { liaison, startFeed } from '../../services/riec-feed/test/support/running-feed.js';
import { registration, soestOfficer, startRegistry } from '../../services/permit-registry/test/support/running-registry.js';
import { identity, postSignal, startIntake } from '../../services/signal-intake/test/support/intake-service.js';
import { goodSubmission } from '../../services/signal-intake/test/support/submissions.js';
import { DEMO_LEAD_COORDINATOR } from '../../services/web/src/accounts/demo-coordinators.js';
import { fieldLabel } from '../../services/web/src/forms/field-labels.js';
import { WebModule, type WebParts } from '../../services/web/src/http/web.module.js';
import { apiRoutes, controllerRoutes, takesInput, type Route } from './routes.js';
import { storeDigest } from './stores.js';

/*
 * Acceptance 4 of issue 9 (and of issue 10 for the pool's API, issue 11 acceptance 6 for the permit registry's,
 * issue 12 acceptance 6 for the riec feed's): the bad inputs of "Input hardening" against every route of the
 * intake, the meeting service, the bibob pool, the permit registry, the riec feed and the web application that
 * takes input. The route lists come from the running APIs'
 * OpenAPI documents and the web's controller metadata, so a new route without a row here fails the test.
 * Each bad input gets its 4xx naming the field (Dutch on the web, the Dutch 404 page for a malformed id
 * in a page address), and afterwards every store of the services is as it was. The registry's own rules
 * (KvK number, vestigingsnummer, postcode, SBI code, dates in the wrong order, unknown fields) have their
 * table too: 400/422 naming the field and the rule, nothing stored, nothing queued to publish.
 */

const DEMO_PASSWORD = 'Invoer-hardening-2026';
const INVALID_UTF8 = Buffer.from([0xc3, 0x28]);

interface Problem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** What a route of an API needs for a good request; the cases spoil one part of it. */
interface ApiRow {
  readonly service: 'intake' | 'meeting' | 'bibob' | 'registry' | 'feed';
  readonly caller: () => UserIdentity;
  readonly query?: Readonly<Record<string, string>>;
  /** A malformed value per path parameter that is not a uuid (e.g. a municipality's slug). */
  readonly malformed?: Readonly<Record<string, string>>;
  readonly body?: () => Record<string, unknown>;
  /** A text field of the body (dotted) that the body cases spoil. */
  readonly textField?: string;
  readonly headers?: () => Record<string, string>;
  /** Path values a route needs to get past "not found" (default: the pending item's id): a meeting, a decision, an action's index, a request. */
  readonly ids?: () => Readonly<Record<string, string>>;
}

/** A bad request and what must come back: the status and the field named. */
interface Case {
  readonly name: string;
  readonly path: string;
  readonly body?: Buffer;
  readonly contentType?: string;
  readonly status: number;
  readonly field: string;
  readonly rule?: InputRule;
}

const soestInspector = identity('gemeente-soest', ['inspector']);
const soestMember = caller('gemeente-soest');
const poolMember = poolCoordinator();
/** Only the pool's lead coordinator may reassign (the body is looked at after access). */
const poolLead = poolCoordinator(LEAD);
const poolAuditor = caller(POOL, ['auditor']);
/** The hub's admin: the only one who may import earlier signals. */
const hubAdmin = caller('riec-mn', ['admin']);
const riecLiaison = liaison();
const permitOfficer = soestOfficer();

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A JSON body with `field` (dotted) set to a marker that is then replaced by raw bytes. */
function bodyWith(base: Record<string, unknown>, field: string, value: string | Buffer): Buffer {
  const copy = structuredClone(base);
  const keys = field.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const marker = `@@${randomUUID()}@@`;
  target[keys.at(-1) ?? ''] = typeof value === 'string' ? value : marker;
  const json = JSON.stringify(copy);
  if (typeof value === 'string') return Buffer.from(json, 'utf8');
  const [before, after] = json.split(marker);
  return Buffer.concat([Buffer.from(before ?? '', 'utf8'), value, Buffer.from(after ?? '', 'utf8')]);
}

const withQuery = (path: string, query: string): string => (query === '' ? path : `${path}?${query}`);
const encodeQuery = (query: Readonly<Record<string, string>>): string => new URLSearchParams(query).toString();

/** Every bad input a route of an API can be given, with the 400 it must answer. */
function apiCases(route: Route, row: ApiRow, pathFor: (values: Record<string, string>) => string): Case[] {
  const goodIds = Object.fromEntries(route.pathParameters.map((name) => [name, row.ids?.()[name] ?? '']));
  const goodPath = pathFor(goodIds);
  const goodQuery = row.query ?? {};
  const cases: Case[] = [];
  for (const parameter of route.query) {
    const others = encodeQuery(Object.fromEntries(Object.entries(goodQuery).filter(([name]) => name !== parameter)));
    const good = goodQuery[parameter] ?? 'soest';
    const spoilt = (raw: string): string => withQuery(goodPath, [others, raw].filter((part) => part !== '').join('&'));
    cases.push(
      { name: `?${parameter} with invalid UTF-8`, path: spoilt(`${parameter}=so%C3%28est`), status: 400, field: parameter, rule: 'invalidUtf8' },
      { name: `?${parameter} with U+0000`, path: spoilt(`${parameter}=soest%00`), status: 400, field: parameter, rule: 'controlCharacters' },
      { name: `?${parameter} with an escape character`, path: spoilt(`${parameter}=soest%1B`), status: 400, field: parameter, rule: 'controlCharacters' },
      { name: `?${parameter} repeated`, path: spoilt(`${parameter}=${good}&${parameter}=${good}`), status: 400, field: parameter, rule: 'repeated' },
      { name: `?${parameter} nested`, path: spoilt(`${parameter}[x]=${good}`), status: 400, field: parameter, rule: 'nested' },
    );
  }
  const query = encodeQuery(goodQuery);
  for (const parameter of route.pathParameters) {
    const ids = (value: string): string => withQuery(pathFor({ ...goodIds, [parameter]: value }), query);
    cases.push(
      { name: `{${parameter}} malformed`, path: ids(row.malformed?.[parameter] ?? 'not-a-uuid'), status: 400, field: parameter },
      { name: `{${parameter}} with invalid UTF-8`, path: ids('%C3%28'), status: 400, field: 'path' },
      { name: `{${parameter}} with U+0000`, path: ids('%00'), status: 400, field: 'path' },
    );
  }
  if (route.body && row.body !== undefined && row.textField !== undefined) {
    const base = row.body();
    const path = withQuery(goodPath, query);
    const field = row.textField;
    cases.push(
      { name: `${field} with invalid UTF-8`, path, body: bodyWith(base, field, INVALID_UTF8), status: 400, field: 'body', rule: 'invalidUtf8' },
      { name: `${field} with U+0000`, path, body: bodyWith(base, field, 'tekst\u0000'), status: 400, field, rule: 'controlCharacters' },
      { name: `${field} with a bell character`, path, body: bodyWith(base, field, 'tekst\u0007'), status: 400, field, rule: 'controlCharacters' },
      { name: `${field} with a lone surrogate`, path, body: bodyWith(base, field, 'tekst\ud800'), status: 400, field, rule: 'controlCharacters' },
      {
        name: 'a JSON body declaring UTF-16',
        path,
        body: Buffer.from(JSON.stringify(base), 'utf16le'),
        contentType: 'application/json; charset=utf-16',
        status: 400,
        field: 'body',
        rule: 'invalidUtf8',
      },
      { name: 'a body that is no object', path, body: Buffer.from('"tekst"'), status: 400, field: 'body' },
      { name: 'an unknown field', path, body: Buffer.from(JSON.stringify({ ...base, extra: 'x' })), status: 400, field: 'extra' },
    );
  }
  return cases;
}

describe('bad input against every endpoint', () => {
  let intake: RunningService;
  let meeting: RunningService;
  let bibob: RunningService;
  let feed: RunningService;
  let registry: RunningService;
  let web: RunningService;
  let itemId: string;
  let meetingId: string;
  let decisionId: string;
  let requestId: string;
  let screeningId: string;
  let establishmentId: string;
  let application: ApplicationSummary;
  const started: { stop: () => Promise<unknown> }[] = [];

  const API_ROWS: Readonly<Record<string, ApiRow>> = {
    'POST /api/signals': {
      service: 'intake',
      caller: () => soestInspector,
      body: () => goodSubmission({ freeText: 'Veel dure auto\u2019s,\tnooit klanten.\r\nTweede regel.' }),
      textField: 'freeText',
      headers: () => ({ 'idempotency-key': randomUUID() }),
    },
    'POST /api/admin/signal-imports': {
      service: 'intake',
      caller: () => hubAdmin,
      body: () => ({ signals: [{ importId: randomUUID(), reportedOn: '2026-01-15', signal: goodSubmission({ freeText: 'Oud signaal,\tnooit klanten.\r\nTweede regel.' }) }] }),
      textField: 'signals.0.signal.freeText',
    },
    'GET /api/signals/{id}': { service: 'intake', caller: () => soestInspector },
    'GET /api/policy/distribution': { service: 'intake', caller: () => soestInspector, query: { municipality: 'soest' } },
    'GET /api/agenda': { service: 'meeting', caller: () => soestMember, query: { municipality: 'soest' } },
    'GET /api/meetings': { service: 'meeting', caller: () => soestMember, query: { municipality: 'soest' } },
    'POST /api/meetings': { service: 'meeting', caller: () => soestMember, body: () => ({ municipality: 'soest', date: '2033-03-03' }), textField: 'municipality' },
    'GET /api/agenda/items/{id}': { service: 'meeting', caller: () => soestMember },
    'POST /api/agenda/items/{id}/decision': {
      service: 'meeting',
      caller: () => soestMember,
      body: () => ({ approach: 'bestuurlijk', leadParty: 'gemeente-soest', actions: [], riecHandover: false, feedback: 'Zie\tbijlage.\r\nGroet.' }),
      textField: 'feedback',
    },
    'GET /api/agenda/items/{id}/history': { service: 'meeting', caller: () => soestMember },
    'GET /api/agenda/discussed': { service: 'meeting', caller: () => soestMember, query: { municipality: 'soest', approach: 'bestuurlijk', leadParty: 'gemeente-soest' } },
    'GET /api/meetings/{id}': { service: 'meeting', caller: () => soestMember, ids: () => ({ id: meetingId }) },
    'POST /api/meetings/{id}/items': { service: 'meeting', caller: () => soestMember, ids: () => ({ id: meetingId }), body: () => ({ itemId: randomUUID() }), textField: 'itemId' },
    'PUT /api/meetings/{id}/items': { service: 'meeting', caller: () => soestMember, ids: () => ({ id: meetingId }), body: () => ({ itemIds: [] }), textField: 'itemIds' },
    'DELETE /api/meetings/{id}/items/{itemId}': { service: 'meeting', caller: () => soestMember, ids: () => ({ id: meetingId }) },
    'GET /api/meetings/{id}/print/agenda': { service: 'meeting', caller: () => soestMember, ids: () => ({ id: meetingId }) },
    'GET /api/meetings/{id}/print/decisions': { service: 'meeting', caller: () => soestMember, ids: () => ({ id: meetingId }) },
    'GET /api/actions': { service: 'meeting', caller: () => soestMember, query: { item: randomUUID() } },
    'POST /api/actions/{decisionId}/{actionIndex}/done': {
      service: 'meeting',
      caller: () => soestMember,
      ids: () => ({ decisionId, actionIndex: '0' }),
      body: () => ({ doneOn: '2030-01-01', note: 'Gedaan:\tbezoek.\r\nKlaar.' }),
      textField: 'note',
    },
    'POST /api/actions/{decisionId}/{actionIndex}/due-date': {
      service: 'meeting',
      caller: () => soestMember,
      ids: () => ({ decisionId, actionIndex: '0' }),
      body: () => ({ dueDate: '2031-01-01' }),
      textField: 'dueDate',
    },
    'GET /api/information-requests': { service: 'meeting', caller: () => soestMember, query: { municipality: 'soest' } },
    'GET /api/information-requests/{id}': { service: 'meeting', caller: () => soestMember, ids: () => ({ id: requestId }) },
    'POST /api/information-requests/{id}/response': {
      service: 'meeting',
      caller: () => soestMember,
      body: () => ({ outcome: 'refused', reason: 'Lopend\tonderzoek.\r\nGroet.' }),
      textField: 'reason',
      ids: () => ({ id: requestId }),
    },
    'POST /api/screenings': {
      service: 'bibob',
      caller: () => poolMember,
      body: () => ({ ...screeningForm({ municipality: 'soest' }) }),
      textField: 'people.0.name',
    },
    'GET /api/screenings': { service: 'bibob', caller: () => poolMember, query: { municipality: 'soest', assignee: 'coordinator-anna', unassigned: 'true' } },
    'POST /api/screenings/assignments': {
      service: 'bibob',
      caller: () => poolLead,
      body: () => ({ screeningIds: [screeningId], assignee: 'coordinator-anna', reason: 'Herverdeling:\tverlof.\r\nGroet.' }),
      textField: 'reason',
    },
    'GET /api/screenings/{id}': { service: 'bibob', caller: () => poolMember, ids: () => ({ id: screeningId }) },
    'POST /api/screenings/{id}/transitions': {
      service: 'bibob',
      caller: () => poolMember,
      ids: () => ({ id: screeningId }),
      body: () => ({ step: 'onderzoek-starten', reason: 'Start\tonderzoek.\r\nGroet.' }),
      textField: 'reason',
    },
    'PUT /api/screenings/{id}/questionnaire/{item}': {
      service: 'bibob',
      caller: () => poolMember,
      ids: () => ({ id: screeningId, item: BIBOB_QUESTIONNAIRE[0]?.item ?? '' }),
      body: () => ({ complete: true, answer: 'Geen\tbijzonderheden.\r\nKlaar.' }),
      textField: 'answer',
    },
    'POST /api/screenings/{id}/conclusions': {
      service: 'bibob',
      caller: () => poolMember,
      ids: () => ({ id: screeningId }),
      body: () => ({ conclusion: { level: 'geen-gevaar', explanation: 'Geen\trisico.\r\nKlaar.' }, reason: 'Afgerond' }),
      textField: 'conclusion.explanation',
    },
    'POST /api/screenings/{id}/conclusions/{version}/approval': {
      service: 'bibob',
      caller: () => poolMember,
      ids: () => ({ id: screeningId, version: '1' }),
      body: () => ({ reason: 'Akkoord\tna lezing.' }),
      textField: 'reason',
    },
    'POST /api/screenings/{id}/disclosures': {
      service: 'bibob',
      caller: () => poolMember,
      ids: () => ({ id: screeningId }),
      body: () => ({ ground: { code: 'art-28-lid-2-sub-d-riec', explanation: 'Art.\t28 lid 2.' } }),
      textField: 'ground.explanation',
    },
    'GET /api/disclosures': { service: 'bibob', caller: () => poolAuditor, query: { municipality: 'soest' } },
    'POST /api/screenings/{id}/information-requests': {
      service: 'bibob',
      caller: () => poolMember,
      ids: () => ({ id: screeningId }),
      body: () => ({ signalId: randomUUID(), purpose: 'Bibob-onderzoek:\tvergunning.\r\nGroet.' }),
      textField: 'purpose',
    },
    'GET /api/screenings/{id}/information-requests': { service: 'bibob', caller: () => poolMember, ids: () => ({ id: screeningId }) },
    'GET /api/screenings/{id}/information-requests/{requestId}/answer': { service: 'bibob', caller: () => poolMember, ids: () => ({ id: screeningId }) },
    'GET /api/hits': { service: 'feed', caller: () => riecLiaison, query: { kind: 'kvk', theme: 'autobranche' } },
    'GET /api/hits/{id}/signals': { service: 'feed', caller: () => riecLiaison, ids: () => ({ id: randomUUID() }) },
    'GET /api/hits/{id}/signals/{signalId}': { service: 'feed', caller: () => riecLiaison, ids: () => ({ id: randomUUID(), signalId: randomUUID() }) },
    'GET /api/hits/{id}/information-requests': { service: 'feed', caller: () => riecLiaison, ids: () => ({ id: randomUUID() }) },
    'POST /api/hits/{id}/information-requests': {
      service: 'feed',
      caller: () => riecLiaison,
      ids: () => ({ id: randomUUID() }),
      body: () => ({ signalId: randomUUID(), purpose: 'RIEC-casus:\tintegrale aanpak.\r\nGroet.' }),
      textField: 'purpose',
    },
    'POST /api/exclusions': {
      service: 'feed',
      caller: () => riecLiaison,
      body: () => ({ kind: 'kvk', kvkNumber: '1234 5678', label: 'Takelbedrijf' }),
      textField: 'label',
    },
    'DELETE /api/exclusions/{id}': { service: 'feed', caller: () => riecLiaison, ids: () => ({ id: randomUUID() }) },
    // A good period for the shape; the month is checked after it (422, FEED_RULE_CASES).
    'POST /api/releases': { service: 'feed', caller: () => riecLiaison, body: () => ({ period: '2026-01' }), textField: 'period' },
    'GET /api/releases/{id}': { service: 'feed', caller: () => riecLiaison, ids: () => ({ id: randomUUID() }) },
    'GET /api/releases/{id}/export.csv': { service: 'feed', caller: () => riecLiaison, ids: () => ({ id: randomUUID() }) },
    'GET /api/releases/{id}/export.json': { service: 'feed', caller: () => riecLiaison, ids: () => ({ id: randomUUID() }) },
    'GET /api/handovers': { service: 'feed', caller: () => riecLiaison },
    'GET /api/handovers/{id}': { service: 'feed', caller: () => riecLiaison, ids: () => ({ id: randomUUID() }) },
    'POST /api/handovers/{id}/acceptance': { service: 'feed', caller: () => riecLiaison, ids: () => ({ id: randomUUID() }), body: () => ({ caseReference: 'RIEC-2026-1' }), textField: 'caseReference' },
    'POST /api/handovers/{id}/return': {
      service: 'feed',
      caller: () => riecLiaison,
      ids: () => ({ id: randomUUID() }),
      body: () => ({ reason: 'Niet voor het RIEC:\tde politie.\r\nGroet.' }),
      textField: 'reason',
    },
    'POST /api/establishments': { service: 'registry', caller: () => permitOfficer, body: () => registration(), textField: 'tradeName' },
    'GET /api/public-register/{municipality}': { service: 'registry', caller: () => permitOfficer, ids: () => ({ municipality: 'soest' }), malformed: { municipality: 'Soest_1' }, query: { date: day(-1) } },
    'GET /api/public-register/{municipality}/csv': { service: 'registry', caller: () => permitOfficer, ids: () => ({ municipality: 'soest' }), malformed: { municipality: 'Soest_1' }, query: { date: day(-1) } },
    'GET /api/establishments': { service: 'registry', caller: () => permitOfficer, query: { municipality: 'soest', tradeName: 'Auto' } },
    'GET /api/establishments/{id}': { service: 'registry', caller: () => permitOfficer, ids: () => ({ id: establishmentId }) },
    'POST /api/establishments/{id}/rescreenings': {
      service: 'registry',
      caller: () => permitOfficer,
      ids: () => ({ id: establishmentId }),
      body: () => ({ reason: 'Signaal:\tcontante verkopen.\r\nGroet.' }),
      textField: 'reason',
    },
    'POST /api/applications': {
      service: 'registry',
      caller: () => permitOfficer,
      body: () => ({ establishmentId, kind: 'nieuw', receivedOn: day(-1) }),
      textField: 'kind',
    },
    'GET /api/applications': { service: 'registry', caller: () => permitOfficer, query: { municipality: 'soest' } },
    'GET /api/applications/{id}': { service: 'registry', caller: () => permitOfficer, ids: () => ({ id: application.id }) },
    'POST /api/applications/{id}/completeness-requests': {
      service: 'registry',
      caller: () => permitOfficer,
      ids: () => ({ id: application.id }),
      body: () => ({ missing: ['Plattegrond'], date: day(0) }),
      textField: 'date',
    },
    'POST /api/applications/{id}/completeness-receipts': {
      service: 'registry',
      caller: () => permitOfficer,
      ids: () => ({ id: application.id }),
      body: () => ({ date: day(0) }),
      textField: 'date',
    },
    'POST /api/applications/{id}/screening-request': { service: 'registry', caller: () => permitOfficer, ids: () => ({ id: application.id }) },
    'GET /api/permits/{id}': { service: 'registry', caller: () => permitOfficer, ids: () => ({ id: application.permitId }) },
    'POST /api/permits/{id}/actions': {
      service: 'registry',
      caller: () => permitOfficer,
      ids: () => ({ id: application.permitId }),
      body: () => ({ action: 'zienswijze-vragen', date: day(0), reason: 'Voornemen:\tweigeren.\r\nGroet.' }),
      textField: 'reason',
    },
  };

  beforeAll(async () => {
    [intake, meeting, bibob, registry, feed] = await Promise.all([
      startIntake({ LOG_LEVEL: 'warn' }),
      startMeeting({ LOG_LEVEL: 'warn' }),
      startBibob({ LOG_LEVEL: 'warn' }),
      startRegistry({ LOG_LEVEL: 'warn' }),
      startFeed(),
    ]);
    started.push(intake, meeting, bibob, registry, feed);
    // One Soest establishment with an application (and its permit), so the registry's routes get past "not found".
    const registered = await registry.call('POST', '/api/establishments', permitOfficer, registration());
    expect(registered.status, await registered.clone().text()).toBe(201);
    establishmentId = ((await registered.json()) as EstablishmentSummary).id;
    const applied = await registry.call('POST', '/api/applications', permitOfficer, { establishmentId, kind: 'nieuw', receivedOn: day(-5) });
    expect(applied.status, await applied.clone().text()).toBe(201);
    application = (await applied.json()) as ApplicationSummary;
    // One open Soest screening, so the screening routes get past "not found" to the input checks.
    const opened = await bibob.call('POST', '/api/screenings', poolMember, screeningForm({ municipality: 'soest' }));
    expect(opened.status, await opened.clone().text()).toBe(201);
    screeningId = ((await opened.json()) as { id: string }).id;
    web = await RunningService.start(
      'web',
      serviceEnv({
        LOG_LEVEL: 'warn',
        WEB_DB_SCHEMA: uniqueName('web').replace(/-/g, '_'),
        WEB_REDIS_PREFIX: uniqueName('web'),
        SEED_DEMO_USERS: 'true',
        DEMO_PASSWORD,
        SIGNAL_INTAKE_URL: intake.base,
        MEETING_URL: meeting.base,
        PERMIT_REGISTRY_URL: registry.base,
        RIEC_FEED_URL: feed.base,
      }),
      { schemaVariable: 'WEB_DB_SCHEMA' },
    );
    started.push(web);
    // One pending Soest item, so the item routes get past "not found" to the input checks.
    const bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'bad-input', logger: createLogger('bad-input', 'warn') });
    const producer = bus.createProducer();
    await producer.connect();
    const { envelope } = await sealSignal({ municipality: 'soest', kvkNumber: randomKvkNumber(), recipients: ['gemeente-soest', 'politie-bes'] });
    await producer.send(Topics.signalSubmitted, [{ key: 'soest', value: Buffer.from(JSON.stringify(envelope)) }]);
    itemId = envelope.header.messageId;
    // One open request to Soest about that item, so a response's body gets past "not found" to its checks.
    const requested = await sealInformationRequest({ municipality: 'soest', signalId: itemId });
    await producer.send(Topics.information, [{ key: 'soest', value: Buffer.from(JSON.stringify(requested.envelope)) }]);
    await bus.close();
    requestId = requested.request.requestId;
    await eventually(
      async () => {
        const entries = (await (await meeting.call('GET', '/api/agenda?municipality=soest', soestMember)).json()) as AgendaEntry[];
        return entries.some((entry) => entry.id === itemId) ? true : undefined;
      },
      { timeoutMs: 120_000, what: 'the item on the Soest agenda' },
    );
    // A meeting still to come and a decided item with one action, for the meeting and action routes.
    const scheduled = await meeting.call('POST', '/api/meetings', soestMember, { municipality: 'soest', date: '2035-05-05' });
    meetingId = ((await scheduled.json()) as Meeting).id;
    const [decidedItem] = await soestItems(meeting, 1);
    decisionId = await decideWithActions(meeting, decidedItem ?? '', ['2031-01-01']);
    await eventually(
      async () => {
        const requests = (await (await meeting.call('GET', '/api/information-requests?municipality=soest', soestMember)).json()) as InformationRequestSummary[];
        return requests.some((request) => request.id === requestId) ? true : undefined;
      },
      { timeoutMs: 120_000, what: 'the information request to Soest' },
    );
  });

  afterAll(async () => {
    for (const part of started.reverse()) await part.stop();
  });

  /** Every store of the three services, and the item still pending. */
  async function stores(): Promise<unknown> {
    const item = await meeting.pool.query<{ status: string; updated_at: string }>(
      `SELECT status, updated_at::text FROM "${meeting.schema}".agenda_items WHERE message_id = $1`,
      [itemId],
    );
    return {
      intake: await storeDigest(intake, ['decisions', 'match_tokens']),
      meeting: await storeDigest(meeting, ['agenda_items', 'match_tokens', 'information_requests']),
      web: await storeDigest(web),
      // Its outbox included: nothing queued to publish. Signals other tests publish may flag its establishment.
      registry: await storeDigest(registry, ['establishment_flags']),
      item: item.rows[0],
      pool: await poolStore(),
      // The feed's projections and hits are fed by its consumer only; its API writes the exclusion list.
      feed: await storeDigest(feed, ['processed_events', 'signal_facts', 'decision_facts', 'counts', 'lead_times', 'match_tokens', 'hit_summary', 'hit_ids', 'riec_envelopes', 'releases', 'handovers']),
    };
  }

  /**
   * The pool's store as the API can change it: the test's screening with everything hanging off it, and the
   * screenings the form opened (its consumer opens others from requests other tests publish on the shared topic).
   */
  async function poolStore(): Promise<unknown> {
    const s = `"${bibob.schema}"`;
    const result = await bibob.pool.query(
      `SELECT (SELECT row_to_json(x)::text FROM ${s}.screenings x WHERE id = $1) AS screening,
              (SELECT count(*)::int FROM ${s}.screenings WHERE request_message_id IS NULL) AS from_the_form,
              (SELECT count(*)::int FROM ${s}.screening_history WHERE screening_id = $1) AS history,
              (SELECT count(*)::int FROM ${s}.screening_questionnaire WHERE screening_id = $1) AS questionnaire,
              (SELECT count(*)::int FROM ${s}.screening_conclusions WHERE screening_id = $1) AS conclusions,
              (SELECT count(*)::int FROM ${s}.disclosure_register) AS disclosures`,
      [screeningId],
    );
    return result.rows[0];
  }

  it('answers every bad input to the APIs with a 400 naming the field, and stores nothing', async () => {
    const before = await stores();
    const services = { intake, meeting, bibob, registry, feed };
    let checked = 0;
    for (const service of ['intake', 'meeting', 'bibob', 'registry', 'feed'] as const) {
      const routes = (await apiRoutes(services[service].base)).filter(takesInput);
      for (const route of routes) {
        const row = API_ROWS[route.key];
        expect(row, `${route.key} of ${service} takes input but has no row in the table`).toBeDefined();
        if (row === undefined) continue;
        expect(row.service).toBe(service);
        const pathFor = (values: Record<string, string>): string =>
          route.key.slice(route.method.length + 1).replace(/\{(\w+)\}/g, (_, name: string) => values[name] || row.ids?.()[name] || itemId);
        for (const bad of apiCases(route, row, pathFor)) {
          const headers = {
            ...(await services[service].identityHeaders(row.caller())),
            ...row.headers?.(),
            'content-type': bad.contentType ?? 'application/json',
          };
          const response = await fetch(`${services[service].base}${bad.path}`, { method: route.method, headers, ...(bad.body === undefined ? {} : { body: new Uint8Array(bad.body) }) });
          const what = `${route.key}: ${bad.name}`;
          expect(response.status, what).toBe(bad.status);
          const answer = (await response.json()) as { problems?: Problem[] };
          const named = answer.problems?.find((problem) => problem.field === bad.field);
          expect(named, `${what} names ${bad.field}: ${JSON.stringify(answer)}`).toBeDefined();
          if (bad.rule !== undefined) expect(named, what).toMatchObject(INPUT_RULES[bad.rule]);
          for (const problem of answer.problems ?? []) expect(problem.field, `${what}: every problem names a field`).not.toBe('');
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(await stores()).toEqual(before);
  });

  /** A request that breaks one of the permit registry's own rules, and the field and rule its answer must name. */
  interface RegistryCase {
    readonly name: string;
    readonly method: 'GET' | 'POST';
    readonly path: () => string;
    readonly body?: () => Record<string, unknown>;
    readonly status: 400 | 422;
    readonly field: string;
    readonly rule: RegExp;
  }

  const establishment = (overrides: Parameters<typeof registration>[0]): Pick<RegistryCase, 'method' | 'path' | 'body'> => ({ method: 'POST', path: () => '/api/establishments', body: () => registration(overrides) });
  const search = (query: string): Pick<RegistryCase, 'method' | 'path'> => ({ method: 'GET', path: () => `/api/establishments?municipality=soest&${query}` });
  const permitAction = (body: Record<string, unknown>): Pick<RegistryCase, 'method' | 'path' | 'body'> => ({ method: 'POST', path: () => `/api/permits/${application.permitId}/actions`, body: () => body });

  const REGISTRY_CASES: readonly RegistryCase[] = [
    { name: 'a KvK number of 7 digits', ...establishment({ kvkNumber: '1234567' }), status: 400, field: 'kvkNumber', rule: /8 digits/ },
    { name: 'no KvK number', ...establishment({ kvkNumber: undefined }), status: 400, field: 'kvkNumber', rule: /./ },
    { name: 'a vestigingsnummer of 8 digits', ...establishment({ vestigingsnummer: '12345678' }), status: 400, field: 'vestigingsnummer', rule: /12 digits/ },
    { name: 'no vestigingsnummer', ...establishment({ vestigingsnummer: undefined }), status: 400, field: 'vestigingsnummer', rule: /./ },
    { name: 'a postcode with SS', ...establishment({ address: { postcode: '3762 SS', huisnummer: 1 } }), status: 400, field: 'address.postcode', rule: /postcode/ },
    { name: 'huisnummer 0', ...establishment({ address: { postcode: '3762AB', huisnummer: 0 } }), status: 400, field: 'address.huisnummer', rule: /huisnummer/ },
    { name: 'an SBI code of 3 digits', ...establishment({ activities: [{ activity: 'handel', sbiCode: '451' }] }), status: 400, field: 'activities.0.sbiCode', rule: /SBI/ },
    { name: 'an unknown activity', ...establishment({ activities: [{ activity: 'tanken', sbiCode: '45112' }] }), status: 400, field: 'activities.0.activity', rule: /./ },
    { name: 'an SBI code outside the list', ...establishment({ activities: [{ activity: 'handel', sbiCode: '56101' }] }), status: 422, field: 'activities.0.sbiCode', rule: /configuration lists/ },
    { name: 'a listed SBI code of another activity', ...establishment({ activities: [{ activity: 'handel', sbiCode: '77110' }] }), status: 422, field: 'activities.0.sbiCode', rule: /configuration lists/ },
    { name: 'no activities', ...establishment({ activities: [] }), status: 400, field: 'activities', rule: /./ },
    { name: 'a person without birth date', ...establishment({ people: [{ name: 'Jan', role: 'eigenaar' }] }), status: 400, field: 'people.0.birthDate', rule: /./ },
    { name: 'a person with an unknown role', ...establishment({ people: [{ name: 'Jan', birthDate: '1970-01-01', role: 'koper' }] }), status: 400, field: 'people.0.role', rule: /./ },
    { name: 'an unknown field in a registration', method: 'POST', path: () => '/api/establishments', body: () => ({ ...registration(), extra: 'x' }), status: 400, field: 'extra', rule: /unknown field/ },
    { name: 'a search by a KvK number of 3 digits', ...search('kvkNumber=123'), status: 400, field: 'kvkNumber', rule: /8 digits/ },
    { name: 'a search by postcode 0000AA', ...search('postcode=0000AA'), status: 400, field: 'postcode', rule: /postcode/ },
    { name: 'a search by a vestigingsnummer of 1 digit', ...search('vestigingsnummer=1'), status: 400, field: 'vestigingsnummer', rule: /12 digits/ },
    { name: 'a search by an unknown parameter', ...search('plaats=Soest'), status: 400, field: 'plaats', rule: /unknown field/ },
    {
      name: 'an application received in the future',
      method: 'POST',
      path: () => '/api/applications',
      body: () => ({ establishmentId, kind: 'nieuw', receivedOn: day(3) }),
      status: 422,
      field: 'receivedOn',
      rule: /future/,
    },
    {
      name: 'completeness asked before the application was received',
      method: 'POST',
      path: () => `/api/applications/${application.id}/completeness-requests`,
      body: () => ({ missing: ['Plattegrond'], date: day(-10) }),
      status: 422,
      field: 'date',
      rule: /before the latest date/,
    },
    {
      name: 'a permit valid until before it is valid from',
      ...permitAction({ action: 'verlenen', date: day(0), permitNumber: 'SOE-ORDE-1', validFrom: day(10), validUntil: day(5), reason: 'Voldoet' }),
      status: 422,
      field: 'validUntil',
      rule: /after validFrom/,
    },
    { name: 'a permit action with an unknown field', ...permitAction({ action: 'zienswijze-vragen', date: day(0), reason: 'Voornemen', extra: 'x' }), status: 400, field: 'extra', rule: /unknown field/ },
    { name: 'a re-screening without reason', method: 'POST', path: () => `/api/establishments/${establishmentId}/rescreenings`, body: () => ({ reason: ' ' }), status: 400, field: 'reason', rule: /./ },
  ];

  it("answers the permit registry's own rules with 400/422 naming the field and the rule, and stores and publishes nothing", async () => {
    const before = await stores();
    for (const bad of REGISTRY_CASES) {
      const response = await registry.call(bad.method, bad.path(), permitOfficer, bad.body?.());
      expect(response.status, bad.name).toBe(bad.status);
      const answer = (await response.json()) as { problems?: Problem[] };
      const named = answer.problems?.find((problem) => problem.field === bad.field);
      expect(named, `${bad.name} names ${bad.field}: ${JSON.stringify(answer)}`).toBeDefined();
      expect(named?.rule, bad.name).toMatch(bad.rule);
      expect(named?.message, bad.name).not.toBe('');
    }
    expect(await stores()).toEqual(before);
  });

  /** Periods the feed refuses to release: malformed months (422: the shape was a string) and a month not ended. */
  const FEED_PERIOD_CASES: readonly { name: string; period: string; rule: RegExp }[] = [
    { name: 'month 13', period: '2026-13', rule: /YYYY-MM/ },
    { name: 'month 00', period: '2026-00', rule: /YYYY-MM/ },
    { name: 'a day', period: '2026-01-15', rule: /YYYY-MM/ },
    { name: 'a quarter', period: '2026-Q1', rule: /YYYY-MM/ },
    { name: 'month first', period: '01-2026', rule: /YYYY-MM/ },
    { name: 'a two-digit year', period: '26-01', rule: /YYYY-MM/ },
    { name: 'the current month', period: periodsOf(new Date()).month, rule: /ended/ },
    { name: 'a month in the future', period: `${String(new Date().getUTCFullYear() + 1)}-01`, rule: /ended/ },
  ];

  it("answers the feed's release periods it refuses with 422 naming the period and the rule, and stores and publishes nothing", async () => {
    const before = await stores();
    const queued = await feed.countRows('outbox');
    for (const bad of FEED_PERIOD_CASES) {
      const response = await feed.call('POST', '/api/releases', riecLiaison, { period: bad.period });
      expect(response.status, bad.name).toBe(422);
      const answer = (await response.json()) as { problems?: Problem[] };
      const named = answer.problems?.find((problem) => problem.field === 'period');
      expect(named?.rule, `${bad.name}: ${JSON.stringify(answer)}`).toMatch(bad.rule);
      expect(named?.message, bad.name).not.toBe('');
    }
    expect(await feed.countRows('outbox')).toBe(queued);
    expect(await stores()).toEqual(before);
  });

  it('accepts tab and line breaks in free text', async () => {
    const body = API_ROWS['POST /api/signals']?.body?.();
    expect(body?.freeText).toMatch(/\t.*\r\n/s);
    const response = await postSignal(intake, body, { identity: soestInspector });
    expect(response.status).toBe(201);
  });

  describe('web application', () => {
    /** A signed-in browser in miniature: the session cookie and the last page's CSRF token. */
    class Visitor {
      cookie = '';
      csrf = '';

      async send(path: string, init: { method: 'GET' | 'POST'; body?: string; contentType?: string }): Promise<{ status: number; html: string }> {
        const headers: Record<string, string> = { cookie: this.cookie, ...(init.body === undefined ? {} : { 'content-type': init.contentType ?? 'application/x-www-form-urlencoded' }) };
        const response = await fetch(`${web.base}${path}`, { method: init.method, headers, redirect: 'manual', ...(init.body === undefined ? {} : { body: new Uint8Array(Buffer.from(init.body, 'latin1')) }) });
        const cookie = response.headers.get('set-cookie');
        if (cookie !== null) this.cookie = cookie.split(';')[0] ?? '';
        const html = await response.text();
        this.csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? this.csrf;
        return { status: response.status, html };
      }

      static async signedIn(accountName: string): Promise<Visitor> {
        const visitor = new Visitor();
        await visitor.send('/aanmelden', { method: 'GET' });
        const signedIn = await visitor.send('/aanmelden', { method: 'POST', body: new URLSearchParams({ _csrf: visitor.csrf, accountName, password: DEMO_PASSWORD }).toString() });
        expect(signedIn.status).toBe(303);
        await visitor.send('/', { method: 'GET' });
        return visitor;
      }
    }

    /** What a page of the web needs for a good request; the cases spoil one field. */
    interface WebRow {
      readonly as: 'inspector' | 'member' | 'coordinator' | 'officer' | 'liaison';
      /** Good form fields (urlencoded, as a browser sends them), without the CSRF token. */
      readonly form?: Readonly<Record<string, string>>;
      /** A field the page reads as one value. */
      readonly field?: string;
      readonly query?: Readonly<Record<string, string>>;
      /** Path values other than the pending item's id (a conclusion's version). */
      readonly ids?: Readonly<Record<string, string>>;
    }

    const QUESTIONNAIRE_ANSWER = `answer-${BIBOB_QUESTIONNAIRE[0]?.item ?? ''}`;

    const WEB_ROWS: Readonly<Record<string, WebRow>> = {
      'GET /aanmelden': { as: 'inspector', query: { afgemeld: '1' } },
      'POST /aanmelden': { as: 'inspector', form: { accountName: 'inspecteur.soest', password: 'fout' }, field: 'accountName' },
      'POST /afmelden': { as: 'inspector', form: {}, field: '_csrf' },
      'GET /meldingen/nieuw': { as: 'inspector', query: { thema: 'autobranche', stap: 'thema' } },
      'GET /meldingen': { as: 'inspector', query: { verstuurd: '1' } },
      'POST /meldingen': {
        as: 'inspector',
        form: { theme: 'autobranche', municipality: 'soest', postcode: '3762 AB', huisnummer: '12', kvkNumber: '12345678', freeText: 'Eerste\tregel\r\nTweede', idempotencyKey: randomUUID() },
        field: 'freeText',
      },
      'GET /agenda': { as: 'member', query: { gemeente: 'soest', gedaan: 'overleg' } },
      'POST /agenda/overleggen': { as: 'member', form: { municipality: 'soest', date: '2034-04-04' }, field: 'date' },
      'GET /agenda/punten/{id}': { as: 'member' },
      'POST /agenda/punten/{id}/besluit': {
        as: 'member',
        form: { municipality: 'soest', approach: 'bestuurlijk', leadParty: 'gemeente-soest', feedback: 'Zie\tbijlage' },
        field: 'feedback',
      },
      'POST /agenda/punten/{id}/agenderen': { as: 'member', form: { meetingId: randomUUID() }, field: 'meetingId' },
      'GET /agenda/besproken': { as: 'member', query: { gemeente: 'soest', aanpak: 'bestuurlijk', trekker: 'gemeente-soest' } },
      'GET /agenda/overleggen/{id}': { as: 'member', query: { gedaan: 'gepland' } },
      'POST /agenda/overleggen/{id}/punten': { as: 'member', form: { itemId: randomUUID() }, field: 'itemId' },
      'POST /agenda/overleggen/{id}/punten/{itemId}/omhoog': { as: 'member', form: {}, field: '_csrf' },
      'POST /agenda/overleggen/{id}/punten/{itemId}/omlaag': { as: 'member', form: {}, field: '_csrf' },
      'POST /agenda/overleggen/{id}/punten/{itemId}/verwijderen': { as: 'member', form: {}, field: '_csrf' },
      'GET /agenda/overleggen/{id}/agenda': { as: 'member' },
      'GET /agenda/overleggen/{id}/besluitenlijst': { as: 'member' },
      'GET /acties': { as: 'member', query: { gedaan: 'afgerond' } },
      'GET /acties/{decisionId}/{actionIndex}/afronden': { as: 'member' },
      'POST /acties/{decisionId}/{actionIndex}/afronden': { as: 'member', form: { doneOn: '2030-01-01', note: 'Gedaan:\tbezoek' }, field: 'note', ids: { actionIndex: '0' } },
      'GET /verzoeken': { as: 'member', query: { gedaan: 'verstrekt' } },
      'GET /verzoeken/{id}': { as: 'member' },
      'POST /verzoeken/{id}/antwoord': { as: 'member', form: {}, field: '_csrf' },
      'POST /verzoeken/{id}/weigering': { as: 'member', form: { reason: 'Lopend\tonderzoek' }, field: 'reason' },
      'GET /toetsen': { as: 'coordinator', query: { gedaan: 'toets' } },
      'POST /toetsen': {
        as: 'coordinator',
        form: { municipality: 'soest', kind: 'exploitatievergunning', kvkNumber: '12345678', personName: 'Jan Test', personBirthDate: '1980-01-01', personRole: 'bestuurder', receivedOn: '2033-03-03', decisionTermWeeks: '8' },
        field: 'kvkNumber',
      },
      'GET /toetsen/{id}': { as: 'coordinator', query: { gedaan: 'stap' } },
      'POST /toetsen/{id}/stappen': { as: 'coordinator', form: { step: 'in-onderzoek', reason: 'Start\tonderzoek', date: '' }, field: 'reason' },
      'POST /toetsen/{id}/vragenlijst': { as: 'coordinator', form: { [QUESTIONNAIRE_ANSWER]: 'Geen\tbijzonderheden' }, field: QUESTIONNAIRE_ANSWER },
      'POST /toetsen/{id}/conclusies': { as: 'coordinator', form: { level: 'geen', explanation: 'Geen\trisico', reason: 'Afgerond' }, field: 'explanation' },
      'POST /toetsen/{id}/conclusies/{version}/goedkeuring': { as: 'coordinator', form: { reason: 'Akkoord' }, field: 'reason', ids: { version: '1' } },
      'POST /toetsen/{id}/verstrekkingen': { as: 'coordinator', form: { groundCode: 'a', groundExplanation: 'Art.\t28' }, field: 'groundExplanation' },
      'GET /toetsen/niet-toegewezen': { as: 'coordinator', query: { gedaan: 'toewijzing' } },
      'POST /toetsen/toewijzingen': {
        as: 'coordinator',
        form: { herkomst: 'overzicht', screeningIds: randomUUID(), assignee: 'coordinator-bas', reason: 'Herverdeling\twerk' },
        field: 'reason',
      },
      'POST /toetsen/{id}/informatieverzoeken': { as: 'coordinator', form: { signalId: randomUUID(), purpose: 'Bibob-onderzoek:\tvergunning' }, field: 'purpose' },
      'GET /toetsen/{id}/informatieverzoeken/{requestId}': { as: 'coordinator' },
      'GET /vestigingen': { as: 'officer', query: { tradeName: 'Eemland', kvkNumber: '90001234', vestigingsnummer: '000090001234', postcode: '3761AB', gedaan: 'vestiging' } },
      'POST /vestigingen': { as: 'officer', form: { tradeName: 'Autobedrijf\tProef', kvkNumber: '12345678', activity: 'handel', 'sbi-handel': '45112' }, field: 'tradeName' },
      'GET /vestigingen/{id}': { as: 'officer', query: { gedaan: 'vestiging' } },
      'POST /vestigingen/{id}/aanvragen': { as: 'officer', form: { applicationKind: 'nieuw', receivedOn: '2030-01-01', decisionTermWeeks: '8' }, field: 'applicationKind' },
      'POST /vestigingen/{id}/herscreening': { as: 'officer', form: { reason: 'Nieuw\tsignaal' }, field: 'reason' },
      'GET /aanvragen/{id}': { as: 'officer', query: { gedaan: 'aanvraag' } },
      'POST /aanvragen/{id}/aanvulling-vragen': { as: 'officer', form: { missing: 'Plattegrond\r\nUittreksel', askedOn: '2030-01-01' }, field: 'missing' },
      'POST /aanvragen/{id}/aanvulling-ontvangen': { as: 'officer', form: { completedOn: '2030-01-01' }, field: 'completedOn' },
      'POST /aanvragen/{id}/bibob': { as: 'officer', form: {}, field: '_csrf' },
      'POST /aanvragen/{id}/besluit': { as: 'officer', form: { action: 'weigeren', actionDate: '2030-01-01', reason: 'Geen\tvergunning' }, field: 'reason' },
      'GET /vergunningen/{id}': { as: 'officer', query: { gedaan: 'schorsen' } },
      'POST /vergunningen/{id}/acties': { as: 'officer', form: { action: 'schorsen', actionDate: '2030-01-01', suspendedFrom: '2030-01-01', reason: 'Controle\tadministratie' }, field: 'reason' },
      'GET /openbaar-register/{municipality}': { as: 'inspector', query: { datum: '2026-01-01', pagina: '1' }, ids: { municipality: 'soest' } },
      'GET /openbaar-register/{municipality}/register.json': { as: 'inspector', query: { datum: '2026-01-01' }, ids: { municipality: 'soest' } },
      'GET /openbaar-register/{municipality}/register.csv': { as: 'inspector', query: { datum: '2026-01-01' }, ids: { municipality: 'soest' } },
      'GET /riec': { as: 'liaison', query: { publicatie: randomUUID(), thema: 'autobranche', gemeente: 'soest' } },
      'GET /riec/publicaties': { as: 'liaison', query: { gedaan: 'publicatie' } },
      'POST /riec/publicaties': { as: 'liaison', form: { period: '2030-01' }, field: 'period' },
      'GET /riec/publicaties/{id}': { as: 'liaison' },
      'GET /riec/publicaties/{id}/export.csv': { as: 'liaison' },
      'GET /riec/publicaties/{id}/export.json': { as: 'liaison' },
      'GET /riec/treffers/{id}': { as: 'liaison', query: { gedaan: 'verzoek' } },
      'GET /riec/treffers/{id}/meldingen/{signalId}': { as: 'liaison' },
      'POST /riec/treffers/{id}/verzoeken': { as: 'liaison', form: { signalId: randomUUID(), purpose: 'Onderzoek:\tketen' }, field: 'purpose' },
      'GET /riec/uitsluitingen': { as: 'liaison', query: { gedaan: 'toegevoegd' } },
      'GET /riec/overdrachten': { as: 'liaison', query: { gedaan: 'geaccepteerd' } },
      'GET /riec/overdrachten/{id}': { as: 'liaison' },
      'POST /riec/overdrachten/{id}/acceptatie': { as: 'liaison', form: { caseReference: 'RIEC\t2026-1' }, field: 'caseReference' },
      'POST /riec/overdrachten/{id}/teruggave': { as: 'liaison', form: { reason: 'Niet voor\thet RIEC' }, field: 'reason' },
      'POST /riec/uitsluitingen': { as: 'liaison', form: { exclusionKind: 'kvk', kvkNumber: '12345678', label: 'Gemeentelijk\tdepot' }, field: 'label' },
      'POST /riec/uitsluitingen/{id}/verwijderen': { as: 'liaison', form: {}, field: '_csrf' },
    };

    interface WebCase {
      readonly name: string;
      readonly path: string;
      readonly form?: string;
      readonly contentType?: string;
      readonly field?: string;
      readonly rule?: InputRule;
      /** 422 naming the field in Dutch, or the Dutch 404 page. */
      readonly expect: 'invalid' | 'not-found';
    }

    function webCases(route: Route, row: WebRow, pathFor: (values: Record<string, string>) => string, csrf: string): WebCase[] {
      const goodPath = pathFor({});
      const cases: WebCase[] = [];
      for (const parameter of route.query) {
        const good = row.query?.[parameter] ?? 'x';
        const spoilt = (raw: string): string => `${goodPath}?${raw}`;
        cases.push(
          { name: `?${parameter} with invalid UTF-8`, path: spoilt(`${parameter}=%C3%28`), field: parameter, rule: 'invalidUtf8', expect: 'invalid' },
          { name: `?${parameter} with U+0000`, path: spoilt(`${parameter}=${good}%00`), field: parameter, rule: 'controlCharacters', expect: 'invalid' },
          { name: `?${parameter} repeated`, path: spoilt(`${parameter}=${good}&${parameter}=${good}`), field: parameter, rule: 'repeated', expect: 'invalid' },
          { name: `?${parameter} nested`, path: spoilt(`${parameter}[a]=${good}`), field: parameter, rule: 'nested', expect: 'invalid' },
        );
      }
      // A page that takes a form gets a good one (with the CSRF token): only the address is wrong.
      const goodForm = route.body ? { form: new URLSearchParams({ ...row.form, _csrf: csrf }).toString() } : {};
      for (const parameter of route.pathParameters) {
        cases.push(
          { name: `{${parameter}} not a UUID`, path: pathFor({ [parameter]: 'not-a-uuid' }), ...goodForm, expect: 'not-found' },
          { name: `{${parameter}} with invalid UTF-8`, path: pathFor({ [parameter]: '%C3%28' }), ...goodForm, expect: 'not-found' },
          { name: `{${parameter}} with U+0000`, path: pathFor({ [parameter]: '%00' }), ...goodForm, expect: 'not-found' },
          { name: `{${parameter}} with broken percent-encoding`, path: pathFor({ [parameter]: '%E0%A4%A' }), ...goodForm, expect: 'not-found' },
        );
      }
      if (route.body && row.form !== undefined && row.field !== undefined) {
        const field = row.field;
        const form = (raw: string): string =>
          [new URLSearchParams({ ...row.form, ...(field === '_csrf' ? {} : { _csrf: csrf }) }).toString().replace(new RegExp(`(^|&)${field}=[^&]*`), ''), raw]
            .filter((part) => part !== '')
            .join('&');
        const value = field === '_csrf' ? csrf : encodeURIComponent(row.form[field] ?? '');
        cases.push(
          { name: `${field} with invalid UTF-8 (escaped)`, path: goodPath, form: form(`${field}=${value}%C3%28`), field, rule: 'invalidUtf8', expect: 'invalid' },
          { name: `${field} with invalid UTF-8 (raw bytes)`, path: goodPath, form: form(`${field}=${value}\u00c3(`), field, rule: 'invalidUtf8', expect: 'invalid' },
          { name: `${field} with U+0000`, path: goodPath, form: form(`${field}=${value}%00`), field, rule: 'controlCharacters', expect: 'invalid' },
          { name: `${field} with an escape character`, path: goodPath, form: form(`${field}=${value}%1B`), field, rule: 'controlCharacters', expect: 'invalid' },
          { name: `${field} repeated`, path: goodPath, form: form(`${field}=${value}&${field}=${value}`), field, rule: 'repeated', expect: 'invalid' },
          { name: `${field} nested`, path: goodPath, form: form(`${field}[a]=${value}`), field, rule: 'nested', expect: 'invalid' },
          {
            name: 'a form declaring ISO-8859-1',
            path: goodPath,
            form: form(`${field}=${value}`),
            contentType: 'application/x-www-form-urlencoded; charset=iso-8859-1',
            field: 'body',
            rule: 'invalidUtf8',
            expect: 'invalid',
          },
        );
      }
      return cases;
    }

    it('answers every bad input to a page with the Dutch 422 naming the field or the Dutch 404, and stores nothing', async () => {
      const visitors = {
        inspector: await Visitor.signedIn('inspecteur.soest'),
        member: await Visitor.signedIn('overleg.soest'),
        coordinator: await Visitor.signedIn(DEMO_LEAD_COORDINATOR),
        officer: await Visitor.signedIn('vergunning.soest'),
        liaison: await Visitor.signedIn('riec.liaison'),
      };
      const before = await stores();
      const routes = controllerRoutes(WebModule.register({} as WebParts).controllers ?? []).filter(takesInput);
      expect(routes.length).toBeGreaterThan(5);
      let checked = 0;
      for (const route of routes) {
        const row = WEB_ROWS[route.key];
        expect(row, `${route.key} of the web takes input but has no row in the table`).toBeDefined();
        if (row === undefined) continue;
        const visitor = visitors[row.as];
        const pathFor = (values: Record<string, string>): string =>
          route.key.slice(route.method.length + 1).replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? row.ids?.[name] ?? itemId);
        for (const bad of webCases(route, row, pathFor, visitor.csrf)) {
          const what = `${route.key}: ${bad.name}`;
          const page = await visitor.send(bad.path, {
            method: route.method === 'POST' ? 'POST' : 'GET',
            ...(bad.form === undefined ? {} : { body: bad.form }),
            ...(bad.contentType === undefined ? {} : { contentType: bad.contentType }),
          });
          if (bad.expect === 'not-found') {
            expect(page.status, what).toBe(404);
            expect(page.html, what).toContain('Pagina niet gevonden');
          } else {
            expect(page.status, what).toBe(422);
            expect(page.html, what).toContain('De invoer is niet geldig');
            expect(page.html, what).toContain(`${fieldLabel(bad.field ?? '')}: ${INPUT_RULES[bad.rule ?? 'nested'].message}`);
            expect(page.html, what).not.toContain(INPUT_RULES[bad.rule ?? 'nested'].rule);
          }
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(40);
      expect(await stores()).toEqual(before);
    });
  });
});
