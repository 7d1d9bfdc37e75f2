import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderKafkaPom } from './kafka-config.js';
import { runCommand } from './processes.js';
import { KAFKA_VERSION } from './settings.js';
import { ensureCommands } from './toolchain.js';

/** Java 17 runs the broker; Maven fetches it. */
export async function ensureJavaAndMaven(log: (line: string) => void): Promise<void> {
  await ensureCommands(['java', 'mvn'], ['openjdk-17-jre-headless', 'maven'], log);
}

/**
 * The broker's jars, fetched from Maven once into a cache shared by every stack dir on the machine.
 * Fetched into a fresh folder and renamed into place, so an interrupted fetch never looks complete.
 */
export async function ensureKafkaLibs(cacheDir: string, log: (line: string) => void): Promise<string> {
  const libsDir = join(cacheDir, 'libs');
  const completeMarker = join(cacheDir, 'libs.complete');
  if (existsSync(completeMarker) && existsSync(libsDir)) return libsDir;

  await ensureJavaAndMaven(log);
  mkdirSync(cacheDir, { recursive: true });
  const workDir = join(cacheDir, `fetch-${process.pid}-${Date.now()}`);
  mkdirSync(workDir, { recursive: true });
  try {
    writeFileSync(join(workDir, 'pom.xml'), renderKafkaPom(KAFKA_VERSION));
    log(`fetching Apache Kafka ${KAFKA_VERSION} with Maven into ${cacheDir} (once)`);
    await runCommand(
      'mvn',
      ['-q', '-B', 'dependency:copy-dependencies', '-DoutputDirectory=libs', '-DincludeScope=runtime'],
      { cwd: workDir, timeoutMs: 900_000 },
    );
    if (!existsSync(completeMarker)) {
      // A libs folder without the marker is the remains of an interrupted fetch.
      rmSync(libsDir, { recursive: true, force: true });
      renameSync(join(workDir, 'libs'), libsDir);
    }
    writeFileSync(completeMarker, `${new Date().toISOString()}\n`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return libsDir;
}
