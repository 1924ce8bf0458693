import { describe, expect, it } from 'vitest';
import { faultError, parseFault } from './faults.js';
import { getProfile } from '../profiles/index.js';

describe('parseFault', () => {
  it('reads every fault kind', () => {
    expect(parseFault('disconnect:3')).toEqual({ kind: 'disconnect', afterChunks: 3 });
    expect(parseFault('malformed-chunk:0')).toEqual({ kind: 'malformed-chunk', atChunk: 0 });
    expect(parseFault('stall:2000')).toEqual({ kind: 'stall', ms: 2000 });
    expect(parseFault('stall:2000@4')).toEqual({ kind: 'stall', ms: 2000, afterChunks: 4 });
    expect(parseFault('no-done')).toEqual({ kind: 'no-done' });
    expect(parseFault('error-event:2')).toEqual({ kind: 'error-event', afterChunks: 2 });
    expect(parseFault('error-event:2:503')).toEqual({ kind: 'error-event', afterChunks: 2, status: 503 });
    expect(parseFault('reset')).toEqual({ kind: 'reset' });
  });

  it('rejects anything else with a message that says what is wrong', () => {
    expect(() => parseFault('explode')).toThrow(/Unknown stream fault "explode". Known: disconnect, malformed-chunk, stall/);
    expect(() => parseFault('disconnect')).toThrow(/whole number/);
    expect(() => parseFault('disconnect:-1')).toThrow(/whole number/);
    expect(() => parseFault('stall:1.5')).toThrow(/whole number/);
    expect(() => parseFault('reset:1')).toThrow(/too many parts/);
    expect(() => parseFault('error-event:1:200')).toThrow(/400-599/);
  });

  it('error events use DeepSeek server-error wording', () => {
    expect(faultError({ kind: 'error-event', afterChunks: 0 })).toMatchObject({ status: 500, type: 'api_error', message: 'Server Error' });
    expect(faultError({ kind: 'error-event', afterChunks: 0, status: 503 })).toMatchObject({ status: 503, message: 'Server Overloaded' });
    expect(faultError({ kind: 'error-event', afterChunks: 0, status: 502, message: 'Bad gateway' })).toMatchObject({ status: 502, message: 'Bad gateway' });
    // A profile's own 500 (seed 002) wins; a status it does not document stays DeepSeek's.
    const seed002 = getProfile('multimodal-v3.2').errors;
    expect(faultError({ kind: 'error-event', afterChunks: 0 }, seed002)).toMatchObject({ status: 500, type: 'api_error', message: 'Internal server error' });
    expect(faultError({ kind: 'error-event', afterChunks: 0, status: 503 }, seed002)).toMatchObject({ status: 503, message: 'Server Overloaded' });
    expect(faultError({ kind: 'error-event', afterChunks: 0 }, getProfile('deepseek').errors)).toMatchObject({ message: 'Server Error' });
  });
});
