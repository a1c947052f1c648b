/**
 * sh — the POSIX shell (src/shell/). This file is only the program's entry point.
 */
export { main } from '../shell/main.js';
