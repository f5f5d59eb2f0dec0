import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors/app-error.js';

/**
 * The server's own secret: the key of every signed link (booking pages, email confirmations)
 * and of keyed hashes (a client's IP kept as a hash). It is generated once into
 * `<dataDir>/server-secret` (mode 0600) and read from there afterwards, so every process on the
 * same data folder signs alike; `LEADBOT_SECRET` (at least 32 characters) overrides the file.
 */
export type ServerSecret = {
  /** A URL-safe signature of `value` for one `purpose` (a purpose's signature never verifies another). */
  sign(purpose: string, value: string): string;
  /** True when `signature` is `sign(purpose, value)`; compared in constant time. */
  verify(purpose: string, value: string, signature: string): boolean;
  /** A keyed one-way hash of `value` (an IP, a token): equal inputs give equal hashes, nothing reverses it. */
  hash(purpose: string, value: string): string;
};

const FILE = 'server-secret';
const MIN_CHARS = 32;

/** A ServerSecret over raw key bytes (tests pass a fixed key). */
export function serverSecretFrom(key: string | Buffer): ServerSecret {
  const mac = (purpose: string, value: string): string =>
    createHmac('sha256', key).update(`${purpose}\0${value}`).digest('base64url');
  return {
    sign: (purpose, value) => mac(purpose, value).slice(0, 32),
    verify(purpose, value, signature) {
      const want = Buffer.from(mac(purpose, value).slice(0, 32));
      const got = Buffer.from(signature);
      return got.length === want.length && timingSafeEqual(got, want);
    },
    hash: (purpose, value) => mac(`hash:${purpose}`, value),
  };
}

/**
 * Loads the server secret: `env.LEADBOT_SECRET` when set, else `<dataDir>/server-secret`,
 * created with 32 random bytes when missing. Throws AppError('INTERNAL') with the reason when
 * the variable is too short or the file cannot be read or written.
 *
 * @example const secret = loadServerSecret('./data', process.env);
 */
export function loadServerSecret(
  dataDir: string,
  env: Record<string, string | undefined> = {},
): ServerSecret {
  const fromEnv = env.LEADBOT_SECRET?.trim();
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_CHARS)
      throw new AppError('INTERNAL', `LEADBOT_SECRET must be at least ${MIN_CHARS} characters`);
    return serverSecretFrom(fromEnv);
  }
  const file = path.join(dataDir, FILE);
  try {
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      try {
        writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
        chmodSync(file, 0o600);
      } catch (e) {
        // Another process on the same folder created it first: read theirs.
        if (!(e instanceof Error && 'code' in e && e.code === 'EEXIST')) throw e;
      }
    }
    const key = readFileSync(file, 'utf8').trim();
    if (key.length < MIN_CHARS) throw new Error(`${file} holds fewer than ${MIN_CHARS} characters`);
    return serverSecretFrom(key);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw new AppError('INTERNAL', `cannot read or create the server secret ${file}: ${reason}`);
  }
}
