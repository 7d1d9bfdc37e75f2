import { computeDeadlines, parseTimeline, TIMELINE_EVENT_KINDS, TimelineError, type DeadlineCalendar } from '@signaalhub/deadlines';
import type { CommandSpec } from '../command-spec.js';
import { ExitCode } from '../exit-codes.js';

export const termijnenCommand: CommandSpec = {
  path: ['termijnen'],
  summary: 'Bereken de uiterste beslisdatum en de LBB-adviesdatum van een tijdlijn',
  usage: 'hub termijnen [--extra-vrije-dagen DATUMS] < tijdlijn.json',
  description: [
    'Leest een tijdlijn als JSON van stdin en schrijft de termijnen als JSON naar stdout:',
    '  in:  {"ontvangen":"2027-01-04","beslistermijnWeken":8,"gebeurtenissen":[{"soort":"lbb-gevraagd","datum":"2027-01-18"}]}',
    '  uit: {"uitersteBeslisdatum":"…" of null,"lbbAdviesUiterlijk":"…" of null,"voorlopig":[…],"toelichting":[…]}',
    `Soorten gebeurtenis: ${TIMELINE_EVENT_KINDS.join(', ')}.`,
    'Datums als JJJJ-MM-DD. Een ongeldige tijdlijn geeft exitcode 2 met de reden op stderr.',
  ].join('\n'),
  flags: [
    {
      name: 'extra-vrije-dagen',
      valueName: 'DATUMS',
      description: 'Door de regering aangewezen extra feestdagen (art. 3 lid 3 Atw), komma-gescheiden JJJJ-MM-DD',
    },
  ],
  async run(flags, _positional, io) {
    const calendar: DeadlineCalendar = { extraNonWorkingDays: listOf(flags['extra-vrije-dagen']) };
    const refuse = (message: string): ExitCode => {
      io.stderr(`hub termijnen: ${message}\n`);
      return ExitCode.usage;
    };
    let input: unknown;
    try {
      input = JSON.parse(await io.readStdin());
    } catch {
      // JSON.parse's own message is English; the user gets the Dutch rule.
      return refuse('de invoer is geen geldige JSON');
    }
    try {
      io.stdout(`${JSON.stringify(computeDeadlines(parseTimeline(input), calendar), null, 2)}\n`);
      return ExitCode.ok;
    } catch (error) {
      if (error instanceof TimelineError) return refuse(error.message);
      throw error;
    }
  },
};

function listOf(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
