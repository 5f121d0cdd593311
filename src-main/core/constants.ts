/** PXZ-1 sizes and defaults (pxz1-token.md). No Node APIs here: the renderer imports this file too. */
export const PXZ1_VERSION = 0x01;
export const DEFAULT_PREAMBLE = '{PXZ}';
export const TAG_BYTES = 16;
/** version + iat + exp */
export const HEADER_BYTES = 9;
export const MIN_BODY_BYTES = HEADER_BYTES + 1 + TAG_BYTES;
export const MAX_USERNAME_BYTES = 255;
export const MAX_PREAMBLE_CHARS = 16;
export const UINT32_MAX = 0xffffffff;
