import { describe, it, expect } from 'vitest';
import { plainError, describedWithError } from '../src/errors.js';

describe('plainError', () => {
  it('says in a planner\'s words that the server did not answer, for the browser\'s own network errors', () => {
    for (const message of ['Failed to fetch', 'network error', 'NetworkError when attempting to fetch resource.', 'Load failed']) {
      expect(plainError(new TypeError(message))).toBe('The server did not answer (it may have stopped, or the network is'
        + ' down): try again in a moment, or reload the page to see where a run stands.');
    }
  });
  it('keeps any other error\'s message', () => {
    expect(plainError(new Error('the run was cancelled'))).toBe('the run was cancelled');
    expect(plainError(new TypeError('x is not a function'))).toBe('x is not a function');
    expect(plainError('plain')).toBe('plain');
  });
});

describe('describedWithError', () => {
  it('puts a field\'s error first and keeps its hint after it', () => {
    // a refused Posts had been described by its error alone, its "typical: ..." dropped
    expect(describedWithError('err-1', 'lever-0-fte-hint')).toBe('err-1 lever-0-fte-hint');
    expect(describedWithError('err-1', 'lever-0-fte-hint lever-0-fte-far')).toBe('err-1 lever-0-fte-hint lever-0-fte-far');
    expect(describedWithError('err-1', '')).toBe('err-1');
    expect(describedWithError('err-1', 'err-1 hint')).toBe('err-1 hint');
  });
});
