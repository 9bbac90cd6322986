import { resolve } from 'node:path';

/**
 * Reads `.env` from the working directory into the environment when there is one, with Node's own parser. A
 * variable already set in the real environment wins: `process.loadEnvFile` never overwrites one. Used by the process
 * entry and by `npm run doctor`, before `loadConfig` reads the environment.
 * @returns the file read, or undefined when there is none.
 */
export function loadDotEnv(): string | undefined {
  const path = resolve('.env');
  try {
    process.loadEnvFile(path);
    return path;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
