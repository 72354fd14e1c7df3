// What a `healthmark` subcommand is, and the small shared pieces every command uses: output, exit codes,
// argument parsing with node:util, reading files with specific messages.
import { readFile } from 'node:fs/promises';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { errorMessage } from '../errors';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** 0 done; 1 the input has problems (invalid config, rejected rows); 2 the command could not run (usage, files). */
export const EXIT = { ok: 0, problems: 1, unusable: 2 } as const;

type Options = NonNullable<ParseArgsConfig['options']>;
export type ParsedArgs<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/** Parses the command's arguments; on a mistake prints it with the help and returns null. `--help` prints help. */
export function parseCommandArgs<O extends Options>(command: CliCommand, args: string[], options: O, io: CliIo): { parsed: ParsedArgs<O> } | { exit: number } {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.help);
    return { exit: EXIT.ok };
  }
  try {
    return { parsed: parseArgs({ args, options, allowPositionals: true, strict: true }) };
  } catch (error) {
    io.err(`healthmark ${command.name}: ${errorMessage(error)}`);
    io.err(`Run "healthmark ${command.name} --help" for usage.`);
    return { exit: EXIT.unusable };
  }
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'file not found',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
};

/** The file's text, or a sentence naming the file and what went wrong. */
export async function readTextFile(path: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return { ok: false, message: `cannot read ${path}: ${READ_ERRORS[code] ?? errorMessage(error)}` };
  }
}
