import { describe, expect, it } from 'vitest';
import { Journal, type JournalEntry } from './journal.js';

const entry = (over: Partial<JournalEntry> = {}): Omit<JournalEntry, 'seq'> => ({
  time: 0,
  method: 'POST',
  path: '/chat/completions',
  headers: {},
  apiKey: null,
  body: { model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }] },
  validation: 'ok',
  scenario: 'default',
  status: 200,
  ...over,
});

describe('Journal', () => {
  it('keeps at most `limit` entries, dropping the oldest; seq keeps counting', () => {
    const j = new Journal(3);
    for (let i = 0; i < 5; i++) j.add(entry({ time: i }));
    expect(j.size).toBe(3);
    expect(j.all().map((e) => [e.seq, e.time])).toEqual([[3, 2], [4, 3], [5, 4]]);
    j.clear();
    expect(j.size).toBe(0);
    expect(j.add(entry()).seq).toBe(6);
  });

  it('helpers: last, lastMessages, count by model/path/status/scenario prefix', () => {
    const j = new Journal();
    j.add(entry());
    j.add(entry({ body: { model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'Why?' }] }, scenario: 'fixture:a.yaml#x' }));
    j.add(entry({ method: 'GET', path: '/models', body: null, scenario: null }));
    expect(j.last()?.path).toBe('/models');
    expect(j.lastMessages()).toEqual([{ role: 'user', content: 'Why?' }]);
    expect(j.count()).toBe(3);
    expect(j.count({ model: 'deepseek-chat' })).toBe(1);
    expect(j.count({ path: '/chat/completions', status: 200 })).toBe(2);
    expect(j.count({ scenario: 'fixture' })).toBe(1);
    expect(j.filter((e) => e.method === 'GET')).toHaveLength(1);
  });
});

describe('journal.last()', () => {
  it('reads the way the issue writes it, and says so plainly when empty', () => {
    const journal = new Journal(5);
    expect(() => journal.last()).toThrow(/journal is empty/);
    journal.add({ time: 0, method: 'POST', path: '/chat/completions', headers: {}, apiKey: null, body: { model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }] }, validation: 'ok', scenario: 'default', status: 200 });
    expect(journal.last().body.messages).toEqual([{ role: 'user', content: 'Hi' }]);
  });
});
