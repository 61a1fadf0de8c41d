// A CouchDB stand-in for the sync tests: PouchDB Server's core (express-pouchdb on express 4, with
// PouchDB's in-memory adapter) on 127.0.0.1, with the CORS headers CouchDB sends once enabled and
// one user checked by HTTP basic auth (401 with CouchDB's JSON otherwise). Started and stopped by
// the test that uses it.
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import mapreduce from 'pouchdb-mapreduce';

const MemoryPouch = PouchDB.plugin(memory).plugin(http).plugin(replication).plugin(mapreduce)
  .defaults({ adapter: 'memory' });

/** Starts the server; `user`/`password` are the only valid credentials. */
export async function startCouch({ user = 'sam', password = 'secret' } = {}) {
  const app = express();
  const requests = [];
  app.use((req, res, next) => {
    requests.push(`${req.method} ${req.url}`);
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin, referer');
    }
    if (req.method === 'OPTIONS') { res.status(204).end(); return; }
    const expected = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
    if (req.headers.authorization !== expected) {
      res.status(401).json({ error: 'unauthorized', reason: 'Name or password is incorrect.' });
      return;
    }
    next();
  });
  app.use('/', expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' }));
  const server = await new Promise((ok) => { const s = app.listen(0, '127.0.0.1', () => ok(s)); });
  const url = `http://127.0.0.1:${server.address().port}`;
  const auth = { authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64') };
  return {
    url,
    requests,
    /** GET a path of the server as the user, parsed. */
    get: async (path) => (await fetch(url + path, { headers: auth })).json(),
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
