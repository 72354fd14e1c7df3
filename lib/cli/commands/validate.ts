// `healthmark validate <config.json>`: is this config valid, and if not, every problem with its path.
import { type CliCommand, EXIT, parseCommandArgs } from '../command';
import { loadConfigFile } from '../config-file';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check a scoring config file',
  help: `Usage: healthmark validate <config.json>

Checks a scoring config. Prints "valid: <name> <version>" and exits 0 when it is valid; otherwise prints every
problem, one per line as "path: message", and exits 1. A missing file or one that is not JSON exits 2 with the
reason (for JSON: the line and column of the syntax error).`,

  async run(args, io) {
    const result = parseCommandArgs(this, args, {}, io);
    if ('exit' in result) return result.exit;
    const [path, ...extra] = result.parsed.positionals;
    if (!path || extra.length > 0) {
      io.err('healthmark validate: give exactly one config file, e.g. "healthmark validate config.json"');
      return EXIT.unusable;
    }
    const loaded = await loadConfigFile(path, io, io.out);
    if ('exit' in loaded) return loaded.exit;
    io.out(`valid: ${loaded.config.name} ${loaded.config.version}`);
    return EXIT.ok;
  },
};
