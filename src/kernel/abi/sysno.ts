/**
 * System call numbers. Where Linux has the call, the number is Linux x86-64's, so an strace of a
 * posixbox program reads like one of a Linux program; posixbox's own calls start at 1000.
 */
export const SYS = {
  read: 0, write: 1, open: 2, close: 3, stat: 4, fstat: 5, lstat: 6, poll: 7, lseek: 8,
  rt_sigaction: 13, rt_sigprocmask: 14, rt_sigreturn: 15, ioctl: 16, sched_yield: 24, pause: 34, alarm: 37, fork: 57,
  execve: 59, wait4: 61, rt_sigpending: 127, tkill: 200, prlimit64: 302,
  pread64: 17, pwrite64: 18, access: 21, nanosleep: 35, dup: 32, dup2: 33, getpid: 39,
  exit: 60, kill: 62, uname: 63, sethostname: 170, fcntl: 72, fsync: 74, truncate: 76, ftruncate: 77, getcwd: 79,
  chdir: 80, fchdir: 81, rename: 82, mkdir: 83, rmdir: 84, link: 86, unlink: 87, symlink: 88,
  readlink: 89, chmod: 90, fchmod: 91, chown: 92, fchown: 93, lchown: 94, umask: 95,
  getuid: 102, getgid: 104, setuid: 105, setgid: 106, geteuid: 107, getegid: 108,
  setpgid: 109, getppid: 110, getpgrp: 111, setsid: 112, setreuid: 113, setregid: 114,
  getgroups: 115, setgroups: 116, setresuid: 117, getresuid: 118, setresgid: 119, getresgid: 120,
  getpgid: 121, getsid: 124, mknod: 133, getdents64: 217, clock_gettime: 228, exit_group: 231,
  openat: 257, mkdirat: 258, mknodat: 259, fchownat: 260, newfstatat: 262, unlinkat: 263,
  renameat2: 316, linkat: 265, symlinkat: 266, readlinkat: 267, fchmodat: 268, faccessat2: 439,
  utimensat: 280, dup3: 292, pipe2: 293, getrandom: 318, statfs: 137, fstatfs: 138,
  /** posixbox: the login name recorded for the process's session (getlogin(3) reads utmp on Linux). */
  getlogin: 1000,
  /** posixbox: wait until the scheduler gives this new process the CPU; returns its pid. */
  sched_start: 1001,
  /** posixbox: posix_spawn as one call (path, argv, envp, file actions, flags, pgroup). */
  posix_spawn: 1002,
  /** posixbox: a forked child's Worker reports that its call differs from the record (fork by replay). */
  replay_diverged: 1003,
} as const;

export type SyscallName = keyof typeof SYS;
