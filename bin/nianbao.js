#!/usr/bin/env node
/**
 * Launcher. Runs the CLI bundled in dist/ (built at install by the `prepare` script: bin/build-cli.js) when the build
 * is at least as new as every source file it was built from; when a source is newer (or the build is missing), it
 * rebuilds first (esbuild, about a second), and when it cannot build, it runs the TypeScript through tsx. So a fresh
 * checkout works, an edited source never runs stale, and a start costs Node plus the command's own modules.
 * NIANBAO_TSX=1 always runs the TypeScript through tsx.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bundled entry when dist/current.json describes a build of this checkout that no source file is newer than. */
function freshBuild() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, 'dist', 'current.json'), 'utf8'));
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
  const entry = path.join(root, 'dist', String(manifest.entry));
  return existsSync(entry) ? entry : null;
}

async function rebuilt() {
  try {
    const { buildCli } = await import('./build-cli.js');
    const manifest = await buildCli(root);
    return path.join(root, 'dist', manifest.entry);
  } catch {
    return null;
  }
}

async function loadMain() {
  if (process.env.NIANBAO_TSX !== '1') {
    const entry = freshBuild() ?? (await rebuilt());
    if (entry !== null) return (await import(pathToFileURL(entry).href)).main;
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../jobs/cli/main.ts')).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
