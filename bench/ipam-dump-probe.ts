/**
 * Child process of the IPAM dump benchmark: reads one dump as `capacity --live-file` will (read the
 * file, parse, analyse) in a fresh process and prints JSON `{readMs, parseMs, analyseMs, maxRssMiB,
 * blocks, nodes}`. Usage: node ipam-dump-probe.js <file>
 */
import * as fs from 'node:fs';
import { analyseLiveIpam, readIpamDump } from '../src/ipam';

const file = process.argv[2]!;
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
let start = process.hrtime.bigint();
const text = fs.readFileSync(file, 'utf8');
const readMs = ms(start);
start = process.hrtime.bigint();
const state = readIpamDump(text, file, 'bench');
const parseMs = ms(start);
start = process.hrtime.bigint();
const analysis = analyseLiveIpam(state, { cluster: 'bench' });
const analyseMs = ms(start);
process.stdout.write(`${JSON.stringify({ readMs, parseMs, analyseMs, maxRssMiB: process.resourceUsage().maxRSS / 1024, blocks: state.blocks.length, nodes: state.nodes.size, pools: analysis.figures.pools.length })}\n`);
