/** false — do nothing, unsuccessfully. Status 1 even for a sole --help or --version, as coreutils. */
import { soleHelpOrVersion } from './lib.js';

export function main(argv: string[]): number {
  soleHelpOrVersion('false', { usage: '[ignored command line arguments]', about: 'Exit with a status code indicating failure.' }, argv);
  return 1;
}
