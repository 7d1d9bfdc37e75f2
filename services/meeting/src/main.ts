import { runService } from '@signaalhub/service-kit';
import { composeMeeting } from './composition.js';
import { MeetingConfigSchema } from './config.js';
import { CONSUMED_EVENTS } from './events/consumed-events.js';

runService({
  name: 'meeting',
  api: { title: 'Signaalhub meeting', description: "The municipalities' agendas, meetings and decisions." },
  config: MeetingConfigSchema,
  port: (config) => config.MEETING_PORT,
  identitySecret: (config) => config.IDENTITY_TOKEN_SECRET,
  compose: composeMeeting,
  consumes: CONSUMED_EVENTS,
});
