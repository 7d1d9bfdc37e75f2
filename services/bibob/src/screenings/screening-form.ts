import type { AuditedAccess } from '@signaalhub/access';
import { ScreeningForm } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { BibobAccessPolicy } from '../access/bibob-access-policy.js';
import { parseBody, ruleBroken, today } from './screening-input.js';
import type { ScreeningOpening } from './screening-opening.js';
import { actorOf } from './screening-workflow.js';

/** A coordinator enters an application of a municipality without a registry in the hub. Bad input stores nothing. */
export class ScreeningFormIntake {
  constructor(
    private readonly opening: ScreeningOpening,
    private readonly policy: BibobAccessPolicy,
    private readonly access: AuditedAccess,
    private readonly municipalities: readonly string[],
    private readonly clock: () => Date,
  ) {}

  async submit(caller: UserIdentity, body: unknown, origin: string): Promise<{ id: string }> {
    const attempt = { caller, action: 'screening.create', object: { type: 'screenings', id: '' }, origin };
    await this.access.check({ ...attempt, policy: this.policy.coordinator(caller) });
    const form = parseBody(ScreeningForm, body);
    if (!this.municipalities.includes(form.municipality)) {
      throw ruleBroken('municipality', 'must be a municipality the pool screens for', 'De pool toetst niet voor deze gemeente');
    }
    if (form.receivedOn > today(this.clock)) {
      throw ruleBroken('receivedOn', 'must not be in the future', 'De datum van ontvangst mag niet in de toekomst liggen');
    }
    const { reference, ...application } = form;
    const { id } = await this.opening.open({ application, reference, actor: actorOf(caller), requestedByParty: caller.party, requestMessageId: null });
    await this.access.allowed({ ...attempt, object: { type: 'screening', id } });
    return { id };
  }
}
