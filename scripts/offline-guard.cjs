// Refuses every network connection that leaves this machine, for the process that loads it
// (`node --require ./scripts/offline-guard.cjs`, or NODE_OPTIONS for child processes too).
// dist:check loads it so "packs offline" is enforced, not hoped: a tool that tries to download
// something fails at once with a line naming the host, instead of hanging or quietly succeeding.
'use strict';
const dns = require('node:dns');
const net = require('node:net');

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.', '::1', '[::1]']);

function isLoopback(host) {
  if (host === undefined || host === null || host === '') return true; // Node's default: localhost
  const name = String(host).toLowerCase();
  return LOOPBACK_NAMES.has(name) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

function offlineError(target) {
  const error = new Error(`offline: a network connection to ${target} was attempted; this check must not use the network`);
  error.code = 'EOFFLINE';
  return error;
}

// Every TCP client in Node (net, tls, http, https, undici's fetch) ends in Socket#connect.
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  let options = args[0];
  if (Array.isArray(options)) options = options[0]; // internal form: [options, callback]
  let host;
  let port;
  if (options !== null && typeof options === 'object') {
    if (options.path) return originalConnect.apply(this, args); // a local (unix) socket, as net.js decides
    host = options.host;
    port = options.port;
  } else if (typeof options === 'string' && !/^\d+$/.test(options)) {
    return originalConnect.apply(this, args); // connect(path): a local socket
  } else {
    port = options;
    host = typeof args[1] === 'string' ? args[1] : undefined;
  }
  if (!isLoopback(host)) throw offlineError(`${host}:${port}`);
  return originalConnect.apply(this, args);
};

// Name look-ups are refused too, so nothing waits on a DNS timeout.
const originalLookup = dns.lookup;
dns.lookup = function lookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  if (!isLoopback(hostname)) {
    process.nextTick(done, offlineError(hostname));
    return {};
  }
  return originalLookup.call(this, hostname, options, callback);
};
const originalPromisesLookup = dns.promises.lookup;
dns.promises.lookup = function lookup(hostname, options) {
  if (!isLoopback(hostname)) return Promise.reject(offlineError(hostname));
  return originalPromisesLookup.call(this, hostname, options);
};
