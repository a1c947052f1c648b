/**
 * The posixbox command. No arguments (or only options, or `-c COMMAND`): the shell sandbox
 * (shell.ts). `run` boots a kernel and runs a program as a process with the terminal as its stdio
 * (run.ts); `lesson` runs one classroom lesson or checks them all; `lessons` runs every lesson,
 * showing each output (lesson.ts).
 *
 * Start-up is the command's cost: this module loads only what every command needs, and a command
 * that runs a process starts that process's Worker thread first (ahead.ts), then loads its own
 * module (and with it the kernel) while the thread starts.
 */
import { USAGE, UsageError } from './args.js';
import { threadAhead, type ThreadAhead } from './ahead.js';

/** Whether the command runs a process (the shell, or run): then its Worker is started at once. */
function runsProcess(cmd: string | undefined): boolean {
  return cmd === undefined || cmd === 'run' || (cmd.startsWith('-') && cmd !== '-h' && cmd !== '--help');
}

async function dispatch(argv: string[], ahead: ThreadAhead | undefined): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined: return (await import('./shell.js')).cmdShell([], ahead?.take);
    case 'lessons':
      if (rest.length > 0) throw new UsageError(`lessons: unexpected argument '${rest[0]}'`);
      return (await import('./lesson.js')).cmdLessons();
    case 'run': return (await import('./run.js')).cmdRun(rest, ahead?.take);
    case 'lesson': return (await import('./lesson.js')).cmdLesson(rest);
    case '-h': case '--help': case 'help':
      process.stdout.write(USAGE);
      return 0;
    default:
      if (cmd.startsWith('-')) return (await import('./shell.js')).cmdShell(argv, ahead?.take);
      throw new UsageError(`unknown command '${cmd}'`);
  }
}

export async function main(argv: string[]): Promise<number> {
  const ahead = runsProcess(argv[0]) ? threadAhead() : undefined;
  try {
    return await dispatch(argv, ahead);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`posixbox: ${e.message}\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`posixbox: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await ahead?.dispose();
  }
}
