// The browser specs share one stack and its demo data. The ones that only read and check every
// screen (the tour, axe, the layout) run first, on the demo data as `npm start` makes it; the
// specs that add clients, debtors, batches and published rule settings run after them, the
// console spec (which adds the most) last. Jest's own order follows the durations it cached on
// the machine, so without this the checks saw other specs' data on some runs and not on others.
const Sequencer = require('@jest/test-sequencer').default;

const FIRST = ['tour.browser.spec.ts', 'accessibility.browser.spec.ts', 'layout.browser.spec.ts'];
const LAST = ['console.browser.spec.ts'];
const rank = (path) => {
  const name = path.split('/').pop();
  if (FIRST.includes(name)) return FIRST.indexOf(name);
  if (LAST.includes(name)) return 100 + LAST.indexOf(name);
  return 50;
};

class BrowserSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
  }
}

module.exports = BrowserSequencer;
