export type ComponentName = 'kafka' | 'redis' | 'postgres';

/**
 * running: our process is alive and answers its protocol; not-answering: alive but silent (starting,
 * or wedged); stopped: no process of ours; external: the environment names a server we do not manage.
 */
export type ComponentState = 'running' | 'not-answering' | 'stopped' | 'external';

export interface ComponentStatus {
  name: ComponentName;
  state: ComponentState;
  /** What a service connects to, e.g. 127.0.0.1:19092. */
  endpoint: string;
  pid?: number;
}
