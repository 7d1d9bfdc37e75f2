import { inject } from 'vitest';
import type { TestInfrastructure } from './infrastructure.js';

/** The servers the global set-up started; call inside a test file of the integration or e2e tier. */
export function testInfrastructure(): TestInfrastructure {
  return inject('infrastructure');
}
