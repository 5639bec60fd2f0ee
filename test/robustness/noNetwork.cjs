// Preload for noNetwork.test.ts (`node --require`, through NODE_OPTIONS): every way a Node
// program reaches the network throws. Each attempt is also appended to the file named by
// NO_NETWORK_LOG, because a caller that catches the error would otherwise hide it. The line
// `armed <pid>` proves the preload ran in the process under test.
'use strict';
const fs = require('node:fs');
const log = process.env.NO_NETWORK_LOG;
const note = (line) => {
  if (log) fs.appendFileSync(log, line + '\n');
};

function refuse(what) {
  return function refused() {
    note(`attempt ${process.pid} ${what}\n${new Error().stack}`);
    throw new Error(`network access attempted: ${what}`);
  };
}

function block(object, names, prefix) {
  for (const name of names) if (typeof object[name] === 'function') object[name] = refuse(`${prefix}.${name}`);
}

// Every TCP and TLS connection (and so http, https, undici's fetch) goes through Socket#connect.
const net = require('node:net');
net.Socket.prototype.connect = refuse('net.Socket.prototype.connect');
block(net, ['connect', 'createConnection'], 'net');
block(require('node:tls'), ['connect'], 'tls');
const dns = require('node:dns');
const DNS = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse'];
block(dns, DNS, 'dns');
block(dns.promises, DNS, 'dns.promises');
block(require('node:http'), ['request', 'get'], 'http');
block(require('node:https'), ['request', 'get'], 'https');
block(require('node:http2'), ['connect'], 'http2');
block(require('node:dgram'), ['createSocket'], 'dgram');
globalThis.fetch = refuse('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = refuse('WebSocket');

note(`armed ${process.pid}`);
