import type { CliIo } from '../src/index.js';

export interface MemoryIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

/** An in-process terminal: stdin is fixed, stdout/stderr are collected. */
export function memoryIo(stdin = '', env: Record<string, string | undefined> = {}): MemoryIo {
  let out = '';
  let err = '';
  return {
    env,
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    readStdin: () => Promise.resolve(stdin),
    out: () => out,
    err: () => err,
  };
}
