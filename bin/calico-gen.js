#!/usr/bin/env node
'use strict';
const { main } = require('../dist/src/cli/main.js');

// A reader that stops early (`| head`) closes the pipe: like other command-line tools, stop
// writing to it quietly and let the command finish, instead of dying on an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
  (status) => {
    process.exitCode = status;
  },
);
