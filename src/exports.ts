/** What both entry points export besides boot(). */
export { Kernel, type BootOptions, type SpawnOptions, type ProcessHandle, type StdioSpec } from './kernel/kernel.js';
export { SysError } from './kernel/errors.js';
export { errnoName, strerror } from './kernel/abi/errno.js';
export { HostInput } from './fs/hoststream.js';
export { SYSCALLS } from './kernel/syscalls/index.js';
export type { SystemSpec, UserSpec, GroupSpec, FileSpec } from './kernel/setup.js';
export { binariesOf, installPrograms } from './bin/install.js';
