#!/usr/bin/env node
/**
 * Launcher. Runs the CLI bundled in dist/ (built at install by the `prepare` script: bin/build-cli.js) when the build
 * is at least as new as every source file it was built from. When a source is newer (or there is no build), this
 * start runs the TypeScript through tsx — never stale code — and starts one rebuild in the background (a lock file
 * keeps parallel starts from building at once), so the next start is fast again. A start never costs more than the
 * tsx start it replaced. NIANBAO_TSX=1 always runs the TypeScript through tsx and builds nothing;
 * NIANBAO_LAUNCH_INFO=1 prints which of the two this start runs (on stderr).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(root, 'dist');
/** A build lock older than this belongs to a builder that died: take it over. */
const STALE_LOCK_MS = 120_000;

/** The bundled entry when dist/current.json describes a build of this checkout that no source file is newer than. */
function freshBuild() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(distDir, 'current.json'), 'utf8'));
  } catch {
    return null;
  }
  if (manifest.root !== root || !Array.isArray(manifest.inputs)) return null;
  try {
    for (const input of manifest.inputs) {
      if (statSync(path.join(root, input)).mtimeMs > manifest.builtAt) return null;
    }
  } catch {
    return null; // a source file was removed or renamed
  }
  const entry = path.join(distDir, String(manifest.entry));
  return existsSync(entry) ? entry : null;
}

/** Starts `bin/build-cli.js` detached, unless another start already did (dist/build.lock). */
function rebuildInBackground() {
  const lock = path.join(distDir, 'build.lock');
  try {
    mkdirSync(distDir, { recursive: true });
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs < STALE_LOCK_MS) return;
    rmSync(lock, { force: true });
    writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
  } catch {
    return; // another start took the lock first, or dist/ cannot be written: tsx it is
  }
  try {
    spawn(process.execPath, [path.join(root, 'bin', 'build-cli.js'), '--if-possible', '--release-lock'], { cwd: root, detached: true, stdio: 'ignore' }).unref();
  } catch {
    rmSync(lock, { force: true });
  }
}

function info(text) {
  if (process.env.NIANBAO_LAUNCH_INFO === '1') process.stderr.write(`nianbao launcher: ${text}\n`);
}

async function loadMain() {
  if (process.env.NIANBAO_TSX !== '1') {
    const entry = freshBuild();
    if (entry !== null) {
      info(`build ${path.relative(root, entry)}`);
      return (await import(pathToFileURL(entry).href)).main;
    }
    rebuildInBackground();
  }
  info('tsx');
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../jobs/cli/main.ts')).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
