/** The services `npm start` runs, in start order. Each new service adds one line here. */
export interface ServiceDefinition {
  readonly name: string;
  readonly entry: string;
  readonly portVariable: string;
  readonly port: number;
}

export const SERVICES: readonly ServiceDefinition[] = [
  { name: 'signal-intake', entry: 'services/signal-intake/dist/main.js', portVariable: 'SIGNAL_INTAKE_PORT', port: 3001 },
  { name: 'meeting', entry: 'services/meeting/dist/main.js', portVariable: 'MEETING_PORT', port: 3002 },
  { name: 'web', entry: 'services/web/dist/main.js', portVariable: 'WEB_PORT', port: 3000 },
];
