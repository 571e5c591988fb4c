// `N=2000 npx tsx test/bench/ferretdb-ops.ts`: milliseconds per operation of the MongoDB driver on
// FerretDB with a collection of N documents (shows which operations grow with the collection).
import { startMongoServer } from '../support/ferretdb.js';
import { MongoClient } from 'mongodb';
const server = await startMongoServer();
const client = new MongoClient(server.uri); await client.connect();
const c = client.db('ops').collection<any>('d');
await c.createIndex({ a: 1, b: 1 }, { unique: true });
await c.insertMany(Array.from({ length: Number(process.env.N ?? 2000) }, (_, i) => ({ _id: `id${i}`, a: i, b: 'x', pad: 'y'.repeat(300) })));
const time = async (label: string, fn: (i: number) => Promise<unknown>) => { const t = performance.now(); for (let i = 0; i < 50; i++) await fn(i); console.log(label.padEnd(40), ((performance.now() - t) / 50).toFixed(2), 'ms/op'); };
await time('findOne {_id}', (i) => c.findOne({ _id: `id${i}` }));
await time('findOne {_id, a}', (i) => c.findOne({ _id: `id${i}`, a: i }));
await time('updateOne {_id} $set', (i) => c.updateOne({ _id: `id${i}` }, { $set: { b: 'z' } }));
await time('findOneAndUpdate {_id} $set', (i) => c.findOneAndUpdate({ _id: `id${i}` }, { $set: { b: 'w' } }, { returnDocument: 'after' }));
await time('replaceOne {_id} upsert', (i) => c.replaceOne({ _id: `new${i}` }, { a: 100000 + i, b: 'n' }, { upsert: true }));
await time('insertOne', (i) => c.insertOne({ _id: `ins${i}`, a: 200000 + i, b: 'i' }));
await time('deleteOne {_id}', (i) => c.deleteOne({ _id: `ins${i}` }));
await time('find {a: {$lte}} sort limit 64', (i) => c.find({ a: { $lte: 1000 } }).sort({ a: 1 }).limit(64).toArray());
await time('find {_id: {$in: [3]}}', (i) => c.find({ _id: { $in: [`id${i}`, `id${i+1}`, `id${i+2}`] } }).toArray());
await client.close(); await server.destroy();
