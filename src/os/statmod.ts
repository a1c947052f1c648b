/** Python's `stat` module: the constants and predicates, and filemode() as `ls -l` prints modes. */
import * as S from '../kernel/abi/stat.js';
import { pyIndex } from './pyargs.js';

/** '-rwxr-xr-x' for 0o100755, with s/S, t/T for the set-id and sticky bits. */
export function filemode(m: number): string {
  if (typeof m !== 'number' && typeof m !== 'bigint' && typeof m !== 'boolean') throw new TypeError('an integer is required');
  const mode = Number(BigInt.asUintN(32, pyIndex(m)));
  const typeChar: Record<number, string> = {
    [S.S_IFDIR]: 'd', [S.S_IFCHR]: 'c', [S.S_IFBLK]: 'b', [S.S_IFREG]: '-', [S.S_IFIFO]: 'p',
    [S.S_IFLNK]: 'l', [S.S_IFSOCK]: 's',
  };
  const t = typeChar[mode & S.S_IFMT] ?? '?';
  const rwx = (r: number, w: number, x: number, special: number, on: string, off: string): string =>
    (mode & r ? 'r' : '-') + (mode & w ? 'w' : '-') +
    (mode & special ? (mode & x ? on : off) : mode & x ? 'x' : '-');
  return t + rwx(S.S_IRUSR, S.S_IWUSR, S.S_IXUSR, S.S_ISUID, 's', 'S')
    + rwx(S.S_IRGRP, S.S_IWGRP, S.S_IXGRP, S.S_ISGID, 's', 'S')
    + rwx(S.S_IROTH, S.S_IWOTH, S.S_IXOTH, S.S_ISVTX, 't', 'T');
}

export const statModule = {
  ...S,
  S_IFMT: (mode: number): number => mode & S.S_IFMT,
  S_IREAD: S.S_IRUSR, S_IWRITE: S.S_IWUSR, S_IEXEC: S.S_IXUSR,
  ST_MODE: 0, ST_INO: 1, ST_DEV: 2, ST_NLINK: 3, ST_UID: 4, ST_GID: 5, ST_SIZE: 6, ST_ATIME: 7,
  ST_MTIME: 8, ST_CTIME: 9,
  filemode,
};
