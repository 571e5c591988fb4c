import { describe, expect, it } from 'vitest';
import { METADATA_MAX_KEYS, metadataProblem } from '../../src/domain/applications.js';

describe('application metadata', () => {
  it('accepts a flat object of strings within the limits, {} included', () => {
    expect(metadataProblem({})).toBeNull();
    expect(metadataProblem({ customer: 'c_42', plan: '' })).toBeNull();
    expect(metadataProblem(Object.fromEntries(Array.from({ length: METADATA_MAX_KEYS }, (_, i) => [`k${i}`, 'v'.repeat(500)])))).toBeNull();
  });

  it('refuses anything else, saying why', () => {
    expect(metadataProblem(null)).toMatch(/JSON object/);
    expect(metadataProblem(['a'])).toMatch(/JSON object/);
    expect(metadataProblem('a')).toMatch(/JSON object/);
    expect(metadataProblem({ n: 1 })).toMatch(/"n" is number/);
    expect(metadataProblem({ o: { a: 'b' } })).toMatch(/"o" is object/);
    expect(metadataProblem({ z: null })).toMatch(/"z" is null/);
    expect(metadataProblem({ '': 'v' })).toMatch(/1 to 40/);
    expect(metadataProblem({ ['k'.repeat(41)]: 'v' })).toMatch(/1 to 40/);
    expect(metadataProblem({ k: 'v'.repeat(501) })).toMatch(/at most 500/);
    expect(metadataProblem(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])))).toMatch(/at most 50 keys/);
  });
});
