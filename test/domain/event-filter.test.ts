import { describe, expect, it } from 'vitest';
import { compileFilter, FILTER_OPERATORS, filterProblem } from '../../src/domain/event-filter.js';

// The filter rule: a documented subset of the MongoDB query language, checked when set.

const data = { order: { total: 120, country: 'DE', tags: ['vip', 'new'], sku: 'VIP-7', note: null }, n: 3 };

describe('event filters', () => {
  const cases: [string, Record<string, unknown>, boolean][] = [
    ['equality on a dotted path', { 'order.country': 'DE' }, true],
    ['$eq / $ne', { 'order.country': { $ne: 'DE' } }, false],
    ['$gt $gte $lt $lte', { 'order.total': { $gt: 100, $lte: 120 }, n: { $gte: 3, $lt: 4 } }, true],
    ['$in on a scalar', { 'order.country': { $in: ['FR', 'DE'] } }, true],
    ['$in on an array field', { 'order.tags': { $in: ['vip'] } }, true],
    ['$nin', { 'order.country': { $nin: ['DE'] } }, false],
    ['$exists true on a null field', { 'order.note': { $exists: true } }, true],
    ['$exists false on a missing field', { 'order.coupon': { $exists: false } }, true],
    ['$and', { $and: [{ n: 3 }, { 'order.total': { $lt: 100 } }] }, false],
    ['$or', { $or: [{ n: 4 }, { 'order.total': 120 }] }, true],
    ['$not', { 'order.total': { $not: { $gt: 200 } } }, true],
    ['$regex with $options', { 'order.sku': { $regex: '^vip-', $options: 'i' } }, true],
    ['$regex without options is case-sensitive', { 'order.sku': { $regex: '^vip-' } }, false],
    ['an object value compares equal as a whole', { order: { total: 120 } }, false],
  ];
  for (const [name, filter, expected] of cases) {
    it(`${name} ${expected ? 'matches' : 'does not match'}`, () => {
      expect(filterProblem(filter)).toBeNull();
      expect(compileFilter(filter)(data)).toBe(expected);
    });
  }

  it('refuses every operator outside the subset, naming it and the supported ones', () => {
    for (const op of ['$where', '$expr', '$nor', '$elemMatch', '$size', '$all', '$mod', '$type']) {
      const problem = filterProblem(op === '$nor' || op === '$expr' || op === '$where' ? { [op]: [{ a: 1 }] } : { a: { [op]: 1 } });
      expect(problem).toContain(op);
      expect(problem).toContain(FILTER_OPERATORS.slice(0, 3).join(' '));
    }
  });

  it('refuses malformed filters: not an object, empty or non-list $and/$or, bad operands, mixed keys, empty path segments', () => {
    expect(filterProblem([1])).toMatch(/must be an object/);
    expect(filterProblem({ $or: [] })).toMatch(/non-empty list/);
    expect(filterProblem({ $and: { a: 1 } })).toMatch(/non-empty list/);
    expect(filterProblem({ a: { $in: 'x' } })).toMatch(/\$in takes a list/);
    expect(filterProblem({ a: { $exists: 1 } })).toMatch(/true or false/);
    expect(filterProblem({ a: { $regex: 1 } })).toMatch(/takes a string/);
    expect(filterProblem({ a: { $regex: 'x', $options: 'g' } })).toMatch(/imsu/);
    expect(filterProblem({ a: { $gt: 1, b: 2 } })).toMatch(/cannot be mixed/);
    expect(filterProblem({ 'a..b': 1 })).toMatch(/dotted field path/);
    expect(filterProblem({ $or: [{ a: { $bad: 1 } }] })).toMatch(/^filter\.\$or\[0\]\.a: operator \$bad/);
  });
});
