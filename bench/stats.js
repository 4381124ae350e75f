/**
 * What the benchmark (bench/run.js) and the dataset query at scale (scripts/bench-sql.js) both report: quantiles of
 * their samples and the machine they ran on.
 */
'use strict';

const fs = require('fs');
const os = require('os');

/** The q-quantile of the samples, interpolated between the two nearest ranks. */
function quantile(samples, q) {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

/** CPU model, cores and memory of this machine. */
function machine() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = ((/^model name\s*:\s*(.+)$/m.exec(cpuinfo) || [])[1] || os.cpus()[0]?.model || 'unknown').trim();
  return { cpu: model, cores: os.cpus().length, memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB` };
}

module.exports = { machine, quantile };
