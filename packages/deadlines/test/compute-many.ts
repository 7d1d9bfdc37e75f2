// Child process for the time-zone test: reads a JSON list of timelines on stdin and writes the time zone
// it ran in and the outcome of each timeline as JSON on stdout.
import { computeDeadlines, type Timeline } from '../src/index.js';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const timelines = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Timeline[];
process.stdout.write(
  JSON.stringify({
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    outcomes: timelines.map((timeline) => computeDeadlines(timeline)),
  }),
);
