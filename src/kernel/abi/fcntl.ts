/** open(2) flags, fcntl(2) commands and *at() flags with Linux's x86-64 values. */

export const O_ACCMODE = 0o3;
export const O_RDONLY = 0o0;
export const O_WRONLY = 0o1;
export const O_RDWR = 0o2;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_NOCTTY = 0o400;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_DSYNC = 0o10000;
export const O_DIRECTORY = 0o200000;
export const O_NOFOLLOW = 0o400000;
export const O_NOATIME = 0o1000000;
export const O_CLOEXEC = 0o2000000;
export const O_SYNC = 0o4010000;
export const O_PATH = 0o10000000;

/** Status flags F_SETFL may change (Linux: O_APPEND, O_ASYNC, O_DIRECT, O_NOATIME, O_NONBLOCK). */
export const SETFL_MASK = O_APPEND | O_NONBLOCK | O_NOATIME;

export const F_DUPFD = 0;
export const F_GETFD = 1;
export const F_SETFD = 2;
export const F_GETFL = 3;
export const F_SETFL = 4;
export const F_DUPFD_CLOEXEC = 1030;
/** A pipe's capacity (F_LINUX_SPECIFIC_BASE + 7 and + 8). */
export const F_SETPIPE_SZ = 1031;
export const F_GETPIPE_SZ = 1032;
export const FD_CLOEXEC = 1;

export const AT_FDCWD = -100;
export const AT_SYMLINK_NOFOLLOW = 0x100;
export const AT_REMOVEDIR = 0x200;
export const AT_EACCESS = 0x200;
export const AT_SYMLINK_FOLLOW = 0x400;
export const AT_EMPTY_PATH = 0x1000;

export const F_OK = 0;
export const X_OK = 1;
export const W_OK = 2;
export const R_OK = 4;

export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;

/** Linux limits: a name component over NAME_MAX bytes or a path over PATH_MAX-1 gives ENAMETOOLONG. */
export const NAME_MAX = 255;
export const PATH_MAX = 4096;
/** Symlinks followed in one resolution before ELOOP (Linux's MAXSYMLINKS). */
export const MAXSYMLINKS = 40;
/** The largest number of open descriptors a process may hold (RLIMIT_NOFILE soft default). */
export const OPEN_MAX = 1024;

/** d_type values of getdents64. */
export const DT_UNKNOWN = 0;
export const DT_FIFO = 1;
export const DT_CHR = 2;
export const DT_DIR = 4;
export const DT_BLK = 6;
export const DT_REG = 8;
export const DT_LNK = 10;
export const DT_SOCK = 12;
