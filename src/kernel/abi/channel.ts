/**
 * The layout of a process's syscall channel: one SharedArrayBuffer per process, written by the
 * process (request) and by the kernel (response). The state word is the doorbell both sides wait on.
 *
 *   bytes 0..63     Int32 control words (STATE, NR, ERRNO, IN_LEN, OUT_LEN, SEQ, SIG, RESTART)
 *   bytes 64..191   Float64 args[16]   — numeric arguments; a byte-string argument's slot holds its length
 *   bytes 192..383  Float64 ret[24]    — ret[0] is the return value, ret[1..] extra numbers (stat fields)
 *   bytes 384..     the data area: byte-string arguments back to back, then the response's bytes
 */
export const CTL_STATE = 0;
export const CTL_NR = 1;
export const CTL_ERRNO = 2;
export const CTL_IN_LEN = 3;
export const CTL_OUT_LEN = 4;
export const CTL_SEQ = 5;
/** Set by the kernel with an answer: run the handler of this signal, then call rt_sigreturn. */
export const CTL_SIG = 6;
/** With CTL_SIG on an EINTR answer: 1 if the call is to be restarted after the handler (SA_RESTART). */
export const CTL_RESTART = 7;
export const CTL_WORDS = 16;

export const STATE_IDLE = 0;
export const STATE_REQUEST = 1;
export const STATE_RESPONSE = 2;

export const ARGS_OFFSET = 64;
export const ARGS_COUNT = 16;
export const RET_OFFSET = 192;
export const RET_COUNT = 24;
export const DATA_OFFSET = 384;
/** The data area: the most one read or write moves per call (the client loops for more). */
export const DATA_SIZE = 256 * 1024;
export const CHANNEL_BYTES = DATA_OFFSET + DATA_SIZE;

/** Views over one channel buffer, built once per side. */
export interface ChannelViews {
  readonly sab: SharedArrayBuffer;
  readonly ctl: Int32Array;
  readonly args: Float64Array;
  readonly ret: Float64Array;
  readonly data: Uint8Array;
}

export function channelViews(sab: SharedArrayBuffer): ChannelViews {
  return {
    sab,
    ctl: new Int32Array(sab, 0, CTL_WORDS),
    args: new Float64Array(sab, ARGS_OFFSET, ARGS_COUNT),
    ret: new Float64Array(sab, RET_OFFSET, RET_COUNT),
    data: new Uint8Array(sab, DATA_OFFSET, DATA_SIZE),
  };
}
