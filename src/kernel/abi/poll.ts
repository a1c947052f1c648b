/** poll(2) event bits (Linux's uapi/asm-generic/poll.h) and the size of struct pollfd. */
export const POLLIN = 0x001;
export const POLLPRI = 0x002;
export const POLLOUT = 0x004;
export const POLLERR = 0x008;
export const POLLHUP = 0x010;
export const POLLNVAL = 0x020;
export const POLLRDNORM = 0x040;
export const POLLRDBAND = 0x080;
export const POLLWRNORM = 0x100;
export const POLLWRBAND = 0x200;

/** What a file that cannot block reports (Linux's DEFAULT_POLLMASK): always readable and writable. */
export const DEFAULT_POLLMASK = POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;

/** struct pollfd { int fd; short events; short revents; }: 8 bytes, little-endian. */
export const POLLFD_SIZE = 8;

