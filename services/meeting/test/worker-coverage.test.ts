import { describe, expect, it } from 'vitest';
import { assertOneWorkerPerQueue, WorkerCoverageError } from '../src/agenda/agenda-workers.js';

describe(assertOneWorkerPerQueue.name, () => {
  it('accepts exactly one worker per queue', () => {
    expect(() => {
      assertOneWorkerPerQueue(['a', 'b'], ['b', 'a']);
    }).not.toThrow();
  });

  it('rejects a queue without a worker, a queue with two, and a worker without a queue', () => {
    expect(() => {
      assertOneWorkerPerQueue(['a', 'b'], ['a']);
    }).toThrow(WorkerCoverageError);
    expect(() => {
      assertOneWorkerPerQueue(['a'], ['a', 'a']);
    }).toThrow('a has 2 workers');
    expect(() => {
      assertOneWorkerPerQueue(['a'], ['a', 'x']);
    }).toThrow('x, which is not an agenda queue');
  });
});
