import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One service of `services/manifest.json`. */
export interface ServiceEntry {
  /** Its folder under services/. */
  readonly name: string;
  /** The port `npm start` gives it, through `portVariable`. */
  readonly port: number;
  readonly portVariable: string;
  /** The variable through which other services (the web application) find it, if any call it. */
  readonly urlVariable?: string;
}

const MANIFEST_PATH = fileURLToPath(new URL('../../../services/manifest.json', import.meta.url));
const NAME = /^[a-z][a-z0-9-]{0,40}$/;
const VARIABLE = /^[A-Z][A-Z0-9_]{0,62}$/;

/** The services manifest, checked: `npm start`, the build and the tests all start from it. */
export function readServicesManifest(path = MANIFEST_PATH): readonly ServiceEntry[] {
  const { services } = JSON.parse(readFileSync(path, 'utf8')) as { services?: unknown };
  if (!Array.isArray(services)) throw new Error(`${path}: "services" must be a list`);
  return services.map((entry: unknown, index) => checkEntry(entry, `${path}: services.${String(index)}`));
}

function checkEntry(entry: unknown, where: string): ServiceEntry {
  const { name, port, portVariable, urlVariable } = (entry ?? {}) as Record<string, unknown>;
  if (typeof name !== 'string' || !NAME.test(name)) throw new Error(`${where}.name must be a folder name under services/`);
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${where}.port must be a port number`);
  if (typeof portVariable !== 'string' || !VARIABLE.test(portVariable)) throw new Error(`${where}.portVariable must be a variable name`);
  if (urlVariable !== undefined && (typeof urlVariable !== 'string' || !VARIABLE.test(urlVariable))) {
    throw new Error(`${where}.urlVariable must be a variable name`);
  }
  return { name, port, portVariable, ...(urlVariable === undefined ? {} : { urlVariable }) };
}
