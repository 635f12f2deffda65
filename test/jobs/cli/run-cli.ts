import { main } from '../../../jobs/cli/main.ts';
import type { Output } from '../../../jobs/cli/output.ts';

/** Run the CLI in-process and collect what it prints. */
export async function runCli(argv: readonly string[], dataDir?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const output: Output = {
    out: (text) => {
      stdout += text.endsWith('\n') ? text : `${text}\n`;
    },
    err: (text) => {
      stderr += text.endsWith('\n') ? text : `${text}\n`;
    },
  };
  const code = await main(argv, output, dataDir);
  return { code, stdout, stderr };
}
