import { runService } from '@signaalhub/service-kit';
import { composeSignalIntake } from './composition.js';
import { SignalIntakeConfigSchema } from './config.js';
import { CONSUMED_EVENTS } from './events/consumed-events.js';

runService({
  name: 'signal-intake',
  api: { title: 'Signaalhub signal intake', description: 'Accepting signals and showing reporters their status and feedback.' },
  config: SignalIntakeConfigSchema,
  port: (config) => config.SIGNAL_INTAKE_PORT,
  identitySecret: (config) => config.IDENTITY_TOKEN_SECRET,
  compose: composeSignalIntake,
  consumes: CONSUMED_EVENTS,
});
