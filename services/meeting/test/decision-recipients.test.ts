import { describe, expect, it } from 'vitest';
import { decisionRecipients } from '../src/decisions/decision-recipients.js';

const signalRecipients = ['gemeente-soest', 'politie-bes'];

describe(decisionRecipients.name, () => {
  it('adds the reporter and lead party to the signal recipients without duplicates', () => {
    const sut = decisionRecipients({ signalRecipients, reporterParty: 'gemeente-soest', leadParty: 'belastingdienst', riecHandover: false, riecParty: 'riec-mn' });
    expect(sut).toEqual(['gemeente-soest', 'politie-bes', 'belastingdienst']);
  });

  it('adds the RIEC when the case is handed over', () => {
    const sut = decisionRecipients({ signalRecipients, reporterParty: 'gemeente-baarn', leadParty: 'gemeente-soest', riecHandover: true, riecParty: 'riec-mn' });
    expect(sut).toEqual(['gemeente-soest', 'politie-bes', 'gemeente-baarn', 'riec-mn']);
  });

  it('leaves the RIEC out without a hand-over unless it already read the signal', () => {
    expect(decisionRecipients({ signalRecipients, reporterParty: 'gemeente-soest', leadParty: 'politie-bes', riecHandover: false, riecParty: 'riec-mn' })).not.toContain('riec-mn');
    expect(
      decisionRecipients({ signalRecipients: [...signalRecipients, 'riec-mn'], reporterParty: 'gemeente-soest', leadParty: 'gemeente-soest', riecHandover: false, riecParty: 'riec-mn' }),
    ).toContain('riec-mn');
  });
});
