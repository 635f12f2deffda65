#!/usr/bin/env node
/**
 * Bundles the CLI (jobs/cli/main.ts and every module it reaches, npm packages left external) into dist/<build id>/
 * with esbuild, one chunk per lazily loaded command, and points dist/current.json at it with the list of source files
 * it was built from, so bin/nianbao.js can tell a build from stale. Run by `npm ci` / `npm install` (the `prepare`
 * script), by `npm run build`, and in the background by bin/nianbao.js when a source file is newer than the build.
 *
 * Modules that find files next to themselves (`new URL('../x', import.meta.url)`, createRequire) keep doing so:
 * `import.meta.url`, `.dirname` and `.filename` are rewritten to the module's own source path, relative to the
 * chunk, so data files, the server's static files and package.json are read from the source tree as before.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'jobs/cli/main.ts';
/** Builds older than this, other than the current one, are removed (a process loads its command's chunks within its first second). */
const KEEP_OLD_BUILDS_MS = 10 * 60 * 1000;

/** Builds the CLI; returns the manifest written to dist/current.json. */
export async function buildCli(root = ROOT) {
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const id = `${startedAt.toString(36)}-${process.pid}`;
  const distDir = path.join(root, 'dist');
  const outdir = path.join(distDir, id);
  mkdirSync(distDir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: ENTRY },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir,
    metafile: true,
    logLevel: 'silent',
    plugins: [sourceLocationPlugin(outdir)],
  });
  const manifest = { id, root, builtAt: startedAt, entry: `${id}/main.js`, inputs: Object.keys(result.metafile.inputs).sort() };
  const temp = path.join(distDir, `current.json.${id}`);
  writeFileSync(temp, `${JSON.stringify(manifest)}\n`);
  renameSync(temp, path.join(distDir, 'current.json'));
  removeOldBuilds(distDir, id);
  return manifest;
}

/** `import.meta.url|dirname|filename` → the source module's location, reached from the chunk's own URL. */
function sourceLocationPlugin(outdir) {
  return {
    name: 'nianbao-source-location',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.')) return { contents: source, loader: 'ts' };
        const fileUrl = `new URL(${JSON.stringify(path.relative(outdir, args.path).split(path.sep).join('/'))}, import.meta.url)`;
        const contents = source
          .replace(/\bimport\.meta\.url\b/g, `${fileUrl}.href`)
          .replace(/\bimport\.meta\.dirname\b/g, `decodeURIComponent(new URL('.', ${fileUrl}).pathname).replace(/\\/$/, '')`)
          .replace(/\bimport\.meta\.filename\b/g, `decodeURIComponent(${fileUrl}.pathname)`);
        return { contents, loader: 'ts' };
      });
    },
  };
}

function removeOldBuilds(distDir, currentId) {
  for (const name of readdirSync(distDir)) {
    const dir = path.join(distDir, name);
    if (name === currentId || name === 'current.json' || name === 'build.lock') continue;
    try {
      if (Date.now() - statSync(dir).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // another process removed it first
    }
  }
}

// `node bin/build-cli.js [--if-possible] [--release-lock]`: --if-possible (the install's `prepare`, the launcher's
// background rebuild) reports a failed build and exits 0, since bin/nianbao.js then runs the TypeScript through tsx;
// `npm run build` fails loudly. --release-lock removes dist/build.lock, taken by the launcher that started this build.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    const manifest = await buildCli();
    console.log(`nianbao: CLI built into dist/${manifest.id}/ from ${manifest.inputs.length} source files in ${Date.now() - started} ms`);
  } catch (error) {
    console.error(`nianbao: building the CLI failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!process.argv.includes('--if-possible')) process.exitCode = 1;
    else console.error('nianbao: bin/nianbao.js will run the TypeScript through tsx (slower start) until `npm run build` succeeds');
  } finally {
    if (process.argv.includes('--release-lock')) rmSync(path.join(ROOT, 'dist', 'build.lock'), { force: true });
  }
}
