import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../main/core/store';
import {
  checkpoint,
  directory,
  directoryUser,
  makeTempDir,
  member,
  seedTeamWithDirectory,
} from './store-fixtures';

const temp = makeTempDir('store-search');
let store: Store;

beforeAll(() => {
  store = openStore(temp.file('search.sqlite'));
  seedTeamWithDirectory(store, 't1', 'dir1');
  store.directories.writePage([directory('dir-unlinked', 'tX', { teamId: null })], checkpoint(1));
  store.members.writePage(
    [
      member('m-ana', 't1', { firstName: 'Ana', lastName: 'Ruiz', email: 'ana.ruiz@acme.com' }),
      member('m-anabel', 't1', { firstName: 'Anabel', lastName: 'Lopez', email: 'anabel@acme.com' }),
      member('m-jose', 't1', { firstName: 'José', lastName: 'Müller', email: 'jose@acme.com' }),
      member('m-or', 't1', { firstName: 'Or', lastName: 'Near', email: 'or.near@acme.com' }),
      member('m-other-team', 't2', { firstName: 'Ana', lastName: 'Other', email: 'ana@other.com' }),
      member('m-cjk', 't1', { firstName: '山田', lastName: '太郎', email: 'yamada@acme.com' }),
    ],
    checkpoint(1),
  );
  store.directoryUsers.writePage(
    [
      directoryUser('du-ana', 'dir1', { firstName: 'Ana', lastName: 'Ruiz', email: 'ana.ruiz@acme.com' }),
      directoryUser('du-bob', 'dir1', { firstName: 'Bob', lastName: 'Stone', email: 'bob@acme.com' }),
      directoryUser('du-unlinked', 'dir-unlinked', {
        firstName: 'Anastasia',
        lastName: 'X',
        email: 'a@x.com',
      }),
    ],
    checkpoint(1),
  );
});
afterAll(() => {
  store.close();
  temp.cleanup();
});

function ids(teamId: string | null, query: string): string[] {
  return store.people
    .searchPeople(teamId, query, { limit: 100 })
    .rows.map((hit) => hit.id)
    .sort();
}

describe('searchPeople', () => {
  it('finds members and directory users by name prefix, in a team or across teams', () => {
    expect(ids('t1', 'ana')).toEqual(['du-ana', 'm-ana', 'm-anabel']);
    expect(ids(null, 'ana')).toEqual(['du-ana', 'du-unlinked', 'm-ana', 'm-anabel', 'm-other-team']);
    expect(ids('t1', 'anab')).toEqual(['m-anabel']);
    const hit = store.people.searchPeople('t1', 'bob').rows[0];
    expect(hit).toMatchObject({ kind: 'directory_user', id: 'du-bob', teamId: 't1', state: 'active' });
  });

  it('matches several words (all must match), e-mail parts, and ignores case and diacritics', () => {
    expect(ids('t1', 'ana ru')).toEqual(['du-ana', 'm-ana']);
    expect(ids('t1', 'ana.ruiz@acme')).toEqual(['du-ana', 'm-ana']);
    expect(ids('t1', 'JOSE mull')).toEqual(['m-jose']);
    expect(ids('t1', 'müll')).toEqual(['m-jose']);
    expect(ids('t1', '山田')).toEqual(['m-cjk']);
  });

  it('gives totals independent of the window', () => {
    const page = store.people.searchPeople(null, 'ana', { limit: 2, offset: 1 });
    expect(page.total).toBe(5);
    expect(page.rows).toHaveLength(2);
  });

  it('treats FTS syntax in user text as plain words', () => {
    for (const hostile of [
      '"',
      '""',
      '*',
      'ana*',
      '"ana',
      'OR',
      'ana OR bob',
      'NEAR(',
      'NEAR(ana bob)',
      'AND',
      'NOT ana',
      '^ana',
      'first_name:ana',
      '(ana',
      ')',
      '-ana',
      '+',
      "'; DROP TABLE members; --",
      '\u0000',
      '🙂',
      'ana\u0301',
    ]) {
      expect(() => store.people.searchPeople('t1', hostile)).not.toThrow();
    }
    expect(ids('t1', 'OR')).toEqual(['m-or']); // the word "or", not the operator
    expect(ids('t1', 'NEAR(')).toEqual(['m-or']);
    expect(ids('t1', 'ana OR bob')).toEqual([]); // three words, all required: nobody is "ana or bob"
    expect(ids('t1', '"ana')).toEqual(['du-ana', 'm-ana', 'm-anabel']);
    expect(store.people.searchPeople('t1', '***')).toMatchObject({ rows: [], total: 0 });
  });

  it('never raises an FTS error, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const result = store.people.searchPeople(null, text, { limit: 5 });
        expect(result.total).toBeGreaterThanOrEqual(result.rows.length);
      }),
      { numRuns: 300 },
    );
  });

  it('follows updates and deletes through the triggers', () => {
    store.members.writePage(
      [member('m-bob2', 't1', { firstName: 'Roberta', lastName: 'Vance' })],
      checkpoint(2),
    );
    expect(ids('t1', 'robert')).toEqual(['m-bob2']);
    store.members.writePage(
      [member('m-bob2', 't1', { firstName: 'Zelda', lastName: 'Vance' })],
      checkpoint(3),
    );
    expect(ids('t1', 'robert')).toEqual([]);
    expect(ids('t1', 'zel')).toEqual(['m-bob2']);
    store.members.delete('m-bob2');
    expect(ids('t1', 'zel')).toEqual([]);
    store.directories.delete('dir-unlinked'); // cascades to its users, and so out of the index
    expect(ids(null, 'anast')).toEqual([]);
    store.db.exec("INSERT INTO members_fts (members_fts, rank) VALUES ('integrity-check', 1)");
    store.db.exec(
      "INSERT INTO directory_users_fts (directory_users_fts, rank) VALUES ('integrity-check', 1)",
    );
  });
});
