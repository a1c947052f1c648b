/** true — do nothing, successfully. As coreutils: arguments are ignored, but a sole --help or --version. */
import { soleHelpOrVersion } from './lib.js';

export function main(argv: string[]): number {
  soleHelpOrVersion('true', { usage: '[ignored command line arguments]', about: 'Exit with a status code indicating success.' }, argv);
  return 0;
}
