// The `healthmark` command line: admins who keep configs in git check them (and score sample data) in their CI.
// A command lives in lib/cli/commands/<name>.ts and is listed once in COMMANDS.
import type { CliCommand, CliIo } from './command';
import { EXIT } from './command';
import { backtestCommand } from './commands/backtest';
import { scoreCommand } from './commands/score';
import { validateCommand } from './commands/validate';

export const COMMANDS: readonly CliCommand[] = [validateCommand, scoreCommand, backtestCommand];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: healthmark <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "healthmark <command> --help" for a command\'s options.',
  ].join('\n');
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs one command line and returns its exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(overview());
    return name === undefined ? EXIT.unusable : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`healthmark: unknown command "${name}"`);
    io.err(overview());
    return EXIT.unusable;
  }
  return command.run(args, io);
}
