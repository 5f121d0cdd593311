/**
 * csmock/1 on the wire (docs/csmock-protocol.md): the messages and error codes both ends share.
 * No Node APIs here, so the login client, the IPC contract and the renderer can import it.
 */

export const PROTOCOL = 'csmock/1';
export const SERVER_NAME = 'confserv';
export const DEFAULT_PORT = 2020;
export const DEFAULT_HOST = '127.0.0.1';

export const REQUEST_TYPES = ['RegisterClient', 'GetServerTime', 'Ping', 'UnregisterClient'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Errors about the exchange itself, not about who is logging in. */
export const PROTOCOL_ERROR_CODES = [
  'BAD_FRAME',
  'UNKNOWN_REQUEST',
  'BAD_REQUEST',
  'FRAME_TOO_LARGE',
  'SERVER_BUSY',
  'IDLE_TIMEOUT',
  'ALREADY_REGISTERED',
  'TOO_MANY_ATTEMPTS',
  'PASSWORD_TOO_LONG',
] as const;
export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];

/** Authentication failures: in realistic mode every one of them is answered as `AUTH_FAILED`. */
export const AUTH_FAILURE_CODES = [
  'MALFORMED_ENCODING',
  'TRUNCATED',
  'UNSUPPORTED_VERSION',
  'MALFORMED_USERNAME',
  'INVALID_TIMES',
  'BAD_SIGNATURE',
  'EXPIRED',
  'NOT_YET_VALID',
  'USER_MISMATCH',
  'UNKNOWN_USER',
  'USER_DISABLED',
  'BAD_PASSWORD',
] as const;
export type AuthFailureCode = (typeof AUTH_FAILURE_CODES)[number];

export type CsMockErrorCode = ProtocolErrorCode | AuthFailureCode | 'AUTH_FAILED';

export const CSMOCK_ERROR_CODES: readonly CsMockErrorCode[] = [...PROTOCOL_ERROR_CODES, ...AUTH_FAILURE_CODES, 'AUTH_FAILED'];

/** Codes after which the server closes the connection. */
export const CLOSING_CODES: readonly CsMockErrorCode[] = ['FRAME_TOO_LARGE', 'SERVER_BUSY', 'IDLE_TIMEOUT', 'TOO_MANY_ATTEMPTS'];

export type AuthMethod = 'token' | 'password';

export interface HelloMessage {
  type: 'Hello';
  protocol: typeof PROTOCOL;
  server: typeof SERVER_NAME;
  /** Unix ms, the server's clock including any simulated offset */
  serverTime: number;
}

export interface RegisterClientRequest {
  type: 'RegisterClient';
  requestId: number;
  clientName?: string;
  userName: string;
  password: string;
}
export interface GetServerTimeRequest {
  type: 'GetServerTime';
  requestId: number;
}
export interface PingRequest {
  type: 'Ping';
  requestId: number;
}
export interface UnregisterClientRequest {
  type: 'UnregisterClient';
  requestId: number;
}
export type CsMockRequest = RegisterClientRequest | GetServerTimeRequest | PingRequest | UnregisterClientRequest;

export interface ClientRegisteredMessage {
  type: 'ClientRegistered';
  requestId: number;
  sessionId: string;
  userName: string;
  authMethod: AuthMethod;
  /** Unix ms: the token's expiry, only when authMethod is `token` */
  tokenExpires?: number;
}
export interface ServerTimeMessage {
  type: 'ServerTime';
  requestId: number;
  serverTime: number;
}
export interface PongMessage {
  type: 'Pong';
  requestId: number;
}
export interface ClientUnregisteredMessage {
  type: 'ClientUnregistered';
  requestId: number;
}

/** Teaching mode only. Instants in Unix ms. Receivers ignore fields they do not know. */
export interface ErrorDetail {
  serverTime: number;
  validFrom?: number;
  validUntil?: number;
  tokenExp?: number;
  /** what to check or change */
  hint?: string;
  /** for TOO_MANY_ATTEMPTS: the code of the failure that used up the last attempt */
  lastCode?: string;
}
export interface ErrorMessage {
  type: 'Error';
  requestId: number | null;
  code: CsMockErrorCode;
  message: string;
  detail?: ErrorDetail;
}

export type CsMockServerMessage = HelloMessage | ClientRegisteredMessage | ServerTimeMessage | PongMessage | ClientUnregisteredMessage | ErrorMessage;
