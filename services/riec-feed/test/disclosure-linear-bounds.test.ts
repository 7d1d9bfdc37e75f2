import { describe, expect, it } from 'vitest';
import { boundsSolver } from '../src/disclosure/linear-bounds.js';

const equation = (terms: readonly (readonly [number, number])[], rhs: number) => ({ coefficients: new Map(terms), rhs });

describe(boundsSolver.name, () => {
  it('bounds a cell of a row whose total and other cells are known', () => {
    // x0 + x1 = 10, x1 + x2 = 7, x2 = 4  →  x1 = 3, x0 = 7
    const sut = boundsSolver({ variableCount: 3, equations: [equation([[0, 1], [1, 1]], 10), equation([[1, 1], [2, 1]], 7), equation([[2, 1]], 4)] });
    expect(sut?.minimum(new Map([[0, 1]]))).toBeCloseTo(7);
    expect(sut?.maximum(new Map([[0, 1]]))).toBeCloseTo(7);
  });

  it('uses non-negativity: a zero total pins every cell of its line to zero', () => {
    const sut = boundsSolver({ variableCount: 3, equations: [equation([[0, 1], [1, 1], [2, 1]], 0)] });
    expect(sut?.maximum(new Map([[1, 1]]))).toBeCloseTo(0);
  });

  it('reports an interval when two unknowns share one equation, and unbounded above when nothing limits a variable', () => {
    const sut = boundsSolver({ variableCount: 3, equations: [equation([[0, 1], [1, 1]], 9)] });
    expect([sut?.minimum(new Map([[0, 1]])), sut?.maximum(new Map([[0, 1]]))]).toEqual([0, 9]);
    expect(sut?.maximum(new Map([[2, 1]]))).toBe(Infinity);
    expect(sut?.minimum(new Map([[0, 1], [1, 1]]))).toBeCloseTo(9);
  });

  it('handles redundant and negative right-hand sides, and refuses a system without a non-negative solution', () => {
    const redundant = boundsSolver({
      variableCount: 2,
      equations: [equation([[0, 1], [1, 1]], 5), equation([[0, 2], [1, 2]], 10), equation([[0, -1]], -2)],
    });
    expect(redundant?.maximum(new Map([[1, 1]]))).toBeCloseTo(3);
    expect(boundsSolver({ variableCount: 2, equations: [equation([[0, 1], [1, 1]], 5), equation([[0, 1]], 6)] })).toBeUndefined();
  });
});
