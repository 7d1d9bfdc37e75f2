import { ObjectNotFound } from '@signaalhub/access';
import { MunicipalityId, PUBLIC_REGISTER_FIELDS, PublicRegisterQuery, type PermitActionRequest, type PublicRegister as PublicRegisterAnswer, type PublicRegisterEntry, type PublicRegisterField } from '@signaalhub/contracts';
import type { Logger } from '@signaalhub/logging';
import type { ClientBase } from 'pg';
import { z } from 'zod';
import { ruleBroken } from '../registry/registry-errors.js';
import { parseBody, today } from '../registry/registry-input.js';
import { PeriodicSweep } from '../registry/periodic-sweep.js';
import type { PublicRegisterSettings } from '../registry/registry-settings.js';
import { applyPublicChange, endedOn, type PublicChange } from './public-periods.js';
import type { PublicEntryRow, PublicRegisterStore } from './public-register-store.js';

export interface PublicRegisterParts {
  readonly store: PublicRegisterStore;
  readonly settings: PublicRegisterSettings;
  readonly municipalities: readonly string[];
  readonly sweepMs: number;
  readonly logger: Logger;
  readonly clock: () => Date;
}

/** The change a permit decision makes to the register; none for the zienswijze steps and a refusal. */
function publicChangeOf(request: PermitActionRequest): PublicChange | undefined {
  switch (request.action) {
    case 'verlenen':
      return { status: 'verleend', from: request.date };
    case 'schorsen':
      return { status: 'geschorst', from: request.from, until: request.until };
    case 'schorsing-opheffen':
      return { status: 'verleend', from: request.date };
    case 'intrekken':
      return { status: 'ingetrokken', from: request.date };
    case 'laten-vervallen':
      return { status: 'vervallen', from: request.date };
    case 'weigeren':
    case 'zienswijze-vragen':
    case 'zienswijze-ontvangen':
      return undefined;
  }
}

/**
 * The public register (issue 11, build 6): kept up to date in the transaction of each permit decision,
 * asked without sign-in for a day (today by default), and swept: an entry whose publication term has ended
 * is deleted from the projection and leaves a tombstone. Only the fields the configuration makes public
 * leave the service.
 */
export class PublicRegister {
  private readonly retention: PeriodicSweep;
  private readonly publicFields: readonly PublicRegisterField[];

  constructor(private readonly parts: PublicRegisterParts) {
    this.publicFields = PUBLIC_REGISTER_FIELDS.filter((field) => parts.settings.fields[field].public);
    this.retention = new PeriodicSweep(parts.sweepMs, () => this.sweep());
  }

  get municipalities(): readonly string[] {
    return this.parts.municipalities;
  }

  /** In the decision's transaction, after the permit row was updated. */
  async record(client: ClientBase, permitId: string, request: PermitActionRequest): Promise<void> {
    const change = publicChangeOf(request);
    if (change === undefined) return;
    if (request.action === 'verlenen') await this.parts.store.publish(client, permitId, request.date);
    // A permit withdrawn from the register after its term is never published again.
    const published = await this.parts.store.periodsOf(client, permitId);
    if (published === undefined) return;
    const periods = applyPublicChange(published.periods, change, published.validUntil);
    await this.parts.store.replacePeriods(client, permitId, periods, endedOn(periods));
  }

  /** The register of `municipality` as it stood on the query's `date`: 404 for a municipality without a registry, 400/422 for a bad date. */
  async asOf(municipality: string, query: unknown): Promise<PublicRegisterAnswer> {
    // A malformed name is bad input (400 naming it); a well-formed one without a registry here is not found.
    parseBody(z.strictObject({ municipality: MunicipalityId }), { municipality });
    if (!this.parts.municipalities.includes(municipality)) throw new ObjectNotFound('public-register');
    const { date } = parseBody(PublicRegisterQuery, query);
    const now = today(this.parts.clock);
    if (date !== undefined && date > now) throw ruleBroken('date', 'must not be in the future', 'De datum mag niet in de toekomst liggen.');
    const day = date ?? now;
    const { store, settings } = this.parts;
    const [rows, withdrawn] = await Promise.all([store.asOf(municipality, day, now, settings.publicationTermDays), store.tombstonesOf(municipality)]);
    return {
      municipality,
      date: day,
      fields: this.publicFields,
      entries: rows.map((row) => this.publicOf(row)),
      withdrawn: withdrawn.map((withdrawnOn) => ({ withdrawnOn })),
    };
  }

  start(): Promise<void> {
    return this.retention.start();
  }

  stop(): Promise<void> {
    return this.retention.stop();
  }

  /** Removes the entries whose term ended; a failure is logged and the next sweep tries again. */
  private async sweep(): Promise<void> {
    try {
      const removed = await this.parts.store.purge(today(this.parts.clock), this.parts.settings.publicationTermDays);
      if (removed > 0) this.parts.logger.info({ removed }, 'public register entries withdrawn after their publication term');
    } catch (error) {
      this.parts.logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'public register sweep failed; the next sweep tries again');
    }
  }

  private publicOf(row: PublicEntryRow): PublicRegisterEntry {
    return Object.fromEntries(this.publicFields.map((field) => [field, row[field]]));
  }
}
