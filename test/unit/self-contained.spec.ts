import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

// A clone of this repository must be complete: no file may reach for a folder beside the clone, and every
// section citation ("§6.5", "reference §11.8") must name a heading of docs/upstream.md, the contract we keep here.

const ROOT = resolve(__dirname, '../..');
const CONTRACT = 'docs/upstream.md';
/** Where section citations are checked: code, tests and tooling. */
const CITING_DIRS = ['src', 'simulator', 'test', 'bench', 'scripts', 'examples'];
/** Generated from the lockfile resolver, never hand-edited; it names registry tarballs only. */
const NOT_SCANNED = new Set(['package-lock.json']);

/** Built from parts, so this file does not contain what it forbids. */
const FORBIDDEN = [['..', 'shared'].join('/'), ['shared', 'quectel-openapi'].join('/'), ['shared', 'reference'].join('/')];
const SECTION_SIGN = '\u00a7';
/** A section of the contract; `RFC 9110 §10.2.3` and the like cite someone else's document and are left alone. */
const CITATION = new RegExp(`(?<!RFC \\d+ )${SECTION_SIGN}(\\d+(?:\\.\\d+)*)`, 'g');
const HEADING = new RegExp(`^#{1,6} ${SECTION_SIGN}(\\d+(?:\\.\\d+)*)`);

interface Hit {
  file: string;
  line: number;
  text: string;
}

/** Tracked files plus new ones not yet added (ignored files excluded); a walk when there is no git checkout. */
function repositoryFiles(): string[] {
  let listed: string[];
  try {
    listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((file) => file !== '');
  } catch {
    listed = walk(ROOT);
  }
  return listed.filter((file) => !NOT_SCANNED.has(file) && existsSync(join(ROOT, file)) && statSync(join(ROOT, file)).isFile());
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'dist', 'coverage', '.git'].includes(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [relative(ROOT, path).split(sep).join('/')];
  });
}

/** Text of a file, or undefined for binary content. */
function textOf(file: string): string | undefined {
  const bytes = readFileSync(join(ROOT, file));
  return bytes.includes(0) ? undefined : bytes.toString('utf8');
}

function forbiddenReferences(file: string, text: string): Hit[] {
  return text
    .split('\n')
    .flatMap((line, i) => FORBIDDEN.filter((needle) => line.includes(needle)).map((needle) => ({ file, line: i + 1, text: needle })));
}

function citations(file: string, text: string): Hit[] {
  return text.split('\n').flatMap((line, i) => [...line.matchAll(CITATION)].map((m) => ({ file, line: i + 1, text: m[1] })));
}

function headingNumbers(markdown: string): string[] {
  return markdown.split('\n').flatMap((line) => HEADING.exec(line)?.[1] ?? []);
}

const format = (hit: Hit) => `${hit.file}:${hit.line}: ${hit.text}`;

describe('self-contained repository', () => {
  const files = repositoryFiles();
  const headings = headingNumbers(readFileSync(join(ROOT, CONTRACT), 'utf8'));
  const citingFiles = files.filter((file) => CITING_DIRS.some((dir) => file.startsWith(`${dir}/`)));
  const allCitations = citingFiles.flatMap((file) => {
    const text = textOf(file);
    return text === undefined ? [] : citations(file, text);
  });

  it('should see the repository and the contract it checks against', () => {
    expect(files).toEqual(expect.arrayContaining([CONTRACT, 'package.json', 'test/unit/self-contained.spec.ts']));
    // A heading format change that the pattern no longer reads must not pass vacuously.
    expect(headings).toEqual(expect.arrayContaining(['0', '2.1', '6.5', '9.4', '11.8', '12.4']));
    expect(allCitations.length).toBeGreaterThan(100);
  });

  it('should not read or link anything in a folder beside the clone', () => {
    const offenders = files.flatMap((file) => {
      const text = textOf(file);
      return text === undefined ? [] : forbiddenReferences(file, text);
    });
    expect(offenders.map(format)).toEqual([]);
  });

  it(`should resolve every section citation in ${CITING_DIRS.join(', ')} to a heading of ${CONTRACT}`, () => {
    const known = new Set(headings);
    expect(allCitations.filter((hit) => !known.has(hit.text)).map(format)).toEqual([]);
  });

  it(`should number each section of ${CONTRACT} once`, () => {
    expect(headings.filter((n, i) => headings.indexOf(n) !== i)).toEqual([]);
  });

  it('should keep section citations out of the SDL, where API users read descriptions without our docs', () => {
    const sdl = readFileSync(join(ROOT, 'schema.graphql'), 'utf8').split('\n');
    const citing = sdl
      .map((text, index) => ({ file: 'schema.graphql', line: index + 1, text }))
      .filter((hit) => /\u00a7\d|\breference \u00a7/.test(hit.text));
    expect(citing.map(format)).toEqual([]);
  });

  describe('the checks themselves', () => {
    it('should find a citation that has no heading', () => {
      const known = new Set(headingNumbers(`## ${SECTION_SIGN}9 Push\n### ${SECTION_SIGN}9.4 Messages\n`));
      const found = citations('x.ts', `// see ${SECTION_SIGN}9.4 and ${SECTION_SIGN}9.5 (RFC 9110 ${SECTION_SIGN}10.2.3).\n// and ${SECTION_SIGN}9`);
      expect(found.filter((hit) => !known.has(hit.text)).map(format)).toEqual(['x.ts:1: 9.5']);
    });

    it('should find a path into the folder beside the clone', () => {
      const text = `ok\nconst doc = path.resolve(__dirname, '../../${FORBIDDEN[0]}/reference/x.json');\n`;
      expect(forbiddenReferences('y.ts', text).map(format)).toEqual([`y.ts:2: ${FORBIDDEN[0]}`, `y.ts:2: ${FORBIDDEN[2]}`]);
    });
  });
});
