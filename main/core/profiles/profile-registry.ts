import fs from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../errors';
import { CREDENTIAL_KINDS, keychainAccount, type SecretStore } from '../secrets/secret-store';
import { writeFileAtomically } from './atomic-write';
import {
  ProfileIdSchema,
  ProfilesFileSchema,
  SANDBOX_PROFILE_ID,
  type Profile,
  type ProfileKind,
  type ProfilesFile,
} from './profile';
import { newProfileId } from './profile-id';
import { validateBaseUrl } from './profile-urls';
import { sandboxProfile } from './sandbox-profile';

export const PROFILES_FILE_NAME = 'profiles.json';

/** `<dataDir>/profiles.json` */
export function profilesFilePath(dataDir: string): string {
  return path.join(dataDir, PROFILES_FILE_NAME);
}

export interface NewProfileInput {
  name: string;
  kind: ProfileKind;
  workosBaseUrl: string;
  gemBaseUrl: string;
}

export type ProfilePatch = Partial<NewProfileInput>;

export interface RemovedProfile {
  readonly removed: Profile;
  /** The active profile after the removal (sandbox when the removed one was active). */
  readonly activeProfileId: string;
}

/**
 * The profiles the console knows and which one is active, persisted in `<dataDir>/profiles.json` (zod-validated,
 * written atomically, never a secret). The sandbox profile always exists and cannot be removed. One process owns the
 * data folder (single-instance lock), so the registry keeps the file's content in memory and writes through.
 */
export class ProfileRegistry {
  private state: ProfilesFile;

  private constructor(
    readonly dataDir: string,
    private readonly secrets: SecretStore,
    private readonly now: () => Date,
  ) {
    this.state = this.load();
  }

  /** Opens (and on first start creates) the registry of `dataDir`. Throws AppError('internal') on an invalid file. */
  static open(options: { dataDir: string; secrets: SecretStore; now?: () => Date }): ProfileRegistry {
    return new ProfileRegistry(
      path.resolve(options.dataDir),
      options.secrets,
      options.now ?? (() => new Date()),
    );
  }

  get filePath(): string {
    return profilesFilePath(this.dataDir);
  }

  list(): Profile[] {
    return this.state.profiles.map((profile) => ({ ...profile }));
  }

  /** Throws AppError('not_found'). */
  get(id: string): Profile {
    const profile = this.state.profiles.find((candidate) => candidate.id === id);
    if (!profile) throw new AppError('not_found', `No profile "${id}" in this data folder.`);
    return { ...profile };
  }

  get activeProfileId(): string {
    return this.state.activeProfileId;
  }

  active(): Profile {
    return this.get(this.state.activeProfileId);
  }

  create(input: NewProfileInput): Profile {
    const profile: Profile = {
      id: newProfileId(input.name, new Set(this.state.profiles.map((existing) => existing.id))),
      name: validName(input.name),
      kind: input.kind,
      workosBaseUrl: validateBaseUrl('WorkOS', input.workosBaseUrl, input.kind),
      gemBaseUrl: validateBaseUrl('Gem', input.gemBaseUrl, input.kind),
      createdAt: this.now().toISOString(),
    };
    this.save({ ...this.state, profiles: [...this.state.profiles, profile] });
    return { ...profile };
  }

  /** Changes name, kind or URLs; the sandbox profile keeps its name and kind (its URLs may follow the stand-ins). */
  update(id: string, patch: ProfilePatch): Profile {
    const current = this.get(id);
    if (id === SANDBOX_PROFILE_ID && (patch.kind ?? 'sandbox') !== 'sandbox') {
      throw new AppError('invalid_input', 'The sandbox profile is always of kind sandbox.');
    }
    const kind = patch.kind ?? current.kind;
    const updated: Profile = {
      ...current,
      name: patch.name === undefined ? current.name : validName(patch.name),
      kind,
      // URLs are re-checked against the (possibly new) kind: a staging profile turned production must be https.
      workosBaseUrl: validateBaseUrl('WorkOS', patch.workosBaseUrl ?? current.workosBaseUrl, kind),
      gemBaseUrl: validateBaseUrl('Gem', patch.gemBaseUrl ?? current.gemBaseUrl, kind),
    };
    this.save({
      ...this.state,
      profiles: this.state.profiles.map((profile) => (profile.id === id ? updated : profile)),
    });
    return { ...updated };
  }

  setActive(id: string): Profile {
    const profile = this.get(id);
    if (this.state.activeProfileId !== id) this.save({ ...this.state, activeProfileId: id });
    return profile;
  }

  /**
   * Removes a profile the user has confirmed removing: its two keychain entries, its database file (with -wal and
   * -shm), then its registry entry. The caller closes the profile's database first. The keychain goes first: when it
   * is unavailable the removal fails before anything changed, rather than leaving secrets nobody can reach.
   */
  async remove(id: string): Promise<RemovedProfile> {
    if (id === SANDBOX_PROFILE_ID) {
      throw new AppError('invalid_input', 'The sandbox profile cannot be removed.');
    }
    const removed = this.get(id);
    for (const which of CREDENTIAL_KINDS) await this.secrets.delete(keychainAccount(id, which));
    const dbPath = this.dbPathFor(id);
    for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(file, { force: true });
    // Re-read the state after the awaits: another call may have changed it meanwhile.
    const activeProfileId =
      this.state.activeProfileId === id ? SANDBOX_PROFILE_ID : this.state.activeProfileId;
    this.save({
      ...this.state,
      activeProfileId,
      profiles: this.state.profiles.filter((profile) => profile.id !== id),
    });
    return { removed, activeProfileId };
  }

  /** `<dataDir>/profiles/<id>.sqlite`. The id is checked so it can never reach outside that folder. */
  dbPathFor(profileId: string): string {
    const id = ProfileIdSchema.safeParse(profileId);
    if (!id.success) throw new AppError('invalid_input', `"${profileId}" is not a profile id.`);
    return path.join(this.dataDir, 'profiles', `${id.data}.sqlite`);
  }

  private load(): ProfilesFile {
    let raw: string;
    try {
      raw = fs.readFileSync(this.filePath, 'utf8');
    } catch (error) {
      if (isNodeError(error) && error.code === 'ENOENT') {
        const initial: ProfilesFile = {
          version: 1,
          activeProfileId: SANDBOX_PROFILE_ID,
          profiles: [sandboxProfile(this.now().toISOString())],
        };
        this.write(initial);
        return initial;
      }
      throw new AppError('internal', `Cannot read the profile registry ${this.filePath}: ${String(error)}`, {
        cause: error,
      });
    }
    return this.parse(raw);
  }

  private parse(raw: string): ProfilesFile {
    const invalid = (why: string): AppError =>
      new AppError(
        'internal',
        `The profile registry ${this.filePath} is not valid (${why}). Fix it or move it aside; the console then ` +
          'starts again with the sandbox profile only.',
        { retryable: false },
      );
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw invalid('not JSON');
    }
    const parsed = ProfilesFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid(issue ? `${issue.path.join('.') || 'root'}: ${issue.message}` : 'schema');
    }
    const file = parsed.data;
    const ids = new Set<string>();
    for (const profile of file.profiles) {
      if (ids.has(profile.id)) throw invalid(`profile id "${profile.id}" appears twice`);
      ids.add(profile.id);
      if (profile.id === SANDBOX_PROFILE_ID && profile.kind !== 'sandbox') {
        throw invalid('the sandbox profile must be of kind sandbox');
      }
      try {
        validateBaseUrl('WorkOS', profile.workosBaseUrl, profile.kind);
        validateBaseUrl('Gem', profile.gemBaseUrl, profile.kind);
      } catch (error) {
        throw invalid(isAppError(error) ? `profile "${profile.id}": ${error.message}` : String(error));
      }
    }
    let repaired = file;
    if (!ids.has(SANDBOX_PROFILE_ID)) {
      // The sandbox profile always exists; a file without it (hand-edited, older) gets it back.
      repaired = { ...repaired, profiles: [sandboxProfile(this.now().toISOString()), ...repaired.profiles] };
    }
    if (!repaired.profiles.some((profile) => profile.id === repaired.activeProfileId)) {
      repaired = { ...repaired, activeProfileId: SANDBOX_PROFILE_ID };
    }
    if (repaired !== file) this.write(repaired);
    return repaired;
  }

  private save(next: ProfilesFile): void {
    // Validate what we write with the same schema we read with, so the file can always be opened again.
    const checked = ProfilesFileSchema.parse(next);
    this.write(checked);
    this.state = checked;
  }

  private write(file: ProfilesFile): void {
    writeFileAtomically(this.filePath, `${JSON.stringify(file, null, 2)}\n`);
  }
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 80) {
    throw new AppError('invalid_input', 'A profile name is 1 to 80 characters.');
  }
  return trimmed;
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
