import { existsSync } from 'node:fs';

/**
 * Whether a Docker engine might answer. Only then is testcontainers loaded and asked; this machine
 * kind has a docker client but no engine, and asking it costs a slow timeout.
 */
export function dockerEngineConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DOCKER_HOST) || existsSync('/var/run/docker.sock');
}

export async function dockerEngineAnswers(): Promise<boolean> {
  if (!dockerEngineConfigured()) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}
